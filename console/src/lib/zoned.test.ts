import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, mondayOf, zonedDate, zonedInstant } from './zoned.js';

describe('zonedInstant', () => {
  it('finds local midnight in a zone behind UTC, across DST', () => {
    expect(zonedInstant('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(zonedInstant('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });
  it('finds a wall-clock time in a zone ahead of UTC', () => {
    expect(zonedInstant('2026-03-02', 'Asia/Yerevan', '09:30').toISOString()).toBe('2026-03-02T05:30:00.000Z');
  });
});

describe('zonedDate', () => {
  it('names the local calendar day of an instant', () => {
    expect(zonedDate(new Date('2026-01-15T03:00:00Z'), 'America/New_York')).toBe('2026-01-14');
    expect(zonedDate(new Date('2026-01-15T22:00:00Z'), 'Europe/Moscow')).toBe('2026-01-16');
  });
});

describe('day arithmetic', () => {
  it('adds days across months and finds the Monday', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
  });
});
