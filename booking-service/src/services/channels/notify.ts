/**
 * Booking messages on the client's own channel (issue 16): the preferred channel recorded on the
 * customer (Telegram or WhatsApp when they booked or linked there), or SMS — or WhatsApp, when
 * the business has templates — for a client who left only a phone; e-mail stays a copy (the `mail.*` jobs) whenever an address is known.
 *
 * Exactly once per (booking, kind, version, channel): the `sent_messages` record and the job's
 * completion commit together after the provider accepted, and every attempt first looks for a
 * record on ANY channel of the route, so a fallback never repeats what already went out. A
 * provider failure is retried with the job queue's backoff (RETRIES_PER_CHANNEL attempts per
 * channel), then the next channel of the route is tried; a permanent refusal (wrong number, bad
 * key) moves on at once. Reminders due in the quiet hours (domain/channels/quiet-hours.ts) wait
 * for the morning. As with SMTP, a crash between the provider's "accepted" and the record
 * can repeat one message (at least once); providers offer no idempotency key to close that gap.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { channelConnections, conversations, sentMessages } from '../../adapters/db/schema.js';
import { complete, retryAt, type JobRow } from '../../adapters/job-queue/queue.js';
import { quietUntil } from '../../domain/channels/quiet-hours.js';
import { smsText, type SmsMessageKind } from '../../domain/channels/sms-text.js';
import { amountText, priceText } from '../../domain/booking/price.js';
import { whatsappNotice, windowOpen } from '../../domain/channels/whatsapp-notice.js';
import { reminderButtons } from '../../domain/channels/reminder-actions.js';
import { asksOnceMore } from '../reconfirm/ask.js';
import { recordEvent, recordEventOnce } from '../events.js';
import { SmsError } from '../../ports/sms.js';
import { WhatsAppError } from '../../ports/whatsapp.js';
import type { Deps } from '../deps.js';
import { bookingFacts, visitorLang, type BookingContext } from '../notifications/context.js';
import type { MailJobPayload } from '../notifications/enqueue.js';
import { bookingLinks } from '../notifications/links.js';
import { botOf } from './connections.js';
import type { ChannelsRuntime } from './runtime.js';
import { shortLink } from './short-links.js';
import { templatesOf, whatsappApiOf } from './whatsapp-connection.js';
import { handleFailedNotice, recordWhatsAppNotice, type NoticeRetry } from './whatsapp-status.js';

export const RETRIES_PER_CHANNEL = 3;
export const NOTICE_KINDS: readonly SmsMessageKind[] = ['booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'reminder', 'no_show_followup'];

export type Route =
  | { channel: 'telegram'; chatId: string; connectionId: string }
  /** `lastClientAt`: the client's last message in the chat (ms), for the 24-hour window; null = never wrote. */
  | { channel: 'whatsapp'; waId: string; connectionId: string; lastClientAt: number | null }
  | { channel: 'sms'; phone: string };

/** The channels to try, in order; empty = e-mail only (the mail job covers it). */
export async function routesFor(db: Queryable, rt: ChannelsRuntime | undefined, c: BookingContext): Promise<Route[]> {
  const routes: Route[] = [];
  const customer = c.customer;
  if (!customer || !rt) return routes;
  const pref = customer.preferredChannel;
  const viaTelegram = pref === 'telegram' || pref === null;
  if (viaTelegram) {
    const conn = (await db.select().from(channelConnections).where(and(eq(channelConnections.businessId, c.business.id), eq(channelConnections.channel, 'telegram'))).limit(1))[0];
    const chat = conn && conn.status === 'ok'
      ? (await db.select({ ref: conversations.externalRef }).from(conversations)
          .where(and(eq(conversations.businessId, c.business.id), eq(conversations.channel, 'telegram'), eq(conversations.customerId, customer.id)))
          .orderBy(desc(conversations.updatedAt)).limit(1))[0]
      : undefined;
    if (conn && chat?.ref && pref === 'telegram') routes.push({ channel: 'telegram', chatId: chat.ref, connectionId: conn.id });
  }
  const wa = pref === 'whatsapp' || pref === null ? await whatsappRoute(db, c, pref) : null;
  if (wa) routes.push(wa);
  if (customer.phone && rt.sms && (pref === 'sms' || routes.length > 0 || !customer.email)) routes.push({ channel: 'sms', phone: customer.phone });
  return routes;
}

/**
 * The client's WhatsApp chat when they wrote there; or, for a phone-only client with no
 * preference, their phone number as a WhatsApp id when the business has templates for their
 * language (a first message outside any window can only be a template).
 */
