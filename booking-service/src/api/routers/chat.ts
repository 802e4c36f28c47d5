import { interpretMessage } from '../../services/interpret.js';
import { unwrap } from '../errors.js';
import { interpretInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const chatRouter = router({
  interpret: publicProcedure
    .input(interpretInput)
    .mutation(async ({ ctx, input }) => unwrap(await interpretMessage(ctx.deps, input, ctx.origin))),
});
