/**
 * Property tests of findSlots against slow, independent references: local times read with a
 * different Intl entry point, dates with Date.UTC, working hours as a minute-by-minute bitmap,
 * and a brute-force search that tries every minute of the window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlots, type FindSlotsInput } from './find-slots.js';
import type { BusyInterval, DateException, Slot, StaffAvailabilityInput, TimeRange, WeeklyHours } from './types.js';

const MIN = 60_000;
const DAY = 86_400_000;

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Europe/Moscow',
  'Asia/Yerevan',
] as const;

/** Transition days of the zones above, and two ordinary days. */
const ANCHORS = [
  '2024-03-10', '2024-11-03', '2024-03-31', '2024-10-27', '2024-10-06', '2024-04-07',
  '2011-03-27', '2014-10-26', '2011-10-30', '1986-01-01', '2024-06-03', '2025-01-15',
];

// ---------------------------------------------------------------------------------------------
// Reference time-zone arithmetic: sv-SE formatting ('YYYY-MM-DD HH:MM:SS') and Date.UTC.

const formatters = new Map<string, Intl.DateTimeFormat>();
const wallMemo = new Map<string, Map<number, number>>();

/** Local wall-clock reading of an instant, as the epoch ms that reading would have in UTC. */
function refWall(instant: number, zone: string): number {
  let formatter = formatters.get(zone);
  let memo = wallMemo.get(zone);
  if (formatter === undefined || memo === undefined) {
    formatter = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, hourCycle: 'h23', dateStyle: 'short', timeStyle: 'medium' });
    formatters.set(zone, formatter);
    memo = new Map();
    wallMemo.set(zone, memo);
  }
  let wall = memo.get(instant);
  if (wall === undefined) {
    wall = Date.parse(`${formatter.format(instant).replace(' ', 'T')}Z`);
    memo.set(instant, wall);
  }
  return wall;
}

const refDate = (wall: number): string => new Date(wall).toISOString().slice(0, 10);
const refMinuteOfDay = (wall: number): number => Math.floor((wall - Math.floor(wall / DAY) * DAY) / MIN);
const refMidnight = (date: string): number => Date.parse(`${date}T00:00Z`);

/** Instants whose local reading is `wall`, earliest first (none in a gap, two in a repeat). */
function occurrences(wall: number, zone: string): number[] {
  const offsets = new Set<number>();
  // Offsets in force within 15 hours either side, sampled on a fixed 30-minute grid (memo hits).
  const first = Math.floor((wall - 15 * 60 * MIN) / (30 * MIN)) * 30 * MIN;
  for (let t = first; t <= wall + 15 * 60 * MIN; t += 30 * MIN) offsets.add(refWall(t, zone) - t);
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => refWall(instant, zone) === wall)
    .sort((a, b) => a - b);
}

/**
 * The instant of a local reading, by the definition of Temporal's 'compatible': the earlier
 * occurrence if any; in a gap, the reading taken with the offset in force before the gap, which
 * is the one offset under which the resulting instant shows a later reading.
 */
function refToUtc(date: string, minuteOfDay: number, zone: string): number {
  const wall = refMidnight(date) + minuteOfDay * MIN;
  const found = occurrences(wall, zone);
  if (found[0] !== undefined) return found[0];
  const first = Math.floor((wall - 15 * 60 * MIN) / (30 * MIN)) * 30 * MIN;
  for (let t = first; t <= wall + 15 * 60 * MIN; t += 30 * MIN) {
    const offset = refWall(t, zone) - t;
    if (refWall(wall - offset, zone) > wall) return wall - offset;
  }
  throw new Error(`no instant for ${date} ${minuteOfDay} in ${zone}`);
}

// ---------------------------------------------------------------------------------------------
// Reference working hours: a bitmap of the local day's minutes.

interface LocalRange {
  date: string;
  start: number;
  end: number;
}

const toMinute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function refDayRanges(member: StaffAvailabilityInput, date: string): LocalRange[] {
  const worked = new Array<boolean>(1440).fill(false);
  const mark = (ranges: readonly TimeRange[] | undefined, value: boolean): void => {
    for (const { start, end } of ranges ?? []) for (let m = toMinute(start); m < toMinute(end); m++) worked[m] = value;
  };
  const weekday = (new Date(refMidnight(date)).getUTCDay() || 7) as keyof WeeklyHours;
  mark(member.weekly[weekday], true);
  const today = member.exceptions.filter((exception) => exception.date === date);
  for (const exception of today) {
    if (exception.kind !== 'off') continue;
    if ((exception.intervals ?? []).length === 0) worked.fill(false);
    else mark(exception.intervals, false);
  }
  for (const exception of today) if (exception.kind === 'extra') mark(exception.intervals, true);

  const ranges: LocalRange[] = [];
  for (let m = 0; m < 1440; m++) {
    if (!worked[m]) continue;
    const start = m;
    while (m < 1440 && worked[m]) m++;
    ranges.push({ date, start, end: m });
  }
  return ranges;
}

