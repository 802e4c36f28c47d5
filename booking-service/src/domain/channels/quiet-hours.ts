/**
 * Quiet hours (issue 16): a text message or a messenger reminder does not wake anyone. Between
 * 22:00 and 08:00 in the business's zone a reminder waits for the morning — unless the
 * appointment is so early that the morning would be too late (it must still arrive an hour
 * before), in which case it goes now: a reminder at night beats a missed appointment.
 */
import { utcToZoned, zonedToUtc } from '@frontdesk/shared';

export interface QuietHours {
  /** Minutes after local midnight. */
  from: number;
  to: number;
}

export const DEFAULT_QUIET: QuietHours = { from: 22 * 60, to: 8 * 60 };
const MIN = 60_000;
/** The latest a deferred reminder may arrive before the appointment. */
export const QUIET_MIN_LEAD_MS = 60 * MIN;

/** When a reminder due at `now` should go: null = now, else the end of the quiet hours (epoch ms). */
export function quietUntil(now: number, appointmentStart: number, timeZone: string, q: QuietHours = DEFAULT_QUIET): number | null {
  const local = utcToZoned(now, timeZone);
  const minute = local.minuteOfDay;
  const quiet = q.from > q.to ? minute >= q.from || minute < q.to : minute >= q.from && minute < q.to;
  if (!quiet) return null;
  // The morning the quiet hours end: today if it is already after midnight, else tomorrow.
  const day = minute < q.to ? local.date : nextDay(local.date);
  const end = zonedToUtc(day, q.to, timeZone);
  return end <= appointmentStart - QUIET_MIN_LEAD_MS ? end : null;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
