import { router } from '../trpc.js';

export const googleRouter = router({});