function refRangesAround(member: StaffAvailabilityInput, fromWall: number, toWall: number): LocalRange[] {
  const ranges: LocalRange[] = [];
  for (let day = Math.floor(fromWall / DAY) - 1; day <= Math.floor(toWall / DAY) + 1; day++) {
    ranges.push(...refDayRanges(member, refDate(day * DAY)));
  }
  return ranges;
}

/** Whether two half-open intervals share an instant; an empty one (start ≥ end) shares none. */
function overlaps(a: BusyInterval, b: BusyInterval): boolean {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

// ---------------------------------------------------------------------------------------------
// Brute force: every minute of the window, every staff member, every range, every busy interval.

function bruteForce(input: FindSlotsInput): Slot[] {
  const { staff, rules, window, now } = input;
  const windowStart = refToUtc(window.from, 0, window.timeZone);
  const windowEnd = refToUtc(refDate(refMidnight(window.from) + window.days * DAY), 0, window.timeZone);
  const perMember = staff.map((member) =>
    refRangesAround(member, refWall(windowStart, member.timeZone), refWall(windowEnd, member.timeZone)).map((range) => ({
      from: refToUtc(range.date, range.start, member.timeZone),
      to: refToUtc(range.date, range.end, member.timeZone),
    })),
  );
  const duration = rules.durationMin * MIN;
  const before = rules.bufferBeforeMin * MIN;
  const after = rules.bufferAfterMin * MIN;
  const step = rules.stepMin * MIN;
  const inBounds = (s: number): boolean =>
    s >= windowStart && s < windowEnd && s >= now + rules.minNoticeMin * MIN && s <= now + rules.horizonDays * DAY;
  const free = (member: StaffAvailabilityInput, s: number): boolean =>
    !member.busy.some((b) => overlaps({ start: s - before, end: s + duration + after }, b));
  const onGrid = (s: number, from: number, to: number): boolean => s >= from && s + duration <= to && (s - from) % step === 0;
  const mergedEnds = staff.map((member) => refMergedEnds(member.busy));
  // Every minute, and with fillGaps every instant right after a busy interval plus the buffer.
  const candidates = new Set<number>();
  for (let s = windowStart; s < windowEnd; s += MIN) candidates.add(s);
  if (input.fillGaps) for (const ends of mergedEnds) for (const end of ends) candidates.add(end + before);
  const slots: Slot[] = [];
  for (const s of [...candidates].sort((a, b) => a - b)) {
    if (!inBounds(s)) continue;
    const staffIds = staff
      .filter((member, m) => {
        if (!free(member, s)) return false;
        return perMember[m]!.some(({ from, to }) => {
          if (onGrid(s, from, to)) return true;
          if (!input.fillGaps || !(s > from && s + duration <= to) || !mergedEnds[m]!.includes(s - before)) return false;
          // The grid's next start after s: a filler only when it is not free or leaves too
          // short a gap for this service.
          const g = from + Math.ceil((s - from) / step) * step;
          const gridFree = onGrid(g, from, to) && inBounds(g) && free(member, g);
          return !(gridFree && g - s >= before + duration + after);
        });
      })
      .map((member) => member.staffId);
    if (staffIds.length > 0) slots.push({ start: s, end: s + duration, staffIds });
  }
  return slots;
}

/** Ends of the union of busy intervals (touching ones joined, empty ones dropped). */
function refMergedEnds(busy: readonly BusyInterval[]): number[] {
  const sorted = busy.filter((b) => b.start < b.end).sort((a, b) => a.start - b.start);
  const ends: number[] = [];
  let current: BusyInterval | undefined;
  for (const b of sorted) {
    if (current !== undefined && b.start <= current.end) current = { start: current.start, end: Math.max(current.end, b.end) };
    else {
      if (current !== undefined) ends.push(current.end);
      current = b;
    }
  }
  if (current !== undefined) ends.push(current.end);
  return ends;
}

// ---------------------------------------------------------------------------------------------
// Generators.

const arbTimeRange: fc.Arbitrary<TimeRange> = fc
  .tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 1, max: 144 }))
  .map(([start5, length5]) => {
    // Five-minute grid, so ranges start and end off the step grid and inside gaps and repeats.
    const start = start5 * 5;
    const end = Math.min(1440, start + length5 * 5);
    const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return { start: hhmm(start), end: hhmm(end) };
  });

