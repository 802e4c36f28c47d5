import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from './availability/find-slots.js';
import { isOpen, replyBy, workingMsBetween } from './reply-by.js';

// Mon–Fri 10:00–20:00 Moscow (UTC+3, no DST): 07:00Z–17:00Z.
const HOURS: WeeklyHours = { 1: [{ start: '10:00', end: '20:00' }], 2: [{ start: '10:00', end: '20:00' }], 3: [{ start: '10:00', end: '20:00' }], 4: [{ start: '10:00', end: '20:00' }], 5: [{ start: '10:00', end: '20:00' }] };
const TZ = 'Europe/Moscow';
const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('replyBy', () => {
  it('counts only opening hours: Friday 19:30 + 60 working min = Monday 10:30', () => {
    expect(replyBy(HOURS, TZ, at('2026-03-06T16:30:00Z'), 60)).toBe(at('2026-03-09T07:30:00Z'));
  });
  it('a cold lead’s 24 working hours span days', () => {
    // Monday 10:00 + 24 h of 10-hour days = Wednesday 14:00.
    expect(replyBy(HOURS, TZ, at('2026-03-02T07:00:00Z'), 24 * 60)).toBe(at('2026-03-04T11:00:00Z'));
  });
  it('is null without opening hours', () => {
    expect(replyBy({}, TZ, at('2026-03-02T07:00:00Z'), 5)).toBeNull();
  });
});

describe('workingMsBetween', () => {
  it('skips the night and the weekend', () => {
    // Friday 19:00 → Monday 11:00 Moscow: 1 h on Friday + 1 h on Monday.
    expect(workingMsBetween(HOURS, TZ, at('2026-03-06T16:00:00Z'), at('2026-03-09T08:00:00Z'))).toBe(2 * H);
  });
  it('is zero inside a closed stretch and negative when reversed', () => {
    expect(workingMsBetween(HOURS, TZ, at('2026-03-07T08:00:00Z'), at('2026-03-08T08:00:00Z'))).toBe(0);
    expect(workingMsBetween(HOURS, TZ, at('2026-03-02T09:00:00Z'), at('2026-03-02T08:00:00Z'))).toBe(-H);
  });
  it('agrees with replyBy', () => {
    const from = at('2026-03-05T15:10:00Z');
    const due = replyBy(HOURS, TZ, from, 24 * 60)!;
    expect(workingMsBetween(HOURS, TZ, from, due)).toBe(24 * H);
  });
  it('isOpen follows the same hours', () => {
    expect(isOpen(HOURS, TZ, at('2026-03-02T07:00:00Z'))).toBe(true);
    expect(isOpen(HOURS, TZ, at('2026-03-02T17:00:00Z'))).toBe(false);
  });
});
