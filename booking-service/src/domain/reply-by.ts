/**
 * When a person will answer: the SLA counted in opening hours, the way the product brief
 * defines it (hot 0–5 min, warm ≤ 1 h, cold ≤ 24 h of working time).
 */
import type { TimeRange, WeeklyHours } from './availability/find-slots.js';
import { addDays, isoWeekday, parseHHMM, utcToZoned, zonedToUtc } from '@frontdesk/shared';

const MIN = 60_000;

/**
 * The instant by which `slaMin` working minutes have passed after `now`.
 * Returns null if the business has no opening hours in the next `searchDays` days.
 *
 * @example replyBy({ 1: [{ start: '09:00', end: '18:00' }] }, 'Europe/Moscow', fridayEvening, 60)
 *          // → the next Monday 10:00 Moscow time, as epoch ms
 */
export function replyBy(hours: WeeklyHours, timeZone: string, now: number, slaMin: number, searchDays = 14): number | null {
  let remaining = slaMin * MIN;
  let date = utcToZoned(now, timeZone).date;
  for (let i = 0; i < searchDays; i++, date = addDays(date, 1)) {
    const ranges: TimeRange[] = [...(hours[isoWeekday(date)] ?? [])].sort((a, b) => parseHHMM(a.start) - parseHHMM(b.start));
    for (const r of ranges) {
      const a = zonedToUtc(date, parseHHMM(r.start), timeZone);
      const b = zonedToUtc(date, parseHHMM(r.end), timeZone);
      if (b <= now) continue;
      const from = Math.max(a, now);
      if (b - from >= remaining) return from + remaining;
      remaining -= b - from;
    }
  }
  return null;
}

/** Whether `now` falls inside opening hours. */
export function isOpen(hours: WeeklyHours, timeZone: string, now: number): boolean {
  const { date, minuteOfDay } = utcToZoned(now, timeZone);
  return (hours[isoWeekday(date)] ?? []).some((r) => parseHHMM(r.start) <= minuteOfDay && minuteOfDay < parseHHMM(r.end));
}

/**
 * Working (opening-hours) milliseconds in [from, to): how much of the SLA a span used.
 * Negative spans count backwards (`to < from` → minus the working time of [to, from)).
 *
 * @example workingMsBetween({ 1: [{ start: '09:00', end: '18:00' }] }, 'Europe/Moscow', fri17h, mon10h)
 *          // → 2 h (Friday 17–18, Monday 09–10)
 */
export function workingMsBetween(hours: WeeklyHours, timeZone: string, from: number, to: number): number {
  if (to < from) return -workingMsBetween(hours, timeZone, to, from);
  let total = 0;
  let date = utcToZoned(from, timeZone).date;
  // Day by day from `from`'s local date; at most 400 days (SLA spans are hours or days).
  for (let i = 0; i < 400; i++, date = addDays(date, 1)) {
    const dayStart = zonedToUtc(date, 0, timeZone);
    if (dayStart >= to) break;
    for (const r of hours[isoWeekday(date)] ?? []) {
      const a = Math.max(zonedToUtc(date, parseHHMM(r.start), timeZone), from);
      const b = Math.min(zonedToUtc(date, parseHHMM(r.end), timeZone), to);
      if (b > a) total += b - a;
    }
  }
  return total;
}
