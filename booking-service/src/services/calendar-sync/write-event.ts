/**
 * Booking → Google event. The job does not replay a change; it makes the event match the
 * booking as it is now, so retries, duplicates and reordering all converge:
 * - live booking, no event yet → events.insert with a deterministic id derived from the booking
 *   id. A retry after a lost response gets 409 `duplicate` and patches instead, so one booking
 *   can never produce two events;
 * - live booking, event shows an older version → events.patch (times, text);
 * - cancelled booking → events.delete (404/410: already gone, fine).
 * `booking_calendar_events` records which version the event shows; equal → nothing to do.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { calendar_v3 } from '@googleapis/calendar';
import { bookingCalendarEvents, bookings } from '../../adapters/db/schema.js';
import { classifyGoogleError } from '../../adapters/google/calendar-client.js';
import { bookingFacts, loadBookingContext, type BookingContext } from '../notifications/context.js';
import { bookingLinks } from '../notifications/links.js';
import { BOOKING_ID_PROPERTY } from './busy-of-event.js';
import { apiFor, loadConnection } from './connection.js';
import type { SyncDeps } from './deps.js';
import { enqueueCalendarWrite } from './enqueue.js';

/** Google event ids are base32hex (a–v, 0–9), 5–1024 chars: hex digits are a subset. */
export function eventIdFor(bookingId: string): string {
  return `fd${createHash('sha256').update(bookingId).digest('hex').slice(0, 40)}`;
}

export async function writeBookingEvent(deps: SyncDeps, bookingId: string, now: Date): Promise<string> {
  const c = await loadBookingContext(deps.db, bookingId);
  if (!c) return 'skipped:no_booking';
  const conn = await loadConnection(deps.db, c.booking.staffId);
  if (!conn) return 'skipped:not_connected';
  if (conn.status !== 'ok') return 'skipped:broken';
  const rec = (await deps.db.select().from(bookingCalendarEvents).where(eq(bookingCalendarEvents.bookingId, bookingId)))[0];
  const b = c.booking;
  const want = b.status === 'cancelled' ? 'deleted' : b.status === 'held' ? null : 'live';
  if (!want) return 'skipped:held';
  if (rec && rec.state === want && rec.writtenVersion === b.version) return 'noop';
  if (want === 'deleted' && (!rec || rec.state === 'deleted')) return 'skipped:never_written';

  const api = await apiFor(deps, conn);
  const calendarId = rec?.calendarId ?? conn.bookingCalendarId;
  const eventId = rec?.eventId ?? eventIdFor(bookingId);
  await deps.google.pacer.take(conn.staffId);
  let outcome: string;
  if (want === 'deleted') {
    try {
      await api.events.delete({ calendarId, eventId, sendUpdates: 'none' });
      outcome = 'deleted';
    } catch (err) {
      const kind = classifyGoogleError(err);
      if (kind !== 'gone' && kind !== 'not_found') throw err;
      outcome = 'deleted:already';
    }
  } else {
    const body = eventBody(deps, c);
    if (!rec) {
      try {
        await api.events.insert({ calendarId, sendUpdates: 'none', requestBody: { id: eventId, ...body } });
        outcome = 'inserted';
      } catch (err) {
        if (classifyGoogleError(err) !== 'conflict') throw err;
        // An earlier attempt got through but its answer was lost: the event exists; update it.
        await deps.google.pacer.take(conn.staffId);
        await api.events.patch({ calendarId, eventId, sendUpdates: 'none', requestBody: body });
        outcome = 'patched:after_conflict';
      }
    } else {
      await api.events.patch({ calendarId, eventId, sendUpdates: 'none', requestBody: body });
      outcome = 'patched';
    }
  }
  await deps.db
    .insert(bookingCalendarEvents)
    .values({ bookingId, staffId: b.staffId, calendarId, eventId, writtenVersion: b.version, state: want, updatedAt: now })
    .onConflictDoUpdate({ target: bookingCalendarEvents.bookingId, set: { writtenVersion: b.version, state: want, updatedAt: now } });
  // Changed while we wrote: another pass makes the event match the newest version.
  const after = (await deps.db.select({ version: bookings.version, status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId)))[0];
  if (after && (after.version !== b.version || after.status !== b.status)) await enqueueCalendarWrite(deps.db, b, now);
  return outcome;
}

function eventBody(deps: SyncDeps, c: BookingContext): calendar_v3.Schema$Event {
  const lang = c.business.defaultLang;
  const f = bookingFacts(c, lang);
  const zone = c.staff.timeZone ?? c.business.timeZone;
  const manage = bookingLinks(deps, c.booking.id).manage;
  return {
    status: 'confirmed',
    summary: `${f.serviceName} — ${f.customerName ?? '—'}`,
    description: [
      `${f.serviceName}, ${f.staffName}`,
      `${f.customerName ?? ''} ${f.customerContact}`.trim(),
      // What was agreed (price and the chosen options), as on every other page and message.
      f.price,
      c.booking.note ? `“${c.booking.note}”` : null,
      `Frontdesk: ${manage}`,
    ]
      .filter(Boolean)
      .join('\n'),
    start: { dateTime: c.booking.startsAt.toISOString(), timeZone: zone },
    end: { dateTime: c.booking.endsAt.toISOString(), timeZone: zone },
    transparency: 'opaque',
    extendedProperties: { private: { [BOOKING_ID_PROPERTY]: c.booking.id } },
  };
}
