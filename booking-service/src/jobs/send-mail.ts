/**
 * The `mail.*` jobs: decide whether a message about a booking (or a hand-off, to staff) is still
 * wanted, render it, and send it once (send-once.ts).
 */
import { eq } from 'drizzle-orm';
import { handoffs, businesses } from '../adapters/db/schema.js';
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import { renderMessage } from '../domain/messages/render.js';
import { STAFF_KINDS, type MessageInput, type StaffMessageKind } from '../domain/messages/types.js';
import { buildCalendar, organizerEmailFor } from '../services/notifications/calendar.js';
import { bookingFacts, businessFacts, loadBookingContext, visitorLang, type BookingContext } from '../services/notifications/context.js';
import type { MailJobPayload } from '../services/notifications/enqueue.js';
import { bookingLinks } from '../services/notifications/links.js';
import { offerTelegramLink } from '../services/channels/telegram-start.js';
import { asksOnceMore } from '../services/reconfirm/ask.js';
import type { JobDeps } from './deps.js';
import { mailDomainOf, sendOnce, type SentKey } from './send-once.js';

const MIN = 60_000;

type Prepared = { skip: string } | { key: SentKey; mail: OutgoingMail };

export async function sendBookingMail(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const prepared = await prepare(deps, job, now);
  if ('skip' in prepared) {
    await complete(deps.db, job, deps.workerId, now, `skipped:${prepared.skip}`);
    return;
  }
  await sendOnce(deps, job, now, prepared.key, prepared.mail);
}

function messageId(deps: JobDeps, subjectId: string, kind: string, version: number) {
  return `<${kind}.v${version}.${subjectId}@${mailDomainOf(deps.mailFrom)}>`;
}

async function prepare(deps: JobDeps, job: JobRow, now: Date): Promise<Prepared> {
  const p = job.payload as unknown as MailJobPayload;
  if (p.message === 'staff_handoff') return prepareHandoff(deps, job);
  if (!job.bookingId) return { skip: 'no_booking' };
  const c = await loadBookingContext(deps.db, job.bookingId);
  if (!c) return { skip: 'no_booking' };
  const why = irrelevance(c, p, now);
  if (why) return { skip: why };

  const isStaff = (STAFF_KINDS as readonly string[]).includes(p.message);
  const to = isStaff ? c.business.notifyEmail : c.customer?.email;
  if (!to) return { skip: isStaff ? 'no_staff_email' : 'no_visitor_email' };
  const lang = isStaff ? c.business.defaultLang : visitorLang(c);
  const links = bookingLinks(deps, c.booking.id);

  const input: MessageInput = {
    kind: p.message,
    lang,
    business: businessFacts(c),
    booking: bookingFacts(c, lang, p.previousStart ?? null),
    links: isStaff
      ? {}
      : {
          manage: links.manage,
          ics: links.ics,
          ...(p.message === 'reminder' ? { confirm: links.confirm, reschedule: links.reschedule, cancel: links.manage } : {}),
          rebook: links.rebook,
          ...(p.message === 'booking_confirmed' && c.customer ? { telegram: (await offerTelegramLink(deps.db, { businessId: c.business.id, bookingId: c.booking.id, customerId: c.customer.id, endsAt: c.booking.endsAt }, now)) ?? undefined } : {}),
        },
    // Decided at sending time: a client who confirmed after the first reminder gets the plain one.
    reconfirm: !isStaff && (await asksOnceMore(deps.db, c, p)),
  };
  const rendered = renderMessage(input);
  const kind = p.message === 'reminder' ? `reminder_${p.leadMin ?? 0}` : p.message;
  const withCalendar = !isStaff && ['booking_confirmed', 'booking_rescheduled', 'booking_cancelled'].includes(p.message);
  return {
    key: { subjectId: c.booking.id, kind, version: p.version },
    mail: {
      messageId: messageId(deps, c.booking.id, kind, p.version),
      from: deps.mailFrom,
      to: isStaff ? to : formatAddress(c.customer?.name ?? '', to),
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      calendar: withCalendar
        ? {
            method: c.booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
            content: calendarFor(deps, c, input, links.manage),
          }
        : undefined,
    },
  };
}

