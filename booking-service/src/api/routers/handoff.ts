import { requestHandoff } from '../../services/handoff.js';
import { unwrap } from '../errors.js';
import { handoffInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const handoffRouter = router({
  request: publicProcedure
    .input(handoffInput)
    .mutation(async ({ ctx, input }) => unwrap(await requestHandoff(ctx.deps, input, ctx.origin))),
});
