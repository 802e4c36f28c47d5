import { findSlotsForSite } from '../../services/slots.js';
import { unwrap } from '../errors.js';
import { slotsFindInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const slotsRouter = router({
  find: publicProcedure
    .input(slotsFindInput)
    .query(async ({ ctx, input }) => unwrap(await findSlotsForSite(ctx.deps, input, ctx.origin))),
});
