import { getSiteView } from '../../services/site-view.js';
import { unwrap } from '../errors.js';
import { siteGetInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const siteRouter = router({
  get: publicProcedure
    .input(siteGetInput)
    .query(async ({ ctx, input }) => unwrap(await getSiteView(ctx.deps, input.siteKey, input.lang, ctx.origin))),
});