async function whatsappRoute(db: Queryable, c: BookingContext, pref: string | null): Promise<Route | null> {
  const customer = c.customer!;
  const conn = (await db.select().from(channelConnections).where(and(eq(channelConnections.businessId, c.business.id), eq(channelConnections.channel, 'whatsapp'))).limit(1))[0];
  if (!conn || conn.status !== 'ok') return null;
  const chat = (await db.select({ ref: conversations.externalRef, lastVisitorAt: conversations.lastVisitorAt }).from(conversations)
    .where(and(eq(conversations.businessId, c.business.id), eq(conversations.channel, 'whatsapp'), eq(conversations.customerId, customer.id)))
    .orderBy(desc(conversations.updatedAt)).limit(1))[0];
  if (chat?.ref) return { channel: 'whatsapp', waId: chat.ref, connectionId: conn.id, lastClientAt: chat.lastVisitorAt?.getTime() ?? null };
  const digits = customer.phone?.replace(/\D/g, '') ?? '';
  if (pref === null && !customer.email && digits.length >= 6 && templatesOf(conn)[visitorLang(c)]) return { channel: 'whatsapp', waId: digits, connectionId: conn.id, lastClientAt: null };
  return null;
}

const keyKind = (channel: Route['channel'], p: MailJobPayload) => `${channel}:${p.message === 'reminder' ? `reminder_${p.leadMin ?? 0}` : p.message}`;

export async function sendNotice(deps: Deps & { workerId: string }, rt: ChannelsRuntime | undefined, job: JobRow, c: BookingContext, now: Date): Promise<void> {
  const p = job.payload as unknown as MailJobPayload & NoticeRetry;
  // A fallback after a WhatsApp failure (whatsapp-status.ts) skips the channels that failed.
  const skipped = p.skip ?? [];
  const routes = (await routesFor(deps.db, rt, c)).filter((r) => !skipped.includes(r.channel));
  if (!rt || routes.length === 0) {
    // Nothing left after a failure: the e-mail copy (the `mail.*` job) is what reaches them, when there is an address.
    if (skipped.length > 0 && c.customer?.email) {
      await deps.db.transaction(async (tx) => {
        await recordEvent(tx, {
          businessId: c.business.id, kind: 'notice_fallback', at: now, siteId: c.booking.siteId, conversationId: c.booking.conversationId, bookingId: c.booking.id,
          channel: 'email', meta: { message: p.message, version: p.version, failed: skipped, sentBy: 'email' },
        });
        await complete(tx, job, deps.workerId, now, 'fallback:email');
      });
      return;
    }
    await complete(deps.db, job, deps.workerId, now, skipped.length > 0 ? 'skipped:no_channel' : 'skipped:email_only');
    return;
  }
  // Quiet hours: a reminder due at night waits for the morning (not when the appointment is early).
  const until = p.message === 'reminder' ? quietUntil(now.getTime(), c.booking.startsAt.getTime(), c.business.timeZone) : null;
  if (until !== null) {
    await retryAt(deps.db, job, deps.workerId, new Date(until), 'quiet hours');
    return;
  }
  const already = await deps.db.select({ id: sentMessages.messageId }).from(sentMessages)
    .where(and(eq(sentMessages.subjectId, c.booking.id), eq(sentMessages.version, p.version), inArray(sentMessages.kind, routes.map((r) => keyKind(r.channel, p)))));
  if (already.length > 0) {
    await complete(deps.db, job, deps.workerId, now, 'duplicate');
    return;
  }
  const lang = visitorLang(c);
  const links = bookingLinks(deps, c.booking.id);
  const target = p.message === 'booking_cancelled' || p.message === 'no_show_followup' ? links.rebook : links.manage;
  const facts = bookingFacts(c, lang);
  // The last reminder to a client who has not confirmed asks once more (decided now: they may have confirmed since the first).
  const kind: SmsMessageKind = (await asksOnceMore(deps.db, c, p)) ? 'reconfirm' : (p.message as SmsMessageKind);
  const textFor = async (route: Route) =>
    smsText(kind, {
      businessName: c.business.name,
      serviceName: facts.serviceName,
      start: facts.start,
      timeZone: c.business.timeZone,
      price: c.booking.price ? { full: priceText(c.booking.price, lang), amount: amountText(c.booking.price, lang) } : null,
      link: route.channel === 'sms' ? await shortLink(deps.db, deps, c.business.id, target, now) : target,
    }, lang, { oneSegment: route.channel === 'sms', replies: route.channel === 'sms' && rt.sms?.acceptsReplies === true });

  // Which channel this attempt uses: RETRIES_PER_CHANNEL attempts each, in route order.
  let i = Math.min(Math.floor((job.attempts - 1) / RETRIES_PER_CHANNEL), routes.length - 1);
  for (;;) {
    const route = routes[i]!;
    try {
      const sent = await sendOn(rt, deps, route, await textFor(route), c, kind, now, p.whatsapp === 'template');
      await deps.db.transaction(async (tx) => {
        const fresh = await tx.insert(sentMessages).values({ subjectId: c.booking.id, kind: keyKind(route.channel, p), version: p.version, messageId: sent.id, recipient: route.channel === 'sms' ? route.phone : route.channel === 'whatsapp' ? `whatsapp:${route.waId}` : `telegram:${route.chatId}`, sentAt: now }).onConflictDoNothing().returning();
        // Staff see that it went another way than the client's first channel (and why: the ones that failed).
        const failed = [...skipped, ...routes.slice(0, i).map((r) => r.channel)];
        if (fresh.length > 0 && failed.length > 0) {
          await recordEvent(tx, {
            businessId: c.business.id, kind: 'notice_fallback', at: now, siteId: c.booking.siteId, conversationId: c.booking.conversationId, bookingId: c.booking.id,
            channel: route.channel, meta: { message: p.message, version: p.version, failed, sentBy: route.channel },
          });
        }
        // WhatsApp says later whether it was delivered (whatsapp-status.ts); its "failed" may already be here.
        if (fresh.length > 0 && route.channel === 'whatsapp') {
          const row = await recordWhatsAppNotice(tx, { messageId: sent.id, bookingId: c.booking.id, payload: { ...p }, template: sent.template, at: now });
          await handleFailedNotice(tx, row, now);
        }
        await complete(tx, job, deps.workerId, now, fresh.length > 0 ? `sent:${route.channel}` : 'duplicate');
      });
      return;
    } catch (err) {
      const permanent = (err instanceof SmsError && !err.retryable) || (err instanceof WhatsAppError && !err.retryable) || isTelegramRefusal(err);
      if (permanent && i < routes.length - 1) {
        i++;
        continue;
      }
      // The last channel's last attempt: nothing went out on any channel — staff see it (the job then fails).
      // Once per (booking, message, version, channel), by a unique index: a re-run of the failed job, or a
      // racing one, does not tell staff twice.
      if (i === routes.length - 1 && (permanent || job.attempts >= job.maxAttempts)) {
        await recordEventOnce(deps.db, {
          businessId: c.business.id, kind: 'notice_failed', at: now, siteId: c.booking.siteId, conversationId: c.booking.conversationId, bookingId: c.booking.id,
          channel: route.channel, meta: { message: p.message, version: p.version, tried: [...skipped, ...routes.map((r) => r.channel)], error: err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200) },
        });
      }
      // The job queue retries with backoff; after RETRIES_PER_CHANNEL attempts the next channel is tried.
      throw err;
    }
  }
}

