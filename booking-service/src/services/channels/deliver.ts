/**
 * The outbound side of the messenger channels (ports/channel-outbound.ts): whatever is new in a
 * conversation's transcript — the bot's answers, staff replies — goes to the client's chat, in
 * order, once. A per-conversation cursor (`channel_deliveries.delivered_seq`) is advanced with a
 * compare-and-set BEFORE sending, so two deliverers (the webhook's turn and a staff reply in
 * another process) never send the same message; a send that fails after the claim is logged and
 * not repeated (at most once: a repeated booking confirmation is worse than a missing chat line,
 * which the client can ask for again).
 */
import { and, eq, sql } from 'drizzle-orm';
import { channelConnections, channelDeliveries, conversations } from '../../adapters/db/schema.js';
import { renderForTelegram } from '../../domain/channels/telegram-render.js';
import { renderForWhatsApp } from '../../domain/channels/whatsapp-render.js';
import type { Lang, Prompt, TranscriptMessage } from '../../domain/conversation/protocol.js';
import { WhatsAppError } from '../../ports/whatsapp.js';
import type { ChannelOutbound, Farewell } from '../../ports/channel-outbound.js';
import type { Deps } from '../deps.js';
import { readMessages } from '../conversation/transcript.js';
import { markSeenByVisitor } from '../conversation/staff-reply.js';
import { botOf, markBroken, type ConnectionRow } from './connections.js';
import type { ChannelsRuntime } from './runtime.js';
import { whatsappApiOf } from './whatsapp-connection.js';

const MAX_ROUNDS = 5;

export function channelOutbound(deps: Deps, rt: ChannelsRuntime): ChannelOutbound {
  return { deliver: (c) => (c.farewell ? sendFarewell(deps, rt, c.businessId, c.farewell) : deliver(deps, rt, c.businessId, c.conversationId)) };
}

async function connectionOf(deps: Deps, businessId: string, channel: ConnectionRow['channel']): Promise<ConnectionRow | null> {
  const conn = (await deps.db.select().from(channelConnections).where(and(eq(channelConnections.businessId, businessId), eq(channelConnections.channel, channel))).limit(1))[0];
  return conn?.status === 'ok' ? conn : null;
}

/** An erased conversation's last answer ("your data is deleted"): straight to the chat, no cursor (the row is emptied). */
async function sendFarewell(deps: Deps, rt: ChannelsRuntime, businessId: string, f: Farewell): Promise<void> {
  if (f.channel !== 'telegram' && f.channel !== 'whatsapp') return;
  const conn = await connectionOf(deps, businessId, f.channel);
  if (conn) await sendAll(deps, rt, conn, f.chat, f.messages, null, f.lang);
}

async function deliver(deps: Deps, rt: ChannelsRuntime, businessId: string, conversationId: string): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = (await deps.db.select().from(conversations).where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId))).limit(1))[0];
    if (!row || (row.channel !== 'telegram' && row.channel !== 'whatsapp') || !row.externalRef) return;
    const conn = await connectionOf(deps, businessId, row.channel);
    if (!conn) return;
    const now = deps.clock.now();
    await deps.db.insert(channelDeliveries).values({ conversationId, deliveredSeq: 0, updatedAt: now }).onConflictDoNothing();
    const cursor = (await deps.db.select().from(channelDeliveries).where(eq(channelDeliveries.conversationId, conversationId)).limit(1))[0]?.deliveredSeq ?? 0;
    if (row.seq <= cursor) return;
    const claimed = await deps.db
      .update(channelDeliveries)
      .set({ deliveredSeq: row.seq, updatedAt: now })
      .where(and(eq(channelDeliveries.conversationId, conversationId), eq(channelDeliveries.deliveredSeq, cursor), sql`${row.seq} > ${channelDeliveries.deliveredSeq}`))
      .returning({ seq: channelDeliveries.deliveredSeq });
    if (claimed.length === 0) continue; // another deliverer moved the cursor: look again
    const messages = (await readMessages(deps.db, conversationId, cursor)).filter((m) => m.seq <= row.seq);
    const prompt = (row.state as { prompt?: Prompt }).prompt ?? null;
    if (!(await sendAll(deps, rt, conn, row.externalRef, messages, prompt, row.lang))) return;
    // Delivered into the client's chat: as seen as a message gets there (no "unseen reply" e-mail follows).
    await markSeenByVisitor(deps.db, conversationId, row.seq);
    return;
  }
}

/** Sends the messages in order; false at the first refusal (the rest would arrive out of order). */
async function sendAll(deps: Deps, rt: ChannelsRuntime, conn: ConnectionRow, chat: string, messages: TranscriptMessage[], prompt: Prompt | null, lang: Lang): Promise<boolean> {
  try {
    if (conn.channel === 'whatsapp') {
      const api = whatsappApiOf(rt, conn);
      for (const out of renderForWhatsApp(messages, prompt, lang)) await api.send(chat, out);
    } else {
      const bot = botOf(rt, conn);
      for (const out of renderForTelegram(messages, prompt, lang)) await bot.sendMessage(chat, out.text, out.markup);
    }
    return true;
  } catch (err) {
    rt.log?.(`[channels] ${conn.channel} send to ${conn.channel} chat failed`, err);
    const code = (err as { error_code?: number }).error_code;
    if (conn.channel === 'telegram' && (code === 401 || code === 404)) await markBroken(deps, conn.id, 'Telegram refused the bot token');
    if (err instanceof WhatsAppError && err.unauthorized) await markBroken(deps, conn.id, 'Meta refused the access token');
    return false;
  }
}
