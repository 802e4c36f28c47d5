import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDay } from '@frontdesk/shared';
import type { TimeRange } from './types.js';
import { mergeRanges, subtractRanges, toMinuteRanges, WorkingSchedule, type MinuteRange } from './working-hours.js';

const r = (start: number, end: number): MinuteRange => ({ start, end });

/** Ranges as a set of covered minutes, the obvious slow model. */
function covered(ranges: readonly MinuteRange[]): Set<number> {
  const minutes = new Set<number>();
  for (const { start, end } of ranges) for (let m = start; m < end; m++) minutes.add(m);
  return minutes;
}

const arbRanges = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 300 })).map(([start, length]) => r(start, Math.min(1440, start + length))),
  { maxLength: 6 },
);

describe('toMinuteRanges', () => {
  it('parses HH:MM ranges, 24:00 included', () => {
    expect(toMinuteRanges([{ start: '09:00', end: '12:30' }, { start: '22:00', end: '24:00' }])).toEqual([r(540, 750), r(1320, 1440)]);
  });

  it('rejects empty or reversed ranges', () => {
    expect(() => toMinuteRanges([{ start: '09:00', end: '09:00' }])).toThrow(RangeError);
    expect(() => toMinuteRanges([{ start: '24:00', end: '24:00' }])).toThrow(RangeError);
  });
});

describe('mergeRanges', () => {
  it('joins overlapping and touching ranges and sorts', () => {
    expect(mergeRanges([r(780, 1080), r(540, 780), r(100, 200), r(150, 160)])).toEqual([r(100, 200), r(540, 1080)]);
  });

  it('covers the same minutes with sorted, disjoint, non-touching ranges (property)', () => {
    fc.assert(
      fc.property(arbRanges, (ranges) => {
        const merged = mergeRanges(ranges);
        expect(covered(merged)).toEqual(covered(ranges));
        merged.forEach((range, i) => {
          expect(range.start).toBeLessThan(range.end);
          if (i > 0) expect(range.start).toBeGreaterThan(merged[i - 1]!.end);
        });
      }),
    );
  });

  it('does not modify its input', () => {
    const input = [r(60, 120), r(0, 90)];
    mergeRanges(input);
    expect(input).toEqual([r(60, 120), r(0, 90)]);
  });
});

describe('subtractRanges', () => {
  it('cuts holes, trims ends and drops covered ranges', () => {
    expect(subtractRanges([r(540, 1080)], [r(720, 780)])).toEqual([r(540, 720), r(780, 1080)]);
    expect(subtractRanges([r(540, 1080)], [r(500, 600), r(1000, 1200)])).toEqual([r(600, 1000)]);
    expect(subtractRanges([r(540, 600), r(700, 800)], [r(0, 650)])).toEqual([r(700, 800)]);
  });

  it('leaves exactly the minutes not cut (property)', () => {
    fc.assert(
      fc.property(arbRanges, arbRanges, (from, cut) => {
        const expected = covered(from);
        for (const m of covered(cut)) expected.delete(m);
        expect(covered(subtractRanges(mergeRanges(from), cut))).toEqual(expected);
      }),
    );
  });
});

describe('WorkingSchedule', () => {
  const monday = epochDay('2024-06-03');

  it('uses the weekly hours on days without exceptions', () => {
    const schedule = new WorkingSchedule({ 1: [{ start: '09:00', end: '12:00' }], 3: [] }, []);
    expect(schedule.rangesOn(monday)).toEqual([r(540, 720)]);
    expect(schedule.rangesOn(monday + 1)).toEqual([]);
    expect(schedule.rangesOn(monday + 2)).toEqual([]);
    expect(schedule.rangesOn(monday + 7)).toEqual([r(540, 720)]);
  });

  it('compiles a deeply frozen week once and an unfrozen one afresh each time', () => {
    const frozen = Object.freeze({ 1: Object.freeze([Object.freeze({ start: '09:00', end: '12:00' })]) as TimeRange[] });
    const first = new WorkingSchedule(frozen, []);
    const again = new WorkingSchedule(frozen, [{ date: '2024-06-03', kind: 'extra', intervals: [{ start: '13:00', end: '14:00' }] }]);
    expect(again.rangesOn(monday)).toEqual([r(540, 720), r(780, 840)]);
    expect(first.rangesOn(monday)).toEqual([r(540, 720)]); // the shared week was not changed by the exception
    expect(new WorkingSchedule(frozen, []).rangesOn(monday)).toBe(first.rangesOn(monday));

    const open = { 1: [{ start: '09:00', end: '12:00' }] };
    expect(new WorkingSchedule(open, []).rangesOn(monday)).toEqual([r(540, 720)]);
    open[1][0]!.end = '10:00';
    expect(new WorkingSchedule(open, []).rangesOn(monday)).toEqual([r(540, 600)]);
  });

  it('combines several exceptions on one date: removals from the weekly hours, then additions', () => {
    const schedule = new WorkingSchedule({ 1: [{ start: '09:00', end: '17:00' }] }, [
      { date: '2024-06-03', kind: 'extra', intervals: [{ start: '12:30', end: '13:00' }, { start: '18:00', end: '19:00' }] },
      { date: '2024-06-03', kind: 'off', intervals: [{ start: '12:00', end: '14:00' }] },
      { date: '2024-06-03', kind: 'off', intervals: [{ start: '16:00', end: '16:30' }] },
    ]);
    expect(schedule.rangesOn(monday)).toEqual([r(540, 720), r(750, 780), r(840, 960), r(990, 1020), r(1080, 1140)]);
  });
});
