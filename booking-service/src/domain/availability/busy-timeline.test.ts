import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstEndingAfter, toBusyTimeline } from './busy-timeline.js';

describe('toBusyTimeline', () => {
  it('sorts, merges overlapping and touching intervals, and drops empty ones', () => {
    const timeline = toBusyTimeline([
      { start: 50, end: 60 },
      { start: 10, end: 20 },
      { start: 20, end: 30 },
      { start: 15, end: 18 },
      { start: 40, end: 40 },
      { start: 45, end: 44 },
    ]);
    expect([...timeline.starts]).toEqual([10, 50]);
    expect([...timeline.ends]).toEqual([30, 60]);
    expect(timeline.length).toBe(2);
  });

  it('blocks exactly the instants its input blocks (property)', () => {
    const arbBusy = fc.array(fc.record({ start: fc.integer({ min: 0, max: 200 }), end: fc.integer({ min: 0, max: 200 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(arbBusy, (busy) => {
        const timeline = toBusyTimeline(busy);
        for (let t = -1; t <= 201; t++) {
          const inInput = busy.some((b) => b.start <= t && t < b.end);
          const i = firstEndingAfter(timeline, t);
          const inTimeline = i < timeline.length && timeline.starts[i]! <= t;
          expect(inTimeline, `instant ${t}`).toBe(inInput);
        }
        for (let i = 1; i < timeline.length; i++) expect(timeline.starts[i]!).toBeGreaterThan(timeline.ends[i - 1]!);
      }),
    );
  });
});

describe('firstEndingAfter', () => {
  const timeline = toBusyTimeline([{ start: 10, end: 20 }, { start: 30, end: 40 }]);

  it('finds the first interval that is not over by the instant', () => {
    expect(firstEndingAfter(timeline, 0)).toBe(0);
    expect(firstEndingAfter(timeline, 19)).toBe(0);
    expect(firstEndingAfter(timeline, 20)).toBe(1);
    expect(firstEndingAfter(timeline, 39)).toBe(1);
    expect(firstEndingAfter(timeline, 40)).toBe(2);
    expect(firstEndingAfter(toBusyTimeline([]), 0)).toBe(0);
  });
});
