import { recordWidgetEvent } from '../../services/widget-events.js';
import { unwrap } from '../errors.js';
import { eventRecordInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const eventsRouter = router({
  record: publicProcedure
    .input(eventRecordInput)
    .mutation(async ({ ctx, input }) => unwrap(await recordWidgetEvent(ctx.deps, input, ctx.origin))),
});
