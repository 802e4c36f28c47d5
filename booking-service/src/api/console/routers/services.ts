import { router } from '../trpc.js';

export const servicesRouter = router({});
