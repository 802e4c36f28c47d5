/**
 * Telegram's webhook (issue 16): an update is believed only with the connection's secret_token
 * (compared in constant time; a forged request is refused before anything is read or written),
 * played at most once (its update_id is recorded in the same transaction as the turn), and turned
 * into a visitor event of the one conversation engine: button presses are options, text is parsed
 * as in the widget, a shared contact answers the contact form.
 */
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { businesses, channelConnections, channelUpdates, conversations, customers, sites } from '../../adapters/db/schema.js';
import { callbackEvent, textEvent } from '../../domain/channels/telegram-render.js';
import { parseContact } from '../../domain/conversation/contact.js';
import type { VisitorEvent } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { sendChannelTurn } from '../conversation/turns.js';
import type { SiteContext } from '../site.js';
import { botOf } from './connections.js';
import { channelOutbound } from './deliver.js';
import { webhookSecret, type ChannelsRuntime } from './runtime.js';
import { parseReminderAction } from '../../domain/channels/reminder-actions.js';
import { handleReminderPress } from './reminder-actions.js';
import { handleStartLink, startParam } from './telegram-start.js';

export type WebhookAnswer = { status: 200 | 400 | 401 | 404; body: string };

interface TgUser { id: number; language_code?: string; first_name?: string; last_name?: string }
interface TgChat { id: number; type: string }
interface TgUpdate {
  update_id: number;
  message?: { message_id: number; chat: TgChat; from?: TgUser; text?: string; contact?: { phone_number: string; first_name?: string; last_name?: string; user_id?: number } };
  callback_query?: { id: string; from: TgUser; data?: string; message?: { message_id: number; chat: TgChat } };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function asUpdate(body: unknown): TgUpdate | null {
  if (!body || typeof body !== 'object') return null;
  const u = body as TgUpdate;
  return Number.isSafeInteger(u.update_id) ? u : null;
}

/** The event an update stands for (a function of the prompt on screen for typed text), or null to ignore it. */
function eventOf(u: TgUpdate): { chat: TgChat; from: TgUser | undefined; event: VisitorEvent | ((p: Parameters<typeof textEvent>[1]) => VisitorEvent) } | null {
  if (u.callback_query) {
    const chat = u.callback_query.message?.chat;
    const event = u.callback_query.data ? callbackEvent(u.callback_query.data) : null;
    return chat && event ? { chat, from: u.callback_query.from, event } : null;
  }
  const m = u.message;
  if (!m) return null;
  if (m.contact) {
    // Only the sender's own number (the "Share my phone number" button), not a forwarded card.
    if (m.contact.user_id !== undefined && m.from && m.contact.user_id !== m.from.id) return null;
    const name = [m.contact.first_name, m.contact.last_name].filter(Boolean).join(' ') || m.from?.first_name || '';
    const phone = m.contact.phone_number.startsWith('+') ? m.contact.phone_number : `+${m.contact.phone_number}`;
    return { chat: m.chat, from: m.from, event: (prompt) => (prompt?.kind === 'contact' && prompt.fields.includes('name') ? { type: 'contact', name: prompt.values?.name ?? name, contact: phone, consent: true } : { type: 'text', text: phone }) };
  }
  if (typeof m.text !== 'string') return null;
  const text = m.text.trim();
  if (/^\/(start|menu)(@\w+)?(\s|$)/.test(text)) return { chat: m.chat, from: m.from, event: { type: 'menu' } };
  return { chat: m.chat, from: m.from, event: (prompt) => textEvent(text, prompt, (raw) => parseContact(raw) !== null) };
}

async function siteOf(deps: Deps, siteId: string | null): Promise<SiteContext | undefined> {
  if (!siteId) return undefined;
  return (await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.id, siteId)).limit(1))[0];
}

export async function handleTelegramUpdate(deps: Deps, rt: ChannelsRuntime, connectionId: string, secretHeader: string | undefined, body: unknown): Promise<WebhookAnswer> {
  const conn = (await deps.db.select().from(channelConnections).where(eq(channelConnections.id, connectionId)).limit(1))[0];
  // Unknown connection and wrong secret answer alike, so the webhook reveals nothing.
  if (!conn || conn.channel !== 'telegram' || !sameSecret(secretHeader, webhookSecret(deps.secret, conn.id))) return { status: 401, body: 'unauthorized' };
  const update = asUpdate(body);
  if (!update) return { status: 400, body: 'update_id: expected an integer' };
  const site = await siteOf(deps, conn.siteId);
  // A reminder's Confirm / Reschedule button.
  const press = update.callback_query?.data ? parseReminderAction(update.callback_query.data) : null;
  const pressChat = update.callback_query?.message?.chat;
  if (site && press && pressChat?.type === 'private') {
    const r = await handleReminderPress(deps, rt, { conn, site, channel: 'telegram', chat: String(pressChat.id), ...press, updateKey: `u:${update.update_id}` });
    await botOf(rt, conn).answerCallbackQuery(update.callback_query!.id).catch((err: unknown) => rt.log?.('[channels] answerCallbackQuery failed', err));
    return { status: 200, body: r === 'played' ? 'ok' : 'duplicate' };
  }
  // "Get reminders in Telegram": the deep link's /start <token> (telegram-start.ts).
  const param = startParam(update.message?.text);
  if (site && param !== null && update.message?.chat.type === 'private') {
    const r = await handleStartLink(deps, rt, { conn, site, chat: String(update.message.chat.id), param, languageCode: update.message.from?.language_code, updateKey: `u:${update.update_id}` });
    return { status: 200, body: r === 'duplicate' ? 'duplicate' : r };
  }
  const what = eventOf(update);
  // Not for us (a group, a sticker, a button from elsewhere): acknowledged so Telegram stops resending.
  if (!site || !what || what.chat.type !== 'private') return { status: 200, body: 'ignored' };

  const played = await sendChannelTurn(deps, {
    site,
    channel: 'telegram',
    externalRef: String(what.chat.id),
    lang: what.from?.language_code,
    event: what.event,
    claimUpdate: async (tx) =>
      (await tx.insert(channelUpdates).values({ connectionId: conn.id, updateKey: `u:${update.update_id}`, receivedAt: deps.clock.now() }).onConflictDoNothing().returning()).length > 0,
  });
  if (update.callback_query) {
    // Stops the button's spinner; best effort (the query may be too old).
    await botOf(rt, conn).answerCallbackQuery(update.callback_query.id).catch((err: unknown) => rt.log?.('[channels] answerCallbackQuery failed', err));
  }
  if (played.played) await preferTelegram(deps, played.conversationId);
  if (played.played) await (deps.outbound ?? channelOutbound(deps, rt)).deliver({ businessId: played.businessId, conversationId: played.conversationId, farewell: played.farewell });
  return { status: 200, body: played.played ? 'ok' : 'duplicate' };
}

/** A client who booked (or left a contact) in Telegram gets their booking messages there from now on. */
async function preferTelegram(deps: Deps, conversationId: string): Promise<void> {
  const row = (await deps.db.select({ customerId: conversations.customerId }).from(conversations).where(eq(conversations.id, conversationId)).limit(1))[0];
  if (!row?.customerId) return;
  await deps.db.update(customers).set({ preferredChannel: 'telegram' }).where(and(eq(customers.id, row.customerId), or(isNull(customers.preferredChannel), ne(customers.preferredChannel, 'telegram'))));
}
