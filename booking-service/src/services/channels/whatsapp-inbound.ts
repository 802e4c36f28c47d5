/**
 * WhatsApp's webhook (issue 16), one URL per connection:
 * - GET is Meta's verification handshake: `hub.mode=subscribe` with the connection's verify token
 *   answers `hub.challenge`; anything else is 403.
 * - POST is believed only with a valid `X-Hub-Signature-256` (HMAC of the raw body with the app
 *   secret, constant-time; checked before the body is parsed). Each inbound message is played at
 *   most once — its id (`wamid…`) is recorded in the same transaction as the turn — as a visitor
 *   event of the one conversation engine: a tapped reply button or list row is an option, text is
 *   parsed as in the widget and Telegram. Delivery statuses (`statuses[]`) of booking notices are
 *   recorded, and a failed one is handled once (whatsapp-status.ts: template re-send or fallback).
 */
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import { businesses, channelConnections, channelUpdates, conversations, customers, sites } from '../../adapters/db/schema.js';
import { textEvent } from '../../domain/channels/telegram-render.js';
import { replyEvent, type WaSender } from '../../domain/channels/whatsapp-render.js';
import { parseContact } from '../../domain/conversation/contact.js';
import type { Prompt, VisitorEvent } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { sendChannelTurn } from '../conversation/turns.js';
import type { SiteContext } from '../site.js';
import { channelOutbound } from './deliver.js';
import type { ChannelsRuntime } from './runtime.js';
import { appSecretOf, verifyTokenOf } from './whatsapp-connection.js';
import { parseReminderAction } from '../../domain/channels/reminder-actions.js';
import { handleReminderPress } from './reminder-actions.js';
import { sameToken, validHubSignature } from './whatsapp-signature.js';
import { handleFailedNotice, recordWhatsAppStatus, type WaStatus } from './whatsapp-status.js';

export type WebhookAnswer = { status: 200 | 400 | 401 | 403; body: string };

/** The parts of Meta's `messages` object we read (others: image, audio, location… are ignored). */
interface WaMessage {
  from: string;
  id: string;
  type: string;
  text?: { body?: string };
  interactive?: { type: string; button_reply?: { id: string }; list_reply?: { id: string } };
  /** A template's quick-reply button. */
  button?: { payload?: string; text?: string };
}
interface WaValue {
  metadata?: { phone_number_id?: string };
  contacts?: Array<{ wa_id?: string; profile?: { name?: string } }>;
  messages?: WaMessage[];
  /** What became of messages we sent (Meta: sent, delivered, read, failed with `errors`). */
  statuses?: WaStatusItem[];
}
interface WaStatusItem {
  id?: string;
  status?: string;
  timestamp?: string;
  recipient_id?: string;
  errors?: Array<{ code?: number; title?: string; message?: string }>;
}
const STATUSES = new Set<string>(['sent', 'delivered', 'read', 'failed']);
interface WaWebhook { object?: string; entry?: Array<{ changes?: Array<{ field?: string; value?: WaValue }> }> }

async function connectionOf(deps: Deps, connectionId: string) {
  const conn = (await deps.db.select().from(channelConnections).where(eq(channelConnections.id, connectionId)).limit(1))[0];
  return conn?.channel === 'whatsapp' ? conn : undefined;
}

export async function verifyWhatsAppWebhook(deps: Deps, connectionId: string, query: Record<string, unknown>): Promise<WebhookAnswer> {
  const conn = await connectionOf(deps, connectionId);
  const challenge = query['hub.challenge'];
  if (!conn || query['hub.mode'] !== 'subscribe' || typeof challenge !== 'string' || !sameToken(query['hub.verify_token'], verifyTokenOf(deps.secret, conn.id))) {
    return { status: 403, body: 'forbidden' };
  }
  return { status: 200, body: challenge };
}

/**
 * A hello or "menu" on its own opens the menu — WhatsApp has no /start; a new chat's first hello
 * gets just the greeting. Anything else is read as what it says.
 */
const HELLO = /^(hi|hello|hey|start|menu|привет|здравствуйте|добрый день|начать|меню|բարև|բարեւ|ողջույն|մենյու)[\s!.)]*$/iu;

/** The event a message stands for (a function of the prompt on screen), or null to ignore it. */
function eventOf(m: WaMessage, sender: WaSender): ((prompt: Prompt | null) => VisitorEvent | null) | null {
  if (m.type === 'text' && typeof m.text?.body === 'string') {
    const text = m.text.body;
    if (HELLO.test(text.trim())) return () => ({ type: 'menu' });
    return (prompt) => textEvent(text, prompt, (raw) => parseContact(raw) !== null);
  }
  const id = m.type === 'interactive' ? (m.interactive?.button_reply?.id ?? m.interactive?.list_reply?.id) : m.type === 'button' ? m.button?.payload : undefined;
  if (typeof id !== 'string') return null;
  return (prompt) => replyEvent(id, prompt, sender);
}

