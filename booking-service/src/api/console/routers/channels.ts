/**
 * channels.* — the owner connects the business's messengers (issue 16): paste a Telegram bot
 * token from BotFather, see the bot's link, disconnect; WhatsApp's phone number id, access token,
 * app secret and template names, see the callback URL and verify token for Meta's dashboard. Owner only; every call is scoped to the
 * session's business. Tokens and secrets are never sent back.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { channelStatus, connectTelegram, disconnectTelegram } from '../../../services/channels/connections.js';
import { connectWhatsApp, disconnectWhatsApp } from '../../../services/channels/whatsapp-connection.js';
import { unwrap } from '../../errors.js';
import { ownerProcedure, router } from '../trpc.js';

const templateSet = z.object({
  code: z.string().trim().max(10),
  reminder: z.string().trim().max(512),
  notice: z.string().trim().max(512),
}).strict();

const whatsappInput = z.object({
  phoneNumberId: z.string().trim().min(1).max(30),
  // Empty keeps the sealed token / secret (the owner changes only the templates).
  accessToken: z.string().trim().max(1000).optional(),
  appSecret: z.string().trim().max(100).optional(),
  templates: z.object({ en: templateSet.optional(), ru: templateSet.optional(), hy: templateSet.optional() }).strict(),
}).strict();

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

  connectWhatsApp: ownerProcedure.input(whatsappInput).mutation(async ({ ctx, input }) => {
    if (!ctx.channels) throw off();
    unwrap(await connectWhatsApp(ctx.deps, ctx.channels, ctx.session.businessId, input));
    return { enabled: true, channels: await channelStatus(ctx.deps, ctx.channels, ctx.session.businessId) };
  }),

  disconnectWhatsApp: ownerProcedure.input(z.object({}).strict().optional()).mutation(async ({ ctx }) => {
    if (!ctx.channels) throw off();
    await disconnectWhatsApp(ctx.deps, ctx.session.businessId);
    return { enabled: true, channels: await channelStatus(ctx.deps, ctx.channels, ctx.session.businessId) };
  }),
});