/** Why a message about this booking is no longer wanted, or null to send it. */
export function irrelevance(c: BookingContext, p: MailJobPayload, now: Date): string | null {
  const b = c.booking;
  switch (p.message) {
    case 'booking_confirmed':
      return b.status === 'cancelled' ? 'cancelled' : null;
    case 'booking_rescheduled':
    case 'staff_rescheduled':
      return b.version !== p.version ? 'superseded' : b.status === 'cancelled' ? 'cancelled' : null;
    case 'booking_cancelled':
    case 'staff_cancelled':
      return b.status === 'cancelled' ? null : 'not_cancelled';
    case 'reminder': {
      if (b.status !== 'confirmed') return 'not_active';
      if (b.version !== p.version) return 'superseded';
      // Missed during downtime: still useful only before the appointment, and only if no
      // shorter reminder is already due (one reminder, the most current, is enough).
      if (now >= b.startsAt) return 'too_late';
      const lead = p.leadMin ?? 0;
      const laterDue = c.business.reminderLeadsMin.some((l) => l < lead && now.getTime() >= b.startsAt.getTime() - l * MIN);
      return laterDue ? 'superseded' : null;
    }
    case 'no_show_followup':
      return b.status === 'no_show' ? null : 'not_no_show';
    case 'feedback_request':
      return b.status === 'attended' ? null : 'not_attended';
    case 'staff_new_booking':
      return null;
    default:
      return 'unknown_message';
  }
}

function calendarFor(deps: JobDeps, c: BookingContext, input: MessageInput, manage: string): string {
  const facts = input.booking!;
  return buildCalendar({
    bookingId: c.booking.id,
    version: c.booking.version,
    cancelled: c.booking.status === 'cancelled',
    start: c.booking.startsAt,
    end: c.booking.endsAt,
    stamp: c.booking.updatedAt,
    summary: `${facts.serviceName} — ${c.business.name}`,
    businessName: c.business.name,
    address: c.business.address,
    organizerEmail: organizerEmailFor(deps.publicUrl, c.business.notifyEmail),
    attendee: c.customer?.email ? { name: c.customer.name, email: c.customer.email } : null,
    description: [`${facts.serviceName}, ${facts.staffName}`, facts.price].filter(Boolean).join('\n'),
    manageUrl: c.booking.status === 'cancelled' ? null : manage,
    alarmMin: 60,
  });
}

/** `"Name" <addr>`, with the name quoted so commas or angle brackets in it stay inside it. */
function formatAddress(name: string, email: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f"\\]/g, '').trim();
  return clean ? `"${clean}" <${email}>` : email;
}

async function prepareHandoff(deps: JobDeps, job: JobRow): Promise<Prepared> {
  if (!job.handoffId) return { skip: 'no_handoff' };
  const rows = await deps.db
    .select({ h: handoffs, business: businesses })
    .from(handoffs)
    .innerJoin(businesses, eq(businesses.id, handoffs.businessId))
    .where(eq(handoffs.id, job.handoffId));
  const r = rows[0];
  if (!r) return { skip: 'no_handoff' };
  if (!r.business.notifyEmail) return { skip: 'no_staff_email' };
  const kind: StaffMessageKind = 'staff_handoff';
  const rendered = renderMessage({
    kind,
    lang: r.business.defaultLang,
    business: businessFacts(r),
    handoff: {
      contactName: r.h.contactName,
      contact: [r.h.contactPhone, r.h.contactEmail].filter(Boolean).join(', '),
      message: r.h.message,
      summary: r.h.summary,
      replyBy: r.h.expectedReplyBy.getTime(),
    },
    links: {},
  });
  return {
    key: { subjectId: r.h.id, kind, version: 0 },
    mail: {
      messageId: messageId(deps, r.h.id, kind, 0),
      from: deps.mailFrom,
      to: r.business.notifyEmail,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    },
  };
}
