/**
 * Why a time the business does not offer was refused, when the answer is the business itself:
 * the owner closed that day (`CLOSED`) or the appointment falls outside the opening hours
 * (`OUTSIDE_HOURS`), rather than someone else having the time (SLOT_TAKEN). The visitor, the
 * staff desk and an API client then read why, instead of "that time was just taken". Pure; the
 * same opening hours and closures the slot engine limits every staff member's hours with.
 */
import { addDays, utcToZoned } from '@frontdesk/shared';
import { isClosedOn, openRanges, type BusinessHours } from '../availability/opening-hours.js';

export type ClosedReason = 'CLOSED' | 'OUTSIDE_HOURS';

/** [startsAt, endsAt) as epoch ms; null when the business is open for the whole appointment. */
export function closedReason(hours: BusinessHours, startsAt: number, endsAt: number): ClosedReason | null {
  const first = utcToZoned(startsAt, hours.timeZone).date;
  const last = utcToZoned(Math.max(startsAt, endsAt - 1), hours.timeZone).date;
  for (let d = first; d <= last; d = addDays(d, 1)) if (isClosedOn(hours.closures, d)) return 'CLOSED';
  const open = openRanges(hours, startsAt, endsAt);
  return open.starts.some((s, i) => s <= startsAt && endsAt <= open.ends[i]!) ? null : 'OUTSIDE_HOURS';
}
