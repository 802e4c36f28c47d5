/**
 * "Opening hours mean what they say": a slot needs both the business open and the staff member
 * working. The business's weekly hours limit each staff member's weekly hours; a weekday the
 * business is closed (no intervals) offers no slots, whatever the staff hours say.
 * Pure; both schedules are read in the same zone (the caller applies this when they are).
 */
import type { TimeRange, Weekday, WeeklyHours } from './types.js';
import { mergeRanges, toMinuteRanges, type MinuteRange } from './working-hours.js';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function intersect(a: readonly MinuteRange[], b: readonly MinuteRange[]): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  }
  return mergeRanges(out);
}

export function withinOpeningHours(staffHours: WeeklyHours, openingHours: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {};
  for (let d = 1; d <= 7; d++) {
    const day = d as Weekday;
    const both = intersect(mergeRanges(toMinuteRanges(staffHours[day] ?? [])), mergeRanges(toMinuteRanges(openingHours[day] ?? [])));
    if (both.length > 0) out[day] = both.map((r): TimeRange => ({ start: hhmm(r.start), end: hhmm(r.end) }));
  }
  return out;
}
