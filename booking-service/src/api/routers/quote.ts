import { evaluateSiteQuote } from '../../services/quote.js';
import { unwrap } from '../errors.js';
import { quoteInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const quoteRouter = router({
  evaluate: publicProcedure
    .input(quoteInput)
    .mutation(async ({ ctx, input }) => unwrap(await evaluateSiteQuote(ctx.deps, input, ctx.origin))),
});
