/**
 * A client's text to the SMS provider's number (issue 16), once its webhook proved genuine
 * (ports/sms.ts SmsInboundReader; 403 otherwise, in app.ts). The text answers the last SMS we
 * sent to that number: its booking names the business, and "1" confirms the phone's next
 * upcoming booking there — through the same use case as the e-mail's "I'll be there" link —
 * "2" answers with the short link to reschedule it. Any other text is for the business's people:
 * it lands in the conversation that SMS belonged to (the booking's or the follow-up's chat) as the
 * client's message, with a request in the staff inbox unless one is open already (a booking made
 * without a chat gets a request of its own), and the client is told it was passed on; a number we
 * cannot place gets a short help text. A text that only acknowledges ("ok", "thanks", 👍) joins
 * the conversation, if there is one, and nothing more: no request for staff, no reply.
 * Played once per provider message id: the `sms_inbound` row is written before acting (a
 * redelivered webhook finds it and changes nothing), and removed again if acting failed, so
 * the provider's retry is played. The answer is an `sms.reply` job (jobs/sms-reply.ts) queued in
 * the transaction that records what the message meant, so a provider outage retries it.
 */
import { and, asc, desc, eq, gt, inArray, like, sql } from 'drizzle-orm';
import { bookings, businesses, conversations, customers, followUps, handoffs, sentMessages, sites, smsInbound } from '../../adapters/db/schema.js';
import type { Queryable } from '../../adapters/db/client.js';
import { appendMessages } from '../conversation/transcript.js';
import { requestHandoff } from '../handoff.js';
import { langOfText, parseSmsReply, smsReplyWord, type SmsReplyWord } from '../../domain/channels/sms-reply.js';
import { instantWords } from '../../domain/conversation/words/format.js';
import { onlyAcknowledges } from '../../domain/intent/short-replies.js';
import type { Lang } from '../../domain/messages/types.js';
import type { SmsInboundMessage } from '../../ports/sms.js';
import type { Deps } from '../deps.js';
import { bookingLinks } from '../notifications/links.js';
import { signToken } from '../tokens.js';
import { confirmAttendance } from '../visitor-confirm.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import type { ChannelsRuntime } from './runtime.js';
import { shortLink } from './short-links.js';

/** The `sms.reply` job (jobs/sms-reply.ts). */
export interface SmsReplyPayload {
  /** The provider and its id of the client's message this answers: one answer per message. */
  provider: string;
  messageId: string;
  to: string;
  text: string;
}

export type SmsInboundResult = 'duplicate' | 'confirm' | 'reschedule' | 'help' | 'none' | 'not_now' | 'message';

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** The number's last SMS about a booking or a follow-up (each found through its own partial index). */
interface LastText {
  businessId: string;
  lang: Lang | null;
  timeZone: string;
  conversationId: string | null;
  siteId: string | null;
  sentAt: Date;
}

/** The business whose SMS this number got last, the language it was written in, and the conversation it belonged to. */
export async function lastTextedBusiness(deps: Pick<Deps, 'db'>, digits: string): Promise<LastText | undefined> {
  const sameNumber = sql`regexp_replace(${sentMessages.recipient}, '\\D', '', 'g') = ${digits}`;
  const [booking, followUp] = await Promise.all([
    deps.db
      .select({ businessId: bookings.businessId, lang: bookings.lang, timeZone: businesses.timeZone, conversationId: bookings.conversationId, siteId: bookings.siteId, sentAt: sentMessages.sentAt })
      .from(sentMessages)
      .innerJoin(bookings, eq(bookings.id, sentMessages.subjectId))
      .innerJoin(businesses, eq(businesses.id, bookings.businessId))
      .where(and(like(sentMessages.kind, 'sms:%'), sameNumber))
      .orderBy(desc(sentMessages.sentAt))
      .limit(1),
    deps.db
      .select({ businessId: conversations.businessId, lang: conversations.lang, timeZone: businesses.timeZone, conversationId: conversations.id, siteId: conversations.siteId, sentAt: sentMessages.sentAt })
      .from(sentMessages)
      .innerJoin(followUps, eq(followUps.id, sentMessages.subjectId))
      .innerJoin(conversations, eq(conversations.id, followUps.conversationId))
      .innerJoin(businesses, eq(businesses.id, conversations.businessId))
      .where(and(eq(sentMessages.kind, 'followup_sms'), sameNumber))
      .orderBy(desc(sentMessages.sentAt))
      .limit(1),
  ]);
  const a = booking[0];
  const b = followUp[0];
  return a && b ? (b.sentAt > a.sentAt ? b : a) : (a ?? b);
}

/**
 * A client's text for the business's people: into the conversation the SMS belonged to (the
 * console sees it live) with a request in the inbox unless one is open already; without a
 * conversation (a booking made by phone), a request of its own. Inside the caller's transaction.
 */
