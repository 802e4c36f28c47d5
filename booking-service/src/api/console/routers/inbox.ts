import { router } from '../trpc.js';

export const inboxRouter = router({});