/** `template`: the message went as a WhatsApp template. `asTemplate`: WhatsApp refused it free-form (131047), send the template. */
async function sendOn(rt: ChannelsRuntime, deps: Deps, route: Route, text: string, c: BookingContext, kind: string, now: Date, asTemplate: boolean): Promise<{ id: string; template: boolean }> {
  if (route.channel === 'sms') return { id: (await rt.sms!.send(route.phone, text)).id, template: false };
  const conn = (await deps.db.select().from(channelConnections).where(eq(channelConnections.id, route.connectionId)).limit(1))[0];
  if (!conn) throw new SmsError(`${route.channel} is no longer connected`, false);
  const lang = visitorLang(c);
  // A reminder carries Confirm / Reschedule, a re-confirmation Cancel too (reminder-actions.ts answers the press).
  const buttons = kind === 'reminder' || kind === 'reconfirm' ? reminderButtons(c.booking.id, lang, { cancel: kind === 'reconfirm' }) : undefined;
  if (route.channel === 'whatsapp') {
    const facts = bookingFacts(c, lang);
    const out = whatsappNotice(
      { kind, text, businessName: c.business.name, serviceName: facts.serviceName, start: facts.start, timeZone: c.business.timeZone, buttons },
      lang,
      !asTemplate && windowOpen(route.lastClientAt, now.getTime()),
      templatesOf(conn)[lang],
    );
    // Outside the 24-hour window with no approved template: WhatsApp cannot carry it (permanent).
    if (!out) throw new WhatsAppError(`no WhatsApp template for ${lang} outside the 24-hour window`, 400, undefined);
    return { id: (await whatsappApiOf(rt, conn).send(route.waId, out)).messageId, template: out.type === 'template' };
  }
  const m = await botOf(rt, conn).sendMessage(route.chatId, text, buttons ? { inline_keyboard: [buttons.map((b) => ({ text: b.title, callback_data: b.id }))] } : undefined);
  return { id: `telegram:${m.messageId}`, template: false };
}

/** The bot was blocked by the client or the chat is gone: retrying the same chat cannot help. */
function isTelegramRefusal(err: unknown): boolean {
  const code = (err as { error_code?: number }).error_code;
  return code === 403 || code === 400 || code === 401;
}
