/**
 * The availability engine: bookable start times for one staff member or for "anyone" of several,
 * from their working hours, exceptions and busy time. Pure: `now` and every zone are inputs.
 *
 * Working hours are local to each staff member's zone; each working range is converted to UTC
 * once, at its ends, and starts are stepped in real minutes from the range's start. Stepping in
 * UTC means no start lands in a skipped local hour and none is offered twice in a repeated hour;
 * Intl is consulted per range end (and memoised), never per candidate.
 */
import { addDays, MS_PER_DAY, MS_PER_MINUTE, utcToWallClock, wallClockToUtc, zonedToUtc } from '@frontdesk/shared';
import { firstEndingAfter, toBusyTimeline, type BusyTimeline } from './busy-timeline.js';
import { addGapFillers, type Spans } from './gap-fillers.js';
import { openRanges, type BusinessHours, type OpenRanges } from './opening-hours.js';
import type { Slot, SlotRules, SlotWindow, StaffAvailabilityInput } from './types.js';
import { WorkingSchedule } from './working-hours.js';

export type {
  BusyInterval,
  DateException,
  Slot,
  SlotRules,
  SlotWindow,
  StaffAvailabilityInput,
  TimeRange,
  Weekday,
  WeeklyHours,
} from './types.js';
export type { BusinessHours, Closure } from './opening-hours.js';

export interface FindSlotsInput {
  /** One member, or several for "anyone"; their order is the order of Slot.staffIds. */
  staff: StaffAvailabilityInput[];
  /**
   * The business's opening hours and closed days: a start is bookable only if the whole
   * appointment also lies inside one open range. Absent = no limit besides the staff hours.
   */
  business?: BusinessHours | undefined;
  rules: SlotRules;
  window: SlotWindow;
  /** Epoch ms; notice and horizon count from here. */
  now: number;
  /**
   * No empty windows: also offer the time right after a busy interval (plus this service's
   * buffer before) when the step grid would leave the gap after it too short for this service.
   * Off unless asked; a business turns it on (on by default there).
   */
  fillGaps?: boolean | undefined;
  /**
   * Slot.staffIds lists only the first free member (in input order) instead of everyone free:
   * what an answer naming one server per slot needs, without an array of up to every member per
   * slot (issue 19). The starts are the same.
   */
  firstFreeOnly?: boolean | undefined;
}

/**
 * Bookable slots, sorted by start, one per distinct start, each listing every staff member free
 * then. A start s is bookable for a member iff [s, s + duration) lies inside one of their working
 * ranges, s is a whole number of steps after that range's start, [s − bufferBefore,
 * s + duration + bufferAfter) overlaps none of their busy intervals, now + minNotice ≤ s ≤
 * now + horizon, and s falls inside the window. With `fillGaps`, s may also be the end of a
 * (merged) busy interval plus bufferBefore, off the grid, when the grid's next start would leave
 * the gap before it too short for this service or is not free (see addGapFillers); every other
 * condition holds for it the same. Throws RangeError on malformed rules, dates,
 * times or zones (inputs are expected to be validated at the API edge).
 *
 * @example
 * findSlots({
 *   staff: [{ staffId: 'ana', timeZone: 'Europe/Berlin', weekly: { 1: [{ start: '09:00', end: '12:00' }] }, exceptions: [], busy: [] }],
 *   rules: { durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, stepMin: 30, minNoticeMin: 0, horizonDays: 60 },
 *   window: { from: '2025-06-02', days: 1, timeZone: 'Europe/Berlin' },
 *   now: Date.parse('2025-06-01T00:00Z'),
 * }); // 6 slots, 09:00 … 11:30 Berlin time, staffIds ['ana']
 */
