/**
 * The jobs a booking change causes. Each function is called inside the transaction that makes
 * the change, so the change and its messages commit (or roll back) together.
 * Reminders are scheduled here, at booking time, and superseded when the booking moves or ends.
 */
import { eq } from 'drizzle-orm';
import { bookings, businesses } from '../../adapters/db/schema.js';
import type { MessageKind } from '../../domain/messages/types.js';
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue, supersedePending, type NewJob } from '../../adapters/job-queue/queue.js';
import { calendarConnected, calendarWriteJob, enqueueCalendarWrite } from '../calendar-sync/enqueue.js';

const MIN = 60_000;

/** Job kinds are `mail.<message kind>`: one handler, and reminders can be superseded by kind. */
export const mailJobKind = (m: MessageKind) => `mail.${m}`;

export interface MailJobPayload {
  message: MessageKind;
  /** The booking version the message is about. */
  version: number;
  /** Reminders: minutes before the start. */
  leadMin?: number;
  /** Reschedules: the start before the move (epoch ms). */
  previousStart?: number;
}

type BookingRow = typeof bookings.$inferSelect;

/** Client messages that also go to the client's messenger or by SMS (issue 16: `notify.<kind>`, services/channels/notify.ts). */
const CHANNEL_KINDS: ReadonlySet<MessageKind> = new Set(['booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'reminder', 'no_show_followup']);
export const notifyJobKind = (m: MessageKind) => `notify.${m}`;

/** The jobs of one client or staff message: the e-mail, and the messenger/SMS copy for client messages. */
function mailJobs(b: Pick<BookingRow, 'id'>, runAt: Date, payload: MailJobPayload): NewJob[] {
  const jobs: NewJob[] = [{ kind: mailJobKind(payload.message), payload: { ...payload }, runAt, bookingId: b.id }];
  if (CHANNEL_KINDS.has(payload.message)) jobs.push({ kind: notifyJobKind(payload.message), payload: { ...payload }, runAt, bookingId: b.id });
  return jobs;
}

async function mail(db: Queryable, b: Pick<BookingRow, 'id'>, runAt: Date, payload: MailJobPayload) {
  for (const job of mailJobs(b, runAt, payload)) await enqueue(db, job);
}

/** The business's reminder lead times, cleaned: distinct positive whole minutes, longest first. */
export function reminderLeads(raw: readonly number[] | null | undefined): number[] {
  return [...new Set(raw ?? [])].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => b - a);
}

/**
 * Every chat that showed the booking shows it as it is now (services/conversation/booking-push.ts).
 * Enqueued for every booking, chat-made or not: "My booking" may show a phone or console booking
 * in a chat, and which chats did is read by the job, not here (no extra read in the change).
 */
async function bookingCardInChat(db: Queryable, b: BookingRow, now: Date) {
  await enqueue(db, { kind: 'conversation.booking-card', payload: {}, runAt: now, bookingId: b.id });
}

async function leadsFor(db: Queryable, businessId: string): Promise<number[]> {
  const rows = await db.select({ leads: businesses.reminderLeadsMin }).from(businesses).where(eq(businesses.id, businessId));
  return reminderLeads(rows[0]?.leads);
}

/** One reminder per lead time that is still ahead; a booking made 3 h ahead gets only the 2-h one. */
function reminderJobs(b: Pick<BookingRow, 'id' | 'startsAt' | 'version'>, leads: readonly number[], now: Date): NewJob[] {
  return leads.flatMap((leadMin) => {
    const at = new Date(b.startsAt.getTime() - leadMin * MIN);
    return at > now ? mailJobs(b, at, { message: 'reminder', version: b.version, leadMin }) : [];
  });
}

async function scheduleReminders(db: Queryable, b: BookingRow, now: Date) {
  for (const job of reminderJobs(b, await leadsFor(db, b.businessId), now)) await enqueue(db, job);
}

/**
 * Every job a confirmed booking causes, given what they depend on (the business's reminder leads,
 * whether the staff member's Google calendar is connected): pure, so the booking store can write
 * them in the same statement as the confirmation (no reads inside the write).
 */
export function confirmedJobs(b: Pick<BookingRow, 'id' | 'startsAt' | 'version'>, leads: readonly number[], calendarConnected: boolean, now: Date): NewJob[] {
  return [
    ...mailJobs(b, now, { message: 'booking_confirmed', version: 0 }),
    ...mailJobs(b, now, { message: 'staff_new_booking', version: 0 }),
    ...reminderJobs(b, leads, now),
    ...(calendarConnected ? [calendarWriteJob(b, now)] : []),
  ];
}

const PENDING_ON_CHANGE = [mailJobKind('reminder'), mailJobKind('booking_rescheduled'), mailJobKind('staff_rescheduled'), notifyJobKind('reminder'), notifyJobKind('booking_rescheduled')];

export async function onBookingConfirmed(db: Queryable, b: BookingRow, now: Date): Promise<void> {
  const jobs = confirmedJobs(b, await leadsFor(db, b.businessId), await calendarConnected(db, b.staffId), now);
  for (const job of jobs) await enqueue(db, job);
}

export async function onBookingRescheduled(db: Queryable, b: BookingRow, previousStart: Date, now: Date): Promise<void> {
  // Reminders and not-yet-sent move notices for earlier times are void: only the final time counts.
  await supersedePending(db, b.id, PENDING_ON_CHANGE, now);
  const p = { version: b.version, previousStart: previousStart.getTime() };
  await mail(db, b, now, { message: 'booking_rescheduled', ...p });
  await mail(db, b, now, { message: 'staff_rescheduled', ...p });
  await scheduleReminders(db, b, now);
  await enqueueCalendarWrite(db, b, now);
  await bookingCardInChat(db, b, now);
}

export async function onBookingCancelled(db: Queryable, b: BookingRow, now: Date): Promise<void> {
  await supersedePending(db, b.id, PENDING_ON_CHANGE, now);
  await mail(db, b, now, { message: 'booking_cancelled', version: b.version });
  await mail(db, b, now, { message: 'staff_cancelled', version: b.version });
  await enqueueCalendarWrite(db, b, now);
  await bookingCardInChat(db, b, now);
}

/** "How was it" goes out a couple of hours after the end, when the visit is fresh but over. */
export const FEEDBACK_DELAY_MIN = 120;

export async function onAttendanceMarked(
  db: Queryable,
  b: BookingRow,
  status: 'attended' | 'no_show',
  feedbackEnabled: boolean,
  now: Date,
): Promise<void> {
  await supersedePending(db, b.id, [mailJobKind('reminder'), notifyJobKind('reminder')], now);
  if (status === 'no_show') {
    await mail(db, b, now, { message: 'no_show_followup', version: b.version });
  } else if (feedbackEnabled) {
    const at = new Date(Math.max(now.getTime(), b.endsAt.getTime() + FEEDBACK_DELAY_MIN * MIN));
    await mail(db, b, at, { message: 'feedback_request', version: b.version });
  }
}

/** The staff's e-mail about a hand-off (pure: services/handoff.ts writes it in the hand-off's statement). */
export function handoffRequestedJob(handoffId: string, now: Date): NewJob {
  return {
    kind: mailJobKind('staff_handoff'),
    payload: { message: 'staff_handoff', version: 0 } satisfies MailJobPayload,
    runAt: now,
    handoffId,
  };
}
