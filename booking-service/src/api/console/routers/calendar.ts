import { router } from '../trpc.js';

export const calendarRouter = router({});
