import { router } from '../trpc.js';

export const staffRouter = router({});