/** Mostly one to three ranges a day, sometimes a day off. */
const arbDay = fc.oneof(
  { weight: 1, arbitrary: fc.constant<TimeRange[]>([]) },
  { weight: 4, arbitrary: fc.array(arbTimeRange, { minLength: 1, maxLength: 3 }) },
);
const arbWeekly: fc.Arbitrary<WeeklyHours> = fc.record({ 1: arbDay, 2: arbDay, 3: arbDay, 4: arbDay, 5: arbDay, 6: arbDay, 7: arbDay });

interface Scenario {
  input: FindSlotsInput;
}

function arbScenario(maxDays: number, maxStaff: number): fc.Arbitrary<Scenario> {
  return fc
    .record({
      anchor: fc.constantFrom(...ANCHORS),
      shift: fc.integer({ min: -2, max: 0 }),
      days: fc.integer({ min: 1, max: maxDays }),
      windowZone: fc.constantFrom(...ZONES),
      // Mostly before the window, so that notice and horizon cut into it rather than empty it.
      nowOffsetMin: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -2 * 1440, max: 0 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: maxDays * 1440 }) },
      ),
      // Staff sharing the window's zone and hours, so "anyone" finds common starts.
      shared: fc.boolean(),
      rules: fc.record({
        durationMin: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
        bufferBeforeMin: fc.constantFrom(0, 0, 5, 15, 30),
        bufferAfterMin: fc.constantFrom(0, 0, 10, 15, 45),
        stepMin: fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
        minNoticeMin: fc.constantFrom(0, 0, 30, 120, 600),
        horizonDays: fc.oneof(fc.constant(maxDays + 3), fc.integer({ min: 0, max: maxDays + 1 })),
      }),
      staff: fc.array(
        fc.record({
          zone: fc.constantFrom(...ZONES),
          weekly: arbWeekly,
          exceptions: fc.array(
            fc.record({
              dayOffset: fc.integer({ min: -1, max: maxDays }),
              kind: fc.constantFrom('off' as const, 'extra' as const),
              intervals: fc.option(fc.array(arbTimeRange, { maxLength: 2 }), { nil: undefined }),
            }),
            { maxLength: 3 },
          ),
          busy: fc.array(
            fc.record({
              startMin: fc.integer({ min: -1440, max: (maxDays + 1) * 1440 }),
              lengthMin: fc.integer({ min: 0, max: 240 }),
              jitterMs: fc.constantFrom(0, 0, 0, 1, 59_999),
            }),
            { maxLength: 8 },
          ),
        }),
        { minLength: 1, maxLength: maxStaff },
      ),
    })
    .map(({ anchor, shift, days, windowZone, nowOffsetMin, shared, rules, staff }) => {
      const from = refDate(refMidnight(anchor) + shift * DAY);
      // Busy times and now are placed relative to UTC midnight of `from`: near enough the window.
      const base = refMidnight(from);
      const members: StaffAvailabilityInput[] = staff.map((s, index) => ({
        staffId: `s${index}`,
        timeZone: shared ? windowZone : s.zone,
        weekly: shared ? staff[0]!.weekly : s.weekly,
        exceptions: s.exceptions.map(
          (e): DateException => ({ date: refDate(base + e.dayOffset * DAY), kind: e.kind, ...(e.intervals ? { intervals: e.intervals } : {}) }),
        ),
        busy: s.busy.map(
          (b): BusyInterval => ({ start: base + b.startMin * MIN + b.jitterMs, end: base + (b.startMin + b.lengthMin) * MIN + b.jitterMs }),
        ),
      }));
      return {
        input: { staff: members, rules, window: { from, days, timeZone: windowZone }, now: base + nowOffsetMin * MIN },
      };
    });
}

// ---------------------------------------------------------------------------------------------

