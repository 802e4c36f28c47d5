/**
 * A business's channel connections (issue 16): the owner pastes a Telegram bot token from
 * BotFather; the token is checked with getMe, sealed, and the bot's webhook is pointed at this
 * service with a per-connection secret_token. WhatsApp's connection is whatsapp-connection.ts;
 * these two files are the only writers of `channel_connections`.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { channelConnections, sites } from '../../adapters/db/schema.js';
import type { TelegramBot } from '../../ports/telegram.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { telegramWebhookUrl, webhookSecret, type ChannelsRuntime } from './runtime.js';
import { whatsappConnection, whatsappStatus, type WhatsAppStatusView } from './whatsapp-connection.js';

export type ConnectionRow = typeof channelConnections.$inferSelect;

export interface ChannelStatusView {
  channel: 'telegram';
  connected: boolean;
  status: 'ok' | 'broken' | null;
  brokenReason: string | null;
  /** The bot's @username: what clients search for in Telegram. */
  username: string | null;
  link: string | null;
  demo: boolean;
}

/** BotFather's token shape: "<bot id>:<35 characters>". */
const TOKEN = /^\d{5,20}:[A-Za-z0-9_-]{30,60}$/;

export async function telegramConnection(deps: Deps, businessId: string): Promise<ConnectionRow | undefined> {
  return (await deps.db.select().from(channelConnections).where(and(eq(channelConnections.businessId, businessId), eq(channelConnections.channel, 'telegram'))).limit(1))[0];
}

export async function channelStatus(deps: Deps, rt: ChannelsRuntime | undefined, businessId: string): Promise<Array<ChannelStatusView | WhatsAppStatusView>> {
  const row = await telegramConnection(deps, businessId);
  const username = row?.config.username ?? null;
  return [{
    channel: 'telegram',
    connected: !!row,
    status: row?.status ?? null,
    brokenReason: row?.brokenReason ?? null,
    username,
    link: username ? `https://t.me/${username}` : null,
    demo: rt?.demo ?? false,
  }, whatsappStatus(deps, rt, await whatsappConnection(deps, businessId))];
}

/** The bot behind a connection, with its token opened. */
export function botOf(rt: ChannelsRuntime, row: ConnectionRow): TelegramBot {
  return rt.telegram(rt.cipher.open(row.secretSealed, row.id));
}

export async function connectTelegram(deps: Deps, rt: ChannelsRuntime, businessId: string, rawToken: string): Promise<Result<Array<ChannelStatusView | WhatsAppStatusView>>> {
  const token = rawToken.trim();
  if (!TOKEN.test(token)) return fail('INVALID_INPUT', 'token: not a bot token from BotFather', { field: 'token', fields: [{ path: 'token', message: 'not a bot token from BotFather' }] });
  const bot = rt.telegram(token);
  let me: Awaited<ReturnType<TelegramBot['getMe']>>;
  try {
    me = await bot.getMe();
  } catch (err) {
    if ((err as { error_code?: number }).error_code === 401 || (err as { error_code?: number }).error_code === 404) {
      return fail('INVALID_INPUT', 'token: Telegram does not know this token', { field: 'token', fields: [{ path: 'token', message: 'Telegram does not know this token' }] });
    }
    rt.log?.('[channels] telegram getMe failed', err);
    return fail('CHANNEL_UNAVAILABLE', 'Telegram did not answer; try again');
  }
  const now = deps.clock.now();
  const existing = await telegramConnection(deps, businessId);
  const id = existing?.id ?? randomUUID();
  const site = (await deps.db.select({ id: sites.id }).from(sites).where(eq(sites.businessId, businessId)).orderBy(asc(sites.id)).limit(1))[0];
  try {
    await bot.setWebhook(telegramWebhookUrl(rt.publicUrl, id), webhookSecret(deps.secret, id));
  } catch (err) {
    rt.log?.('[channels] telegram setWebhook failed', err);
    return fail('CHANNEL_UNAVAILABLE', 'Telegram refused the webhook; try again');
  }
  const values = {
    siteId: site?.id ?? null,
    status: 'ok' as const,
    brokenReason: null,
    config: { username: me.username, botId: String(me.id), name: me.firstName },
    secretSealed: rt.cipher.seal(token, id),
    updatedAt: now,
  };
  if (existing) await deps.db.update(channelConnections).set(values).where(eq(channelConnections.id, id));
  else await deps.db.insert(channelConnections).values({ id, businessId, channel: 'telegram', createdAt: now, ...values });
  return ok(await channelStatus(deps, rt, businessId));
}

export async function disconnectTelegram(deps: Deps, rt: ChannelsRuntime, businessId: string): Promise<Array<ChannelStatusView | WhatsAppStatusView>> {
  const row = await telegramConnection(deps, businessId);
  if (row) {
    // Best effort: a revoked token cannot remove its webhook, and the row goes either way.
    await botOf(rt, row).deleteWebhook().catch((err: unknown) => rt.log?.('[channels] telegram deleteWebhook failed', err));
    await deps.db.delete(channelConnections).where(eq(channelConnections.id, row.id));
  }
  return channelStatus(deps, rt, businessId);
}

export async function markBroken(deps: Deps, connectionId: string, reason: string): Promise<void> {
  await deps.db.update(channelConnections).set({ status: 'broken', brokenReason: reason.slice(0, 500), updatedAt: deps.clock.now() }).where(eq(channelConnections.id, connectionId));
}
