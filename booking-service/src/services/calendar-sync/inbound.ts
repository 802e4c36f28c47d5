/**
 * Google → booking: what happens when staff move or delete a Frontdesk event in Google Calendar.
 *
 * The rule:
 * 1. Only the event Frontdesk wrote for a booking counts (its id is the one recorded in
 *    booking_calendar_events and its private property names the booking); copies are ignored.
 * 2. Frontdesk's newer state wins a race: if the booking changed after the event was last
 *    written (a write job is still pending), the Google change is ignored and the pending
 *    write overwrites it.
 * 3. Deleted in Google → the booking is cancelled ("cancelled by the specialist") and the
 *    visitor gets the usual cancellation message.
 * 4. Moved in Google (timed start changed) → the booking moves to the new start with its
 *    service's duration and buffers, the version is bumped and the visitor gets the usual
 *    reschedule message. A move onto a time that is taken (the exclusion constraint refuses
 *    it), into the past, or to an all-day event is refused: the event is written back to the
 *    booking's time. Changing only the end or the title changes nothing.
 * 5. Bookings that are not confirmed (attended, no-show, cancelled) never change from Google.
 */
import { eq } from 'drizzle-orm';
import type { calendar_v3 } from '@googleapis/calendar';
import { bookingCalendarEvents, bookings, services } from '../../adapters/db/schema.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import { bookingRange } from '../../domain/booking/rules.js';
import { cancelBooking, moveBooking } from '../booking-store/store.js';
import { BOOKING_ID_PROPERTY } from './busy-of-event.js';
import type { SyncDeps } from './deps.js';

export const CANCELLED_IN_GOOGLE = 'Cancelled by the specialist';

export type InboundOutcome = 'ignored' | 'cancelled' | 'rescheduled' | 'refused';

export async function applyOwnEvent(deps: SyncDeps, ev: calendar_v3.Schema$Event, now: Date): Promise<InboundOutcome> {
  const bookingId = ev.extendedProperties?.private?.[BOOKING_ID_PROPERTY];
  if (!bookingId || !ev.id) return 'ignored';
  const rows = await deps.db
    .select({ b: bookings, rec: bookingCalendarEvents, svc: services })
    .from(bookingCalendarEvents)
    .innerJoin(bookings, eq(bookings.id, bookingCalendarEvents.bookingId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookingCalendarEvents.bookingId, bookingId));
  const r = rows[0];
  if (!r || r.rec.eventId !== ev.id || r.rec.state !== 'live') return 'ignored';
  if (r.b.status !== 'confirmed' || r.rec.writtenVersion !== r.b.version) return 'ignored';
  const { b } = r;

  if (ev.status === 'cancelled') {
    const done = await cancelBooking(deps.db, b, CANCELLED_IN_GOOGLE, { by: 'google' }, now, async (tx) => {
      await tx.update(bookingCalendarEvents).set({ state: 'deleted', updatedAt: now }).where(eq(bookingCalendarEvents.bookingId, b.id));
    });
    return done.ok ? 'cancelled' : 'ignored';
  }

  const start = ev.start?.dateTime ? Date.parse(ev.start.dateTime) : NaN;
  if (start === b.startsAt.getTime()) return 'ignored';
  if (!Number.isFinite(start) || start < now.getTime()) return refuse(deps, b, now);
  const to = bookingRange(r.svc, start);
  const moved = await moveBooking(deps.db, b, { ...to, staffId: b.staffId }, { by: 'google' }, now, async (tx, m) => {
    // The event already shows the new start; if its end matches too there is nothing to write back.
    const sameEnd = ev.end?.dateTime !== undefined && ev.end.dateTime !== null && Date.parse(ev.end.dateTime) === to.endsAt.getTime();
    if (sameEnd) await tx.update(bookingCalendarEvents).set({ writtenVersion: m.version, updatedAt: now }).where(eq(bookingCalendarEvents.bookingId, b.id));
  });
  if (moved.ok) return 'rescheduled';
  // A time someone has, or a day the business closed: the booking keeps its time and the event is put back.
  return moved.reason === 'SLOT_TAKEN' || moved.reason === 'CLOSED' ? refuse(deps, b, now) : 'ignored';
}

/** Writes the booking's own time back over the refused change. */
async function refuse(deps: SyncDeps, b: typeof bookings.$inferSelect, now: Date): Promise<'refused'> {
  await deps.db.transaction(async (tx) => {
    await tx.update(bookingCalendarEvents).set({ writtenVersion: -1, updatedAt: now }).where(eq(bookingCalendarEvents.bookingId, b.id));
    await enqueue(tx, { kind: 'gcal.write', payload: {}, runAt: now, bookingId: b.id });
  });
  return 'refused';
}