describe.each([false, true])('findSlots properties (fillGaps: %s)', (fillGaps) => {
  const arb = (maxDays: number, maxStaff: number): fc.Arbitrary<Scenario> =>
    arbScenario(maxDays, maxStaff).map(({ input }) => ({ input: { ...input, fillGaps } }));

  it('never overlaps a busy interval with a slot or its buffers', () => {
    fc.assert(
      fc.property(arb(4, 3), ({ input }) => {
        const { rules } = input;
        for (const slot of findSlots(input)) {
          for (const id of slot.staffIds) {
            const member = input.staff.find((s) => s.staffId === id)!;
            const occupiedStart = slot.start - rules.bufferBeforeMin * MIN;
            const occupiedEnd = slot.end + rules.bufferAfterMin * MIN;
            const clash = member.busy.find((b) => overlaps({ start: occupiedStart, end: occupiedEnd }, b));
            expect(clash).toBeUndefined();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("puts every slot inside the staff member's local working hours", () => {
    fc.assert(
      fc.property(arb(3, 2), ({ input }) => {
        const { window } = input;
        // Every local date a slot could touch, whatever the member's zone.
        const span = { from: refMidnight(window.from) - DAY, to: refMidnight(window.from) + (window.days + 1) * DAY };
        const rangesById = new Map(
          input.staff.map((member) => [
            member.staffId,
            refRangesAround(member, span.from, span.to).map((range) => {
              const wallStart = refMidnight(range.date) + range.start * MIN;
              const wallEnd = refMidnight(range.date) + range.end * MIN;
              return {
                ...range,
                // Both ends exist exactly once: then the local clock over any slot inside stays
                // within the range's readings on its date, first and last millisecond alike.
                regular: occurrences(wallStart, member.timeZone).length === 1 && occurrences(wallEnd, member.timeZone).length === 1,
                from: refToUtc(range.date, range.start, member.timeZone),
                to: refToUtc(range.date, range.end, member.timeZone),
              };
            }),
          ]),
        );
        const outside: string[] = [];
        for (const slot of findSlots(input)) {
          for (const id of slot.staffIds) {
            const zone = input.staff.find((s) => s.staffId === id)!.timeZone;
            const firstWall = refWall(slot.start, zone);
            const lastWall = refWall(slot.end - 1, zone);
            const readsInside = (wall: number, range: LocalRange): boolean =>
              refDate(wall) === range.date && refMinuteOfDay(wall) >= range.start && refMinuteOfDay(wall) < range.end;
            const inside = rangesById.get(id)!.some((range) =>
              range.regular
                ? readsInside(firstWall, range) && readsInside(lastWall, range)
                : // An end in a gap or repeat has no single local reading; compare instants instead.
                  slot.start >= range.from && slot.end <= range.to,
            );
            if (!inside) outside.push(`${id} ${new Date(slot.start).toISOString()} (${zone})`);
          }
        }
        expect(outside).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('respects notice, horizon and window, and returns sorted unique starts with valid staff lists', () => {
    fc.assert(
      fc.property(arb(4, 3), ({ input }) => {
        const { rules, window, now, staff } = input;
        const windowStart = refToUtc(window.from, 0, window.timeZone);
        const windowEnd = refToUtc(refDate(refMidnight(window.from) + window.days * DAY), 0, window.timeZone);
        const slots = findSlots(input);
        const broken = slots.filter((slot, i) => {
          const order = slot.staffIds.map((id) => staff.findIndex((s) => s.staffId === id));
          return !(
            slot.start >= now + rules.minNoticeMin * MIN &&
            slot.start <= now + rules.horizonDays * DAY &&
            slot.start >= windowStart &&
            slot.start < windowEnd &&
            slot.end - slot.start === rules.durationMin * MIN &&
            (i === 0 || slot.start > slots[i - 1]!.start) &&
            order.length > 0 &&
            order.every((index, k) => index >= 0 && (k === 0 || index > order[k - 1]!))
          );
        });
        expect(broken).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a minute-by-minute brute force', () => {
    fc.assert(
      fc.property(arb(2, 3), ({ input }) => {
        expect(findSlots(input)).toEqual(bruteForce(input));
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with the brute force on dense weeks of one member in the window zone', () => {
    // Office-like hours make long runs of slots, so the busy sweep and its jumps get exercised.
    const office = fc.constantFrom<TimeRange[]>(
      [{ start: '09:00', end: '18:00' }],
      [{ start: '00:00', end: '06:00' }, { start: '08:00', end: '12:00' }],
      [{ start: '09:00', end: '13:00' }, { start: '13:00', end: '17:30' }],
      [{ start: '00:00', end: '24:00' }],
    );
    fc.assert(
      fc.property(arb(2, 1), office, ({ input }, hours) => {
        const member = input.staff[0]!;
        const dense: FindSlotsInput = {
          ...input,
          staff: [{ ...member, timeZone: input.window.timeZone, weekly: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: hours, 7: hours } }],
        };
        expect(findSlots(dense)).toEqual(bruteForce(dense));
      }),
      { numRuns: 100 },
    );
  });
});


