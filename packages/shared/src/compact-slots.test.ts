import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSlots, encodeSlots } from './compact-slots.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('compact slots', () => {
  it('decodes to exactly what was encoded (any sorted slots of one length on whole seconds)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }),
        fc.integer({ min: 60, max: 8 * 3600 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7200 }), fc.constantFrom('ana', 'bo', 'carla-long-staff-id', 'd')), { maxLength: 300 }),
        (t0, len, gaps) => {
          let t = t0 * 1000;
          const slots = gaps.map(([gap, staffId]) => {
            t += gap * 1000;
            return { start: t, end: t + len * 1000, staffId };
          });
          const decoded = decodeSlots(JSON.parse(JSON.stringify(encodeSlots(slots))) as ReturnType<typeof encodeSlots>);
          expect(decoded).toEqual(slots.map((s) => ({ start: iso(s.start), end: iso(s.end), staffId: s.staffId })));
        },
      ),
    );
  });

  it('names each staff member once and an empty list as no slots', () => {
    const h = 3_600_000;
    const c = encodeSlots([
      { start: 10 * h, end: 10.5 * h, staffId: 'bo' },
      { start: 10 * h, end: 10.5 * h, staffId: 'ana' },
      { start: 10.25 * h, end: 10.75 * h, staffId: 'bo' },
    ]);
    expect(c).toEqual({ v: 1, t0: 36_000, len: 1800, staff: ['bo', 'ana'], at: [0, 0, 900], by: [0, 1, 0] });
    expect(decodeSlots(encodeSlots([]))).toEqual([]);
  });

  it('refuses what it cannot carry exactly, and versions and indexes it does not know', () => {
    expect(() => encodeSlots([{ start: 1000, end: 2000, staffId: 'a' }, { start: 3000, end: 5000, staffId: 'a' }])).toThrow(/one length/);
    expect(() => encodeSlots([{ start: 1500, end: 2500, staffId: 'a' }])).toThrow(/whole seconds/);
    expect(() => encodeSlots([{ start: 5000, end: 6000, staffId: 'a' }, { start: 1000, end: 2000, staffId: 'a' }])).toThrow(/sorted/);
    expect(() => decodeSlots({ v: 2, t0: 0, len: 1, staff: [], at: [], by: [] } as unknown as Parameters<typeof decodeSlots>[0])).toThrow(/version 2/);
    expect(() => decodeSlots({ v: 1, t0: 0, len: 1, staff: ['a'], at: [0], by: [1] })).toThrow(/index 1/);
  });
});
