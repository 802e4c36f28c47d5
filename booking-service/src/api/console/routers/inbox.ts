/**
 * inbox.* (console API contract): hand-offs with SLA clocks; staff and owners alike.
 * The console polls `list` every `pollMs` (5 s) for new requests, and refreshes at once on a
 * signal of /console/stream; an open conversation follows /console/conversations/:id/stream.
 */
import { CONVERSATION_CHANNELS } from '@frontdesk/shared';
import { z } from 'zod';
import { claimHandoff, closeHandoff, getInboxItem, listInbox, replyToHandoff } from '../../../services/console/inbox.js';
import { getInboxConversation, markReadByStaff, unreadCounts } from '../../../services/console/inbox-conversation.js';
import { unwrap } from '../../errors.js';
import { idSchema, NOT_STORABLE, storable } from '../../inputs.js';
import { router, staffProcedure } from '../trpc.js';

const byId = z.object({ id: idSchema });
const seqSchema = z.number().int().min(0).max(1_000_000_000);

export const inboxRouter = router({
  list: staffProcedure
    .input(
      z
        .object({
          status: z.enum(['open', 'claimed', 'closed', 'all']).default('all'),
          /** Only the requests from one channel (widget, Telegram, WhatsApp, SMS, e-mail). */
          channel: z.enum(CONVERSATION_CHANNELS).optional(),
        })
        .default({ status: 'all' }),
    )
    .query(({ ctx, input }) => listInbox(ctx.deps, ctx.session.businessId, input.status, input.channel)),
  get: staffProcedure.input(byId).query(async ({ ctx, input }) => unwrap(await getInboxItem(ctx.deps, ctx.session.businessId, input.id))),
  claim: staffProcedure.input(byId).mutation(async ({ ctx, input }) => unwrap(await claimHandoff(ctx.deps, ctx.session, input.id))),
  reply: staffProcedure
    .input(byId.extend({ body: z.string().trim().min(1, 'a reply').max(5000).refine(storable, NOT_STORABLE) }))
    .mutation(async ({ ctx, input }) => unwrap(await replyToHandoff(ctx.deps, ctx.session, input.id, input.body))),
  /** The request's chat: the whole transcript (or the messages after `after`), the lead card, read cursors. */
  conversation: staffProcedure
    .input(z.object({ conversationId: idSchema, after: seqSchema.default(0) }))
    .query(async ({ ctx, input }) => unwrap(await getInboxConversation(ctx.deps, ctx.session.businessId, input.conversationId, input.after))),
  /** Staff have read the conversation up to `seq`. */
  read: staffProcedure
    .input(z.object({ conversationId: idSchema, seq: seqSchema }))
    .mutation(async ({ ctx, input }) => unwrap(await markReadByStaff(ctx.deps, ctx.session.businessId, input.conversationId, input.seq))),
  /** The console menu's badge: open requests and unread visitor messages. */
  unread: staffProcedure.query(({ ctx }) => unreadCounts(ctx.deps, ctx.session.businessId)),
  close: staffProcedure
    .input(byId.extend({ outcome: z.enum(['booked', 'not_interested', 'spam']) }))
    .mutation(async ({ ctx, input }) => unwrap(await closeHandoff(ctx.deps, ctx.session, input.id, input.outcome))),
});
