/**
 * Quiet hours in the client's zone: no follow-up is sent inside them; one due then waits for
 * their end. The window is local wall-clock time ('21:00'–'09:00' crosses midnight), so a DST
 * change moves it with the clocks, as a person's night does.
 */
import { addDays, parseHHMM, utcToZoned, zonedToUtc } from '@frontdesk/shared';
import type { QuietHours } from './settings.js';

function inWindow(minute: number, from: number, to: number): boolean {
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

export function isQuiet(at: number, timeZone: string, q: QuietHours | null): boolean {
  if (!q) return false;
  return inWindow(utcToZoned(at, timeZone).minuteOfDay, parseHHMM(q.from), parseHHMM(q.to));
}

/**
 * `at` itself when it is outside quiet hours, else the end of the quiet window it falls in.
 *
 * @example afterQuietHours(Date.parse('2026-03-02T23:30:00Z'), 'UTC', { from: '21:00', to: '09:00' })
 * // → Date.parse('2026-03-03T09:00:00Z')
 */
export function afterQuietHours(at: number, timeZone: string, q: QuietHours | null): number {
  if (!isQuiet(at, timeZone, q)) return at;
  const local = utcToZoned(at, timeZone);
  const to = parseHHMM(q!.to);
  // Before the end today (the small hours), or the end tomorrow (the evening part of the window).
  const day = local.minuteOfDay < to ? local.date : addDays(local.date, 1);
  return zonedToUtc(day, to, timeZone);
}
