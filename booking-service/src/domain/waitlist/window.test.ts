import { describe, expect, it } from 'vitest';
import { fits, partOf, windowEnd, windowOf } from './window.js';

const TZ = 'Europe/Moscow'; // UTC+3
const at = (iso: string) => Date.parse(iso);

describe('waiting-list window', () => {
  it('the next N days include today', () => {
    expect(windowOf('2026-03-02', { days: 7 }, 'any')).toEqual({ fromDay: '2026-03-02', toDay: '2026-03-08', part: 'any' });
    expect(windowOf('2026-03-02', { day: '2026-03-05' }, 'evening')).toEqual({ fromDay: '2026-03-05', toDay: '2026-03-05', part: 'evening' });
  });

  it('parts of the day split at 12:00 and 17:00 local time', () => {
    expect([0, 11 * 60 + 59, 12 * 60, 16 * 60 + 59, 17 * 60].map(partOf)).toEqual(['morning', 'morning', 'afternoon', 'afternoon', 'evening']);
  });

  it('a time fits when it starts on a day of the window, in its part, and is ahead', () => {
    const w = windowOf('2026-03-02', { days: 3 }, 'morning');
    const now = at('2026-03-02T05:00:00Z');
    expect(fits(w, at('2026-03-03T07:00:00Z'), TZ, now)).toBe(true); // 10:00 local
    expect(fits(w, at('2026-03-03T10:00:00Z'), TZ, now)).toBe(false); // 13:00 local: afternoon
    expect(fits(w, at('2026-03-05T07:00:00Z'), TZ, now)).toBe(false); // after the window
    expect(fits(w, at('2026-03-02T04:00:00Z'), TZ, now)).toBe(false); // already past
    expect(fits({ ...w, part: 'any' }, at('2026-03-04T20:59:00Z'), TZ, now)).toBe(true); // 23:59 local on the last day
  });

  it('the window ends at the local midnight after its last day', () => {
    expect(new Date(windowEnd({ toDay: '2026-03-04' }, TZ)).toISOString()).toBe('2026-03-04T21:00:00.000Z');
  });
});
