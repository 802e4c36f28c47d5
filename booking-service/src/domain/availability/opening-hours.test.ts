import { describe, expect, it } from 'vitest';
import { findSlots } from './find-slots.js';
import { withinOpeningHours } from './opening-hours.js';

describe('opening hours limit staff hours', () => {
  it('a slot needs both: the business open and the staff member working', () => {
    const staff = { 1: [{ start: '08:00', end: '20:00' }], 2: [{ start: '10:00', end: '14:00' }, { start: '15:00', end: '19:00' }], 3: [{ start: '09:00', end: '18:00' }] };
    const opening = { 1: [{ start: '10:00', end: '18:00' }], 2: [{ start: '12:00', end: '21:00' }] };
    expect(withinOpeningHours(staff, opening)).toEqual({
      1: [{ start: '10:00', end: '18:00' }],
      2: [{ start: '12:00', end: '14:00' }, { start: '15:00', end: '19:00' }],
    });
  });

  it('a day the business is closed offers no slots, even when the staff member works', () => {
    // 2030-01-02 is a Wednesday (3): the staff member works, the business is closed.
    const weekly = withinOpeningHours({ 3: [{ start: '09:00', end: '18:00' }] }, { 1: [{ start: '09:00', end: '18:00' }] });
    const slots = findSlots({
      staff: [{ staffId: 'a', timeZone: 'UTC', weekly, exceptions: [], busy: [] }],
      rules: { durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, stepMin: 30, minNoticeMin: 0, horizonDays: 60 },
      window: { from: '2030-01-02', days: 1, timeZone: 'UTC' },
      now: Date.parse('2030-01-01T00:00:00Z'),
    });
    expect(slots).toEqual([]);
  });
});
