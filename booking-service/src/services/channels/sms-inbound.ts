/**
 * A client's text to the SMS provider's number (issue 16), once its webhook proved genuine
 * (ports/sms.ts SmsInboundReader; 403 otherwise, in app.ts). The text answers the last SMS we
 * sent to that number: its booking names the business, and "1" confirms the phone's next
 * upcoming booking there — through the same use case as the e-mail's "I'll be there" link —
 * "2" answers with the short link to reschedule it, anything else with a short help text.
 * Played once per provider message id: the `sms_inbound` row is written before acting (a
 * redelivered webhook finds it and changes nothing), and removed again if acting failed, so
 * the provider's retry is played. The answer is an `sms.reply` job (jobs/sms-reply.ts) queued in
 * the transaction that records what the message meant, so a provider outage retries it.
 */
import { and, asc, desc, eq, gt, like, sql } from 'drizzle-orm';
import { bookings, businesses, customers, sentMessages, smsInbound } from '../../adapters/db/schema.js';
import { langOfText, parseSmsReply, smsReplyWord, type SmsReplyWord } from '../../domain/channels/sms-reply.js';
import { instantWords } from '../../domain/conversation/words/format.js';
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

export type SmsInboundResult = 'duplicate' | 'confirm' | 'reschedule' | 'help' | 'none' | 'not_now';

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** The business whose SMS this number got last, and the language it was written in. */
async function lastTextedBusiness(deps: Deps, digits: string) {
  return (await deps.db
    .select({ businessId: bookings.businessId, lang: bookings.lang, timeZone: businesses.timeZone })
    .from(sentMessages)
    .innerJoin(bookings, eq(bookings.id, sentMessages.subjectId))
    .innerJoin(businesses, eq(businesses.id, bookings.businessId))
    .where(and(like(sentMessages.kind, 'sms:%'), sql`regexp_replace(${sentMessages.recipient}, '\\D', '', 'g') = ${digits}`))
    .orderBy(desc(sentMessages.sentAt))
    .limit(1))[0];
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
    let word: SmsReplyWord;
    const values: Record<string, string> = {};
    if (reply === 'other') {
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
    await deps.db.transaction(async (tx) => {
      await tx.update(smsInbound).set({ answer, bookingId: booking?.id ?? null }).where(and(eq(smsInbound.provider, provider), eq(smsInbound.messageId, m.id)));
      if (sms) await enqueue(tx, { kind: 'sms.reply', payload: { provider, messageId: m.id, to: m.from, text: smsReplyWord(lang, word, values) } satisfies SmsReplyPayload, runAt: now, bookingId: booking?.id ?? null });
    });
    return answer;
  } catch (err) {
    // Not played: let the provider's retry play it (a confirmation is idempotent, the reply not yet queued).
    await deps.db.delete(smsInbound).where(and(eq(smsInbound.provider, provider), eq(smsInbound.messageId, m.id))).catch(() => undefined);
    throw err;
  }
}