async function passOn(deps: Deps, tx: Queryable, last: LastText, m: SmsInboundMessage, lang: Lang, customerName: string | null, now: Date, ack: boolean): Promise<{ conversationId: string; seq: number } | null> {
  const text = m.text.trim().slice(0, 5000);
  const conv = last.conversationId
    ? (await tx.select().from(conversations).where(eq(conversations.id, last.conversationId)).limit(1))[0]
    : undefined;
  const siteId = conv?.siteId ?? last.siteId;
  const site = (await tx.select({ siteKey: sites.siteKey }).from(sites).where(siteId ? eq(sites.id, siteId) : eq(sites.businessId, last.businessId)).limit(1))[0];
  let landed: { conversationId: string; seq: number } | null = null;
  if (conv) {
    const [msg] = await appendMessages(tx, conv.id, conv.businessId, [{ from: 'visitor', text }], now);
    await tx.update(conversations)
      .set({ lastVisitorAt: now, ...(!ack && (conv.status === 'closed' || conv.status === 'bot') ? { status: 'waiting' as const } : {}) })
      .where(eq(conversations.id, conv.id));
    landed = { conversationId: conv.id, seq: msg!.seq };
    if (ack) return landed;
    const open = await tx.select({ id: handoffs.id }).from(handoffs)
      .where(and(eq(handoffs.conversationId, conv.id), inArray(handoffs.status, ['open', 'claimed'])))
      .limit(1);
    if (open.length > 0) return landed;
  }
  if (!site || ack) return landed;
  const r = await requestHandoff({ ...deps, db: tx }, {
    siteKey: site.siteKey,
    message: text,
    contact: { name: conv?.contactName ?? customerName ?? m.from, phone: m.from },
    lang,
    intent: 'other',
    conversationId: conv?.id,
  }, undefined);
  if (!r.ok) throw new Error(`SMS text of ${last.businessId}: ${r.message}`);
  return landed;
}

/** The phone's next booking at the business that is still to come and still on. */
async function nextBooking(deps: Deps, businessId: string, digits: string, now: Date) {
  return (await deps.db
    .select({ booking: bookings })
    .from(bookings)
    .innerJoin(customers, eq(customers.id, bookings.customerId))
    .where(and(
      eq(bookings.businessId, businessId),
      eq(bookings.status, 'confirmed'),
      gt(bookings.startsAt, now),
      sql`regexp_replace(coalesce(${customers.phone}, ''), '\\D', '', 'g') = ${digits}`,
    ))
    .orderBy(asc(bookings.startsAt))
    .limit(1))[0]?.booking;
}

export async function handleSmsInbound(deps: Deps, rt: ChannelsRuntime, provider: string, m: SmsInboundMessage): Promise<SmsInboundResult> {
  const sms = rt.sms;
  const digits = digitsOf(m.from);
  const now = deps.clock.now();
  const claimed = await deps.db.insert(smsInbound)
    .values({ provider, messageId: m.id, phone: digits, answer: 'help', receivedAt: now })
    .onConflictDoNothing().returning();
  if (claimed.length === 0) return 'duplicate';
  try {
    const biz = digits.length >= 6 ? await lastTextedBusiness(deps, digits) : undefined;
    const booking = biz ? await nextBooking(deps, biz.businessId, digits, now) : undefined;
    const lang: Lang = booking?.lang ?? biz?.lang ?? langOfText(m.text);
    const reply = parseSmsReply(m.text);
    let answer: Exclude<SmsInboundResult, 'duplicate'>;
    let word: SmsReplyWord | null;
    const values: Record<string, string> = {};
    const ack = reply === 'other' && onlyAcknowledges(m.text);
    if (reply === 'other' && biz && ack) {
      // "ok", "thanks": nobody needs to act on it, and a reply would only ask for another "thanks".
      answer = 'message';
      word = null;
    } else if (reply === 'other' && biz && m.text.trim()) {
      answer = 'message';
      word = 'passed';
    } else if (reply === 'other') {
      answer = 'help';
      word = 'help';
    } else if (!booking || !biz) {
      answer = 'none';
      word = 'none';
    } else if (reply === 'confirm') {
      const r = await confirmAttendance(deps, signToken(deps.secret, booking.id, 'confirm'));
      answer = r.ok ? 'confirm' : 'not_now';
      word = r.ok ? 'thanks' : 'notNow';
      values.when = instantWords(booking.startsAt.getTime(), biz.timeZone, lang).when.replace(/[\u202f\u00a0]/g, ' ');
    } else {
      answer = 'reschedule';
      word = 'reschedule';
      values.url = await shortLink(deps.db, deps, booking.businessId, bookingLinks(deps, booking.id).reschedule, now);
    }
    // The answer goes through the job table, queued with the record: a provider outage is retried, not lost.
    const customerName = booking?.customerId ? ((await deps.db.select({ name: customers.name }).from(customers).where(eq(customers.id, booking.customerId)).limit(1))[0]?.name ?? null) : null;
    const landed = await deps.db.transaction(async (tx) => {
      const into = answer === 'message' && biz ? await passOn(deps, tx, biz, m, lang, customerName, now, ack) : null;
      await tx.update(smsInbound).set({ answer, bookingId: booking?.id ?? null }).where(and(eq(smsInbound.provider, provider), eq(smsInbound.messageId, m.id)));
      if (sms && word) await enqueue(tx, { kind: 'sms.reply', payload: { provider, messageId: m.id, to: m.from, text: smsReplyWord(lang, word, values) } satisfies SmsReplyPayload, runAt: now, bookingId: booking?.id ?? null });
      return into;
    });
    if (landed) await deps.bus?.publish({ businessId: biz!.businessId, conversationId: landed.conversationId, seq: landed.seq, kind: 'messages' });
    return answer;
  } catch (err) {
    // Not played: let the provider's retry play it (a confirmation is idempotent, the reply not yet queued).
    await deps.db.delete(smsInbound).where(and(eq(smsInbound.provider, provider), eq(smsInbound.messageId, m.id))).catch(() => undefined);
    throw err;
  }
}
