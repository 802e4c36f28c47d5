/**
 * One staff member's working time per local date, in minutes of the local day: the weekly hours
 * with that date's exceptions applied, merged into disjoint ranges. No time zone here; turning
 * local minutes into instants is the caller's business.
 */
import { epochDay, parseHHMM, weekdayOfEpochDay } from '@frontdesk/shared';
import type { DateException, TimeRange, WeeklyHours } from './types.js';

/** Minutes of a local day, half-open [start, end), 0 ≤ start < end ≤ 1440. */
export interface MinuteRange {
  start: number;
  end: number;
}

const NONE: readonly MinuteRange[] = [];

/*
 * These run on every call, for every staff member, so they avoid creating closures: besides
 * the allocation, tsx (which runs the benches) wraps each closure in a naming helper that costs
 * about a microsecond per creation.
 */

/** Parses TimeRanges into minutes; throws RangeError on malformed or empty ranges. */
export function toMinuteRanges(ranges: readonly TimeRange[]): MinuteRange[] {
  const parsed: MinuteRange[] = [];
  for (const { start, end } of ranges) {
    const range = { start: parseHHMM(start), end: parseHHMM(end) };
    if (range.end <= range.start) throw new RangeError(`Time range ${start}–${end} must end after it starts`);
    parsed.push(range);
  }
  return parsed;
}

function byStart(a: MinuteRange, b: MinuteRange): number {
  return a.start - b.start;
}

/** Union of ranges as sorted, disjoint ranges; touching ranges (09:00–13:00, 13:00–18:00) become one. */
export function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = ranges.slice().sort(byStart);
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

/** Compiled weeks of deeply frozen WeeklyHours, which cannot change under the memo. */
const compiledWeeks = new WeakMap<WeeklyHours, readonly (readonly MinuteRange[])[]>();

/**
 * Each weekday's merged ranges. A slot search builds a schedule per staff member per call; the
 * service hands the same frozen weekly hours to every search (services/schedule.ts, toWeekly),
 * so they are parsed and merged once instead of each time (issue 19). Unfrozen input is compiled
 * afresh, as before.
 */
function compiledWeek(weekly: WeeklyHours): readonly (readonly MinuteRange[])[] {
  const frozen = isDeeplyFrozen(weekly);
  const known = frozen ? compiledWeeks.get(weekly) : undefined;
  if (known !== undefined) return known;
  const week: MinuteRange[][] = [];
  for (let weekday = 0; weekday <= 7; weekday++) week.push(mergeRanges(toMinuteRanges(weekly[weekday as keyof WeeklyHours] ?? [])));
  if (frozen) compiledWeeks.set(weekly, week);
  return week;
}

function isDeeplyFrozen(weekly: WeeklyHours): boolean {
  if (!Object.isFrozen(weekly)) return false;
  for (let weekday = 1; weekday <= 7; weekday++) {
    const ranges = weekly[weekday as keyof WeeklyHours];
    if (ranges === undefined) continue;
    if (!Object.isFrozen(ranges)) return false;
    for (const range of ranges) if (!Object.isFrozen(range)) return false;
  }
  return true;
}

/**
 * A staff member's weekly hours and exceptions, compiled once per call so that asking for a day
 * without exceptions costs a Map lookup and returns a shared array.
 */
export class WorkingSchedule {
  /** Index = ISO weekday; index 0 unused. Shared with other schedules of the same frozen week: never changed. */
  readonly #byWeekday: readonly (readonly MinuteRange[])[];
  /** Days with exceptions, by day number (epochDay). */
  readonly #byDay = new Map<number, MinuteRange[]>();

  constructor(weekly: WeeklyHours, exceptions: readonly DateException[]) {
    this.#byWeekday = compiledWeek(weekly);
    if (exceptions.length === 0) return;

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
    for (const [day, { wholeDayOff, off, extra }] of changes) {
      const regular = wholeDayOff ? [] : subtractRanges(this.#weekly(day), off);
      this.#byDay.set(day, mergeRanges([...regular, ...extra]));
    }
  }

  /** Sorted, disjoint, non-touching ranges worked on a day (a day number from epochDay). */
  rangesOn(day: number): readonly MinuteRange[] {
    return this.#byDay.get(day) ?? this.#weekly(day);
  }

  #weekly(day: number): readonly MinuteRange[] {
    return this.#byWeekday[weekdayOfEpochDay(day)] ?? NONE;
  }
}