export function findSlots(input: FindSlotsInput): Slot[] {
  const { staff, rules, window } = input;
  const { earliest, latest } = searchBounds(rules, window, input.now);
  if (staff.length === 0 || earliest > latest) return [];

  const spans: Spans = {
    duration: rules.durationMin * MS_PER_MINUTE,
    before: rules.bufferBeforeMin * MS_PER_MINUTE,
    after: rules.bufferAfterMin * MS_PER_MINUTE,
    step: rules.stepMin * MS_PER_MINUTE,
  };
  const open = input.business ? openRanges(input.business, earliest, latest) : undefined;
  const startsByMember: number[][] = [];
  const fill = input.fillGaps === true;
  for (const member of staff) startsByMember.push(freeStarts(member, spans, earliest, latest, open, fill));
  return toSlots(staff, startsByMember, spans.duration, input.firstFreeOnly === true);
}

/**
 * The first and last instant (epoch ms, inclusive) a start may take: the window, less the notice,
 * up to the horizon. findSlots reads `now` only through these two, so equal bounds (and equal
 * other inputs) give equal slots at any `now` (services/slot-memo.ts relies on it).
 */
export function searchBounds(rules: SlotRules, window: SlotWindow, now: number): { earliest: number; latest: number } {
  checkInput(rules, window, now);
  const windowStart = zonedToUtc(window.from, 0, window.timeZone);
  const windowEnd = zonedToUtc(addDays(window.from, window.days), 0, window.timeZone);
  // Candidate starts are whole ms (range ends are, steps are whole minutes), so s < windowEnd
  // is s ≤ windowEnd − 1 and one inclusive bound serves both.
  return {
    earliest: Math.max(windowStart, now + rules.minNoticeMin * MS_PER_MINUTE),
    latest: Math.min(windowEnd - 1, now + rules.horizonDays * MS_PER_DAY),
  };
}

/** Sorted, unique bookable starts of one staff member between earliest and latest (inclusive). */
function freeStarts(member: StaffAvailabilityInput, spans: Spans, earliest: number, latest: number, open: OpenRanges | undefined, fill: boolean): number[] {
  const { timeZone } = member;
  const schedule = new WorkingSchedule(member.weekly, member.exceptions);
  const busy = toBusyTimeline(member.busy);

  // A working range lies within its local day, which is within a day of any instant of that
  // date; a day of margin either side covers every range that can hold a start in the bounds,
  // whatever the staff zone is relative to the window's.
  const firstDay = Math.floor(utcToWallClock(earliest, timeZone) / MS_PER_DAY) - 1;
  const lastDay = Math.floor(utcToWallClock(latest, timeZone) / MS_PER_DAY) + 1;

  const starts: number[] = [];
  let inOrder = true;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * MS_PER_DAY; // wall ms of local midnight
    for (const range of schedule.rangesOn(day)) {
      const from = wallClockToUtc(midnight + range.start * MS_PER_MINUTE, timeZone);
      const to = wallClockToUtc(midnight + range.end * MS_PER_MINUTE, timeZone);
      // Converted ranges of one member overlap only when a range end sits in a DST gap or repeat
      // (02:00–02:30 and 03:00–05:00 on a spring-forward night both start at 03:00); their
      // starts then need sorting and de-duplicating at the end.
      if (from < coveredUntil) inOrder = false;
      if (to > coveredUntil) coveredUntil = to;
      if (open === undefined) {
        stepRange(from, to, spans, earliest, latest, busy, fill, starts);
        continue;
      }
      // Only the parts of the working range when the business is open; steps count from the
      // start of each part, as they would from a working range that began there.
      for (let k = firstOpenEndingAfter(open, from); k < open.starts.length && open.starts[k]! < to; k++) {
        stepRange(Math.max(from, open.starts[k]!), Math.min(to, open.ends[k]!), spans, earliest, latest, busy, fill, starts);
      }
    }
  }
  return inOrder ? starts : sortedUnique(starts);
}

