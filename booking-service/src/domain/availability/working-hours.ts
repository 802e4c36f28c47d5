/**
 * One staff member's working time per local date, in minutes of the local day: the weekly hours
 * with that date's exceptions applied, merged into disjoint ranges. No time zone here; turning
 * local minutes into instants is the caller's business.
 */
import { epochDay, parseHHMM, weekdayOfEpochDay } from '../time/zoned.js';
import type { DateException, TimeRange, WeeklyHours } from './types.js';

/** Minutes of a local day, half-open [start, end), 0 ≤ start < end ≤ 1440. */
export interface MinuteRange {
  start: number;
  end: number;
}

export interface WorkingSchedule {
  /** Sorted, disjoint, non-touching ranges worked on a day (a day number from epochDay). */
  rangesOn(day: number): readonly MinuteRange[];
}

const NONE: readonly MinuteRange[] = [];

/** Parses TimeRanges into minutes; throws RangeError on malformed or empty ranges. */
export function toMinuteRanges(ranges: readonly TimeRange[]): MinuteRange[] {
  return ranges.map(({ start, end }) => {
    const range = { start: parseHHMM(start), end: parseHHMM(end) };
    if (range.end <= range.start) throw new RangeError(`Time range ${start}–${end} must end after it starts`);
    return range;
  });
}

/** Union of ranges as sorted, disjoint ranges; touching ranges (09:00–13:00, 13:00–18:00) become one. */
export function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const { start, end } of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Parts of merged ranges `from` not covered by any of `cut` (which may be in any shape). */
export function subtractRanges(from: readonly MinuteRange[], cut: readonly MinuteRange[]): MinuteRange[] {
  const holes = mergeRanges(cut);
  const out: MinuteRange[] = [];
  for (const range of from) {
    let start = range.start;
    for (const hole of holes) {
      if (hole.end <= start) continue;
      if (hole.start >= range.end) break;
      if (hole.start > start) out.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
    }
    if (start < range.end) out.push({ start, end: range.end });
  }
  return out;
}

/**
 * Compiles the weekly hours and exceptions once per call, so asking for a day without
 * exceptions costs a Map lookup and returns a shared array.
 */
export function compileSchedule(weekly: WeeklyHours, exceptions: readonly DateException[]): WorkingSchedule {
  // Index 0 unused so a weekday indexes directly.
  const byWeekday: readonly MinuteRange[][] = [0, 1, 2, 3, 4, 5, 6, 7].map((weekday) =>
    mergeRanges(toMinuteRanges(weekly[weekday as keyof WeeklyHours] ?? [])),
  );

  const changes = new Map<number, { wholeDayOff: boolean; off: MinuteRange[]; extra: MinuteRange[] }>();
  for (const exception of exceptions) {
    const day = epochDay(exception.date);
    let change = changes.get(day);
    if (change === undefined) {
      change = { wholeDayOff: false, off: [], extra: [] };
      changes.set(day, change);
    }
    const ranges = toMinuteRanges(exception.intervals ?? []);
    if (exception.kind === 'extra') change.extra.push(...ranges);
    else if (ranges.length === 0) change.wholeDayOff = true;
    else change.off.push(...ranges);
  }

  const byDay = new Map<number, MinuteRange[]>();
  for (const [day, { wholeDayOff, off, extra }] of changes) {
    const regular = wholeDayOff ? [] : subtractRanges(byWeekday[weekdayOfEpochDay(day)] ?? [], off);
    byDay.set(day, mergeRanges([...regular, ...extra]));
  }

  return {
    rangesOn: (day) => byDay.get(day) ?? byWeekday[weekdayOfEpochDay(day)] ?? NONE,
  };
}
