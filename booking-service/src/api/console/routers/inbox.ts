/**
 * inbox.* (console API contract): hand-offs with SLA clocks; staff and owners alike.
 * The console polls `list` every `pollMs` (5 s) for new requests.
 */
import { z } from 'zod';
import { claimHandoff, closeHandoff, getInboxItem, listInbox, replyToHandoff } from '../../../services/console/inbox.js';
import { unwrap } from '../../errors.js';
import { idSchema, NOT_STORABLE, storable } from '../../inputs.js';
import { router, staffProcedure } from '../trpc.js';

const byId = z.object({ id: idSchema });

export const inboxRouter = router({
  list: staffProcedure
    .input(z.object({ status: z.enum(['open', 'claimed', 'closed', 'all']).default('all') }).default({ status: 'all' }))
    .query(({ ctx, input }) => listInbox(ctx.deps, ctx.session.businessId, input.status)),
  get: staffProcedure.input(byId).query(async ({ ctx, input }) => unwrap(await getInboxItem(ctx.deps, ctx.session.businessId, input.id))),
  claim: staffProcedure.input(byId).mutation(async ({ ctx, input }) => unwrap(await claimHandoff(ctx.deps, ctx.session, input.id))),
  reply: staffProcedure
    .input(byId.extend({ body: z.string().trim().min(1, 'a reply').max(5000).refine(storable, NOT_STORABLE) }))
    .mutation(async ({ ctx, input }) => unwrap(await replyToHandoff(ctx.deps, ctx.session, input.id, input.body))),
  close: staffProcedure
    .input(byId.extend({ outcome: z.enum(['booked', 'not_interested', 'spam']) }))
    .mutation(async ({ ctx, input }) => unwrap(await closeHandoff(ctx.deps, ctx.session, input.id, input.outcome))),
});
