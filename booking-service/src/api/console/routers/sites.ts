import { router } from '../trpc.js';

export const sitesRouter = router({});
