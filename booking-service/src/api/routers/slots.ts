import { findCompactSlotsForSite, findSlotsForSite } from '../../services/slots.js';
import { unwrap } from '../errors.js';
import { slotsFindCompactInput, slotsFindInput } from '../inputs.js';
import { publicProcedure, router } from '../trpc.js';

export const slotsRouter = router({
  find: publicProcedure
    .input(slotsFindInput)
    .query(async ({ ctx, input }) => unwrap(await findSlotsForSite(ctx.deps, input, ctx.origin))),
  /** The same search in the compact shape (`CompactSlots`, @frontdesk/shared; decode with decodeSlots). */
  findCompact: publicProcedure
    .input(slotsFindCompactInput)
    .query(async ({ ctx, input }) => unwrap(await findCompactSlotsForSite(ctx.deps, input, ctx.origin))),
});
