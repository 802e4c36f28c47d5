import { describe, expect, it } from 'vitest';
import { closedReason } from './closed.js';
import type { BusinessHours } from '../availability/opening-hours.js';

// Mon–Sat 10:00–21:00, Sunday 11:00–19:00 in St Petersburg (UTC+3); closed on 2026-03-11 (a Wednesday).
const hours: BusinessHours = {
  timeZone: 'Europe/Moscow',
  weekly: { 1: [{ start: '10:00', end: '21:00' }], 2: [{ start: '10:00', end: '21:00' }], 3: [{ start: '10:00', end: '21:00' }], 4: [{ start: '10:00', end: '21:00' }], 5: [{ start: '10:00', end: '21:00' }], 6: [{ start: '10:00', end: '14:00' }] },
  closures: [{ from: '2026-03-11', to: '2026-03-11' }],
};
const at = (iso: string, minutes = 45) => [Date.parse(iso), Date.parse(iso) + minutes * 60_000] as const;

describe('closedReason: why the business itself refuses a time', () => {
  it('a time inside the opening hours on an open day: nothing (someone else may still have it)', () => {
    expect(closedReason(hours, ...at('2026-03-10T07:00:00Z'))).toBeNull(); // 10:00 local, Tuesday
    expect(closedReason(hours, ...at('2026-03-10T17:15:00Z'))).toBeNull(); // 20:15–21:00, ends at closing
  });

  it('a day the owner closed is CLOSED, read in the business’s zone (00:30 local is already the 11th)', () => {
    expect(closedReason(hours, ...at('2026-03-11T09:00:00Z'))).toBe('CLOSED');
    expect(closedReason(hours, ...at('2026-03-10T21:30:00Z'))).toBe('CLOSED');
    expect(closedReason(hours, ...at('2026-03-12T07:00:00Z'))).toBeNull();
  });

  it('before opening, after closing, across closing time or on a weekday without hours is OUTSIDE_HOURS', () => {
    expect(closedReason(hours, ...at('2026-03-10T06:00:00Z'))).toBe('OUTSIDE_HOURS'); // 09:00 local
    expect(closedReason(hours, ...at('2026-03-10T18:30:00Z'))).toBe('OUTSIDE_HOURS'); // 21:30 local
    expect(closedReason(hours, ...at('2026-03-10T17:30:00Z'))).toBe('OUTSIDE_HOURS'); // 20:30–21:15
    expect(closedReason(hours, ...at('2026-03-15T09:00:00Z'))).toBe('OUTSIDE_HOURS'); // a Sunday
  });
});
