import { router } from '../trpc.js';

export const bookingsRouter = router({});