async function siteOf(deps: Deps, siteId: string | null): Promise<SiteContext | undefined> {
  if (!siteId) return undefined;
  return (await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.id, siteId)).limit(1))[0];
}

/** WhatsApp ids are digits (the number with its country code). */
const WA_ID = /^\d{6,20}$/;

export async function handleWhatsAppWebhook(deps: Deps, rt: ChannelsRuntime, connectionId: string, signature: string | undefined, rawBody: Buffer): Promise<WebhookAnswer> {
  const conn = await connectionOf(deps, connectionId);
  // Unknown connection and bad signature answer alike, so the webhook reveals nothing.
  if (!conn || !validHubSignature(rawBody, signature, appSecretOf(rt, conn))) return { status: 401, body: 'unauthorized' };
  let body: WaWebhook;
  try {
    body = JSON.parse(rawBody.toString('utf8')) as WaWebhook;
  } catch {
    return { status: 400, body: 'body: expected JSON' };
  }
  if (body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) return { status: 400, body: 'object: expected whatsapp_business_account' };
  const site = await siteOf(deps, conn.siteId);
  if (!site) return { status: 200, body: 'ignored' };
  let played = 0;
  for (const change of body.entry.flatMap((e) => e.changes ?? [])) {
    const value = change.value;
    // Another number of the same app (one app may serve several businesses' numbers) is not this connection's.
    if (change.field !== 'messages' || !value || value.metadata?.phone_number_id !== conn.config.phoneNumberId) continue;
    for (const st of value.statuses ?? []) if (await playStatus(deps, st)) played++;
    for (const m of value.messages ?? []) {
      if (typeof m.id !== 'string' || typeof m.from !== 'string' || !WA_ID.test(m.from)) continue;
      // A reminder's Confirm / Reschedule: a reply button inside the window, a template's quick reply outside.
      const press = parseReminderAction((m.type === 'interactive' ? m.interactive?.button_reply?.id : m.type === 'button' ? m.button?.payload : undefined) ?? '');
      if (press) {
        if ((await handleReminderPress(deps, rt, { conn, site, channel: 'whatsapp', chat: m.from, ...press, updateKey: `m:${m.id}` })) === 'played') played++;
        continue;
      }
      const name = value.contacts?.find((c) => c.wa_id === m.from)?.profile?.name ?? '';
      const event = eventOf(m, { waId: m.from, name });
      if (!event) continue;
      const r = await sendChannelTurn(deps, {
        site,
        channel: 'whatsapp',
        externalRef: m.from,
        // WhatsApp does not say the client's language: the business's (negotiated by the engine), or what they pick.
        lang: undefined,
        event,
        claimUpdate: async (tx) =>
          (await tx.insert(channelUpdates).values({ connectionId: conn.id, updateKey: `m:${m.id}`, receivedAt: deps.clock.now() }).onConflictDoNothing().returning()).length > 0,
      });
      if (!r.played) continue;
      played++;
      await preferWhatsApp(deps, r.conversationId);
      await (deps.outbound ?? channelOutbound(deps, rt)).deliver({ businessId: r.businessId, conversationId: r.conversationId, farewell: r.farewell });
    }
  }
  return { status: 200, body: played > 0 ? 'ok' : 'nothing new' };
}

/** One status of a message we sent; true when it changed what happens (a failed notice handled). */
async function playStatus(deps: Deps, st: WaStatusItem): Promise<boolean> {
  if (typeof st.id !== 'string' || st.id === '' || typeof st.status !== 'string' || !STATUSES.has(st.status)) return false;
  const err = st.errors?.[0];
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await recordWhatsAppStatus(tx, {
      messageId: st.id!, status: st.status as WaStatus, at: now,
      errorCode: typeof err?.code === 'number' ? err.code : null, errorTitle: typeof err?.title === 'string' ? err.title : (err?.message ?? null),
    });
    return row ? (await handleFailedNotice(tx, row, now)) !== null : false;
  });
}

/** A client who booked (or left a contact) in WhatsApp gets their booking messages there from now on. */
async function preferWhatsApp(deps: Deps, conversationId: string): Promise<void> {
  const row = (await deps.db.select({ customerId: conversations.customerId }).from(conversations).where(eq(conversations.id, conversationId)).limit(1))[0];
  if (!row?.customerId) return;
  await deps.db.update(customers).set({ preferredChannel: 'whatsapp' }).where(and(eq(customers.id, row.customerId), or(isNull(customers.preferredChannel), ne(customers.preferredChannel, 'whatsapp'))));
}
