import { router } from '../trpc.js';

export const quoteTreesRouter = router({});
