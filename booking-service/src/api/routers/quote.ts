import { quoteEvaluateInputSchema } from '../../domain/quote/index.js';
import { evaluateSiteQuote } from '../../services/quote.js';
import { unwrap } from '../errors.js';
import { publicProcedure, router } from '../trpc.js';

export const quoteRouter = router({
  evaluate: publicProcedure
    .input(quoteEvaluateInputSchema)
    .mutation(async ({ ctx, input }) => unwrap(await evaluateSiteQuote(ctx.deps, input, ctx.origin))),
});
