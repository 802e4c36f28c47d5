/**
 * What a Google event means for availability, the way Google Calendar users expect it:
 * - cancelled, "free" (transparency = transparent) and declined-by-me events block nothing;
 * - a timed event blocks [start, end);
 * - an all-day event marked busy blocks whole days in the staff member's zone: Google's
 *   all-day `end.date` is exclusive, so 2026-03-02..2026-03-03 is one day, 00:00–24:00 local;
 * - Frontdesk's own events (private extended property `frontdeskBookingId`) are not busy
 *   times — the booking itself already is — and are handed to inbound.ts instead.
 * Pure: the zone is an input.
 */
import type { calendar_v3 } from '@googleapis/calendar';
import { zonedToUtc } from '@frontdesk/shared';

export const BOOKING_ID_PROPERTY = 'frontdeskBookingId';

export type EventMeaning =
  | { kind: 'busy'; start: number; end: number }
  | { kind: 'none' }
  | { kind: 'own'; bookingId: string };

export function meaningOf(ev: calendar_v3.Schema$Event, timeZone: string): EventMeaning {
  const own = ev.extendedProperties?.private?.[BOOKING_ID_PROPERTY];
  if (own) return { kind: 'own', bookingId: own };
  if (ev.status === 'cancelled' || ev.transparency === 'transparent') return { kind: 'none' };
  if (ev.attendees?.some((a) => a.self && a.responseStatus === 'declined')) return { kind: 'none' };
  if (ev.start?.dateTime && ev.end?.dateTime) {
    const start = Date.parse(ev.start.dateTime);
    const end = Date.parse(ev.end.dateTime);
    return Number.isFinite(start) && end > start ? { kind: 'busy', start, end } : { kind: 'none' };
  }
  if (ev.start?.date && ev.end?.date) {
    const start = zonedToUtc(ev.start.date, 0, timeZone);
    const end = zonedToUtc(ev.end.date, 0, timeZone);
    return end > start ? { kind: 'busy', start, end } : { kind: 'none' };
  }
  return { kind: 'none' };
}
