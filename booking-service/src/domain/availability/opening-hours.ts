/**
 * "Opening hours mean what they say": a slot needs both the business open and the staff member
 * working. The business's opening hours are read in the business's zone, each staff member's
 * hours in their own, so the two are compared as instants: a staff member in another zone (or a
 * staff exception adding hours) never opens the business. A day the owner closed offers no slot.
 * Pure; the engine (find-slots.ts) intersects each working range with these open ranges.
 */
import { addDays, epochDay, fromEpochDay, MS_PER_DAY, MS_PER_MINUTE, utcToWallClock, wallClockToUtc, type LocalDate } from '@frontdesk/shared';
import type { DateException, WeeklyHours } from './types.js';
import { WorkingSchedule } from './working-hours.js';

/** Local dates [from, to], both included, on which the business is closed all day. */
export interface Closure {
  from: LocalDate;
  to: LocalDate;
}

export interface BusinessHours {
  /** IANA zone the opening hours and closures are read in. */
  timeZone: string;
  weekly: WeeklyHours;
  closures: Closure[];
}

/** Sorted, disjoint instants (epoch ms, half-open [starts[i], ends[i])) when the business is open. */
export interface OpenRanges {
  starts: number[];
  ends: number[];
}

/** Whole-day "off" exceptions for every closed date between first and last (closures are clipped). */
export function closedDays(closures: readonly Closure[], first: LocalDate, last: LocalDate): DateException[] {
  const out: DateException[] = [];
  for (const c of closures) {
    const from = c.from > first ? c.from : first;
    const to = c.to < last ? c.to : last;
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind: 'off' });
  }
  return out;
}

/** When the business is open between two instants (a day of margin either side is included). */
export function openRanges(hours: BusinessHours, fromMs: number, toMs: number): OpenRanges {
  const firstDay = Math.floor(utcToWallClock(fromMs, hours.timeZone) / MS_PER_DAY) - 1;
  const lastDay = Math.floor(utcToWallClock(toMs, hours.timeZone) / MS_PER_DAY) + 1;
  const schedule = new WorkingSchedule(hours.weekly, closedDays(hours.closures, fromEpochDay(firstDay), fromEpochDay(lastDay)));
  const starts: number[] = [];
  const ends: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * MS_PER_DAY;
    for (const range of schedule.rangesOn(day)) {
      const start = wallClockToUtc(midnight + range.start * MS_PER_MINUTE, hours.timeZone);
      const end = wallClockToUtc(midnight + range.end * MS_PER_MINUTE, hours.timeZone);
      // Ranges of consecutive days touch or (around a DST change) overlap: keep them disjoint.
      const last = ends.length - 1;
      if (last >= 0 && start <= ends[last]!) ends[last] = Math.max(ends[last]!, end);
      else if (end > start) {
        starts.push(start);
        ends.push(end);
      }
    }
  }
  return { starts, ends };
}

/** Is a local date inside one of the closures? */
export function isClosedOn(closures: readonly Closure[], date: LocalDate): boolean {
  const day = epochDay(date);
  return closures.some((c) => epochDay(c.from) <= day && day <= epochDay(c.to));
}
