/** waitlist.* — the business's waiting list (issue 17): anyone on the team sees it and removes an entry. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { listWaitlist } from '../../../services/waitlist/list.js';
import { removeEntry } from '../../../services/waitlist/offers.js';
import { idSchema } from '../../inputs.js';
import { router, staffProcedure } from '../trpc.js';

export const waitlistRouter = router({
  list: staffProcedure.query(({ ctx }) => listWaitlist(ctx.deps, ctx.session.businessId)),
  /** Withdraws an open offer (its time passes to the next person) and closes the entry. */
  remove: staffProcedure.input(z.object({ entryId: idSchema })).mutation(async ({ ctx, input }) => {
    const removed = await removeEntry(ctx.deps, ctx.session.businessId, input.entryId, ctx.deps.clock.now());
    if (!removed) throw new TRPCError({ code: 'NOT_FOUND', message: 'no such entry waiting' });
    return { removed: true };
  }),
});
