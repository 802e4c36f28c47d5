import { router } from '../trpc.js';

export const businessRouter = router({});
