/**
 * channels.* — the owner connects the business's messengers (issue 16): paste a Telegram bot
 * token from BotFather, see the bot's link, disconnect. Owner only; every call is scoped to the
 * session's business. The token is never sent back.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { channelStatus, connectTelegram, disconnectTelegram } from '../../../services/channels/connections.js';
import { unwrap } from '../../errors.js';
import { ownerProcedure, router } from '../trpc.js';

const off = () => new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Messenger channels are not configured on this server' });

export const channelsRouter = router({
  status: ownerProcedure.query(async ({ ctx }) => ({ enabled: !!ctx.channels, channels: await channelStatus(ctx.deps, ctx.channels, ctx.session.businessId) })),

  connectTelegram: ownerProcedure.input(z.object({ token: z.string().trim().min(1).max(200) })).mutation(async ({ ctx, input }) => {
    if (!ctx.channels) throw off();
    return { enabled: true, channels: unwrap(await connectTelegram(ctx.deps, ctx.channels, ctx.session.businessId, input.token)) };
  }),

  // No fields, but a body is still read and checked: garbage is a 400, not a call that runs.
  disconnectTelegram: ownerProcedure.input(z.object({}).strict().optional()).mutation(async ({ ctx }) => {
    if (!ctx.channels) throw off();
    return { enabled: true, channels: await disconnectTelegram(ctx.deps, ctx.channels, ctx.session.businessId) };
  }),
});