/** Index of the first open range ending after t (binary search; ranges are sorted and disjoint). */
function firstOpenEndingAfter(open: OpenRanges, t: number): number {
  let lo = 0;
  let hi = open.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (open.ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pushes the free starts of one working range [from, to) onto `starts`, in order. */
function stepRange(from: number, to: number, spans: Spans, earliest: number, latest: number, busy: BusyTimeline, fill: boolean, starts: number[]): void {
  const first = starts.length;
  stepGrid(from, to, spans, earliest, latest, busy, starts);
  if (fill && busy.length > 0) addGapFillers(from, to, spans, earliest, latest, busy, starts, first);
}

/** The regular grid: starts a whole number of steps after `from` that are free. */
function stepGrid(from: number, to: number, spans: Spans, earliest: number, latest: number, busy: BusyTimeline, starts: number[]): void {
  const { duration, before, after, step } = spans;
  const { starts: busyStarts, ends: busyEnds, length: busyCount } = busy;
  const last = Math.min(to - duration, latest);
  let s = from >= earliest ? from : from + Math.ceil((earliest - from) / step) * step;
  if (s > last) return;
  let i = firstEndingAfter(busy, s - before);
  // Sweep: s only grows, so busy intervals that end before the occupied range are done with.
  // Indexing below is guarded by i < busyCount.
  while (s <= last) {
    const occupiedFrom = s - before;
    while (i < busyCount && busyEnds[i]! <= occupiedFrom) i++;
    if (i < busyCount && busyStarts[i]! < s + duration + after) {
      // Blocked: jump to the first step whose occupied range starts when this busy one ends.
      s = from + Math.ceil((busyEnds[i]! + before - from) / step) * step;
    } else {
      starts.push(s);
      s += step;
    }
  }
}

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((value, index) => index === 0 || value !== values[index - 1]);
}

/** One Slot per distinct start across members (a k-way merge of their sorted starts). */
function toSlots(staff: readonly StaffAvailabilityInput[], startsByMember: readonly number[][], duration: number, firstOnly: boolean): Slot[] {
  const only = staff.length === 1 ? staff[0] : undefined;
  if (only !== undefined) {
    const slots: Slot[] = [];
    for (const start of startsByMember[0] ?? []) slots.push({ start, end: start + duration, staffIds: [only.staffId] });
    return slots;
  }
  // Distinct starts are few (they share a grid), so scanning every member's head per slot is
  // cheaper than a heap.
  const heads = new Array<number>(staff.length).fill(0);
  const slots: Slot[] = [];
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (let m = 0; m < staff.length; m++) {
      const head = startsByMember[m]![heads[m]!];
      if (head !== undefined && head < next) next = head;
    }
    if (next === Number.POSITIVE_INFINITY) return slots;
    const staffIds: string[] = [];
    for (let m = 0; m < staff.length; m++) {
      if (startsByMember[m]![heads[m]!] === next) {
        if (!firstOnly || staffIds.length === 0) staffIds.push(staff[m]!.staffId);
        heads[m]!++;
      }
    }
    slots.push({ start: next, end: next + duration, staffIds });
  }
}

function checkInput(rules: SlotRules, window: SlotWindow, now: number): void {
  const wholeMinutes: [keyof SlotRules, number][] = [
    ['durationMin', 1],
    ['stepMin', 1],
    ['bufferBeforeMin', 0],
    ['bufferAfterMin', 0],
    ['minNoticeMin', 0],
  ];
  for (const [name, min] of wholeMinutes) {
    // Whole minutes keep every candidate start a whole number of ms (see `latest`).
    if (!Number.isInteger(rules[name]) || rules[name] < min) {
      throw new RangeError(`SlotRules.${name} must be a whole number ≥ ${min}, got ${rules[name]}`);
    }
  }
  if (!(rules.horizonDays >= 0 && Number.isFinite(rules.horizonDays))) {
    throw new RangeError(`SlotRules.horizonDays must be ≥ 0, got ${rules.horizonDays}`);
  }
  if (!Number.isInteger(window.days) || window.days < 0) {
    throw new RangeError(`SlotWindow.days must be a whole number ≥ 0, got ${window.days}`);
  }
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch ms, got ${now}`);
}
