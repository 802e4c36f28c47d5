import { describe, expect, it } from 'vitest';
import { slotsOn } from './fake-api';
import { rank } from './slot-picker';

const NY = 'America/New_York';
const times = (s: { start: string }[]) => s.slice(0, 3).map((x) => x.start.slice(5, 16));
const slots = slotsOn(['2026-06-10', '2026-06-11']);

describe('rank', () => {
  it('puts the slots closest to an "at" time first', () => {
    const r = rank(slots, { kind: 'at', date: '2026-06-10', minuteOfDay: 15 * 60 + 10 }, NY);
    expect(times(r)).toEqual(['06-10T19:00', '06-10T19:30', '06-10T18:30']);
  });
  it('takes slots from an "after" time on, then the following days', () => {
    const r = rank(slots, { kind: 'after', date: '2026-06-10', minuteOfDay: 17 * 60 }, NY);
    expect(times(r)).toEqual(['06-10T21:00', '06-10T21:30', '06-11T14:00']);
  });
  it('takes the latest slots before a "before" time first', () => {
    const r = rank(slots, { kind: 'before', date: '2026-06-10', minuteOfDay: 12 * 60 }, NY);
    expect(times(r)).toEqual(['06-10T15:30', '06-10T15:00', '06-10T14:30']);
  });
  it('offers the next days when nothing is free that day', () => {
    const r = rank(slots, { kind: 'day', date: '2026-06-09' }, NY);
    expect(times(r)[0]).toBe('06-10T14:00');
  });
  it('leaves the order alone without a requested time', () => {
    expect(rank(slots, null, NY)).toBe(slots);
  });
});
