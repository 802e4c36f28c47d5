/** The business's calendar (contract: notes/console-api.md, calendar). Staff see everyone's; filtering is the UI's. */
import { z } from 'zod';
import { calendarOf } from '../../../services/console/desk.js';
import { idSchema, isoSchema } from '../inputs.js';
import { router, staffProcedure } from '../trpc.js';

/** Six weeks covers a month view with its leading and trailing days. */
const MAX_RANGE_MS = 42 * 86_400_000;

export const calendarRouter = router({
  list: staffProcedure
    .input(
      z
        .object({ from: isoSchema, to: isoSchema, staffId: idSchema.optional() })
        // zod 4 runs these even when from/to failed their format check (still strings then):
        // compare only real dates, or a bad `from` would throw here instead of being named.
        .refine((r) => !(r.from instanceof Date && r.to instanceof Date) || r.to > r.from, { message: 'must be after from', path: ['to'] })
        .refine((r) => !(r.from instanceof Date && r.to instanceof Date) || r.to.getTime() - r.from.getTime() <= MAX_RANGE_MS, { message: 'at most 42 days after from', path: ['to'] }),
    )
    .query(({ ctx, input }) => calendarOf(ctx.deps, ctx.session.businessId, ctx.session.lang, input)),
});
