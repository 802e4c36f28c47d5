import { describe, expect, it } from 'vitest';
import { findSlots, type BusinessHours, type StaffAvailabilityInput } from './find-slots.js';
import { closedDays, isClosedOn, openRanges } from './opening-hours.js';

const rules = { durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, stepMin: 60, minNoticeMin: 0, horizonDays: 60 };
// 2030-01-07 is a Monday.
const NOW = Date.parse('2030-01-01T00:00:00Z');

function member(over: Partial<StaffAvailabilityInput> = {}): StaffAvailabilityInput {
  return { staffId: 'a', timeZone: 'UTC', weekly: { 1: [{ start: '08:00', end: '20:00' }], 3: [{ start: '09:00', end: '18:00' }] }, exceptions: [], busy: [], ...over };
}

/** Local 'HH:MM' of each slot start in a zone. */
function times(slots: { start: number }[], timeZone = 'UTC'): string[] {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return slots.map((s) => f.format(s.start));
}

describe('opening hours limit staff hours', () => {
  it('a slot needs both: the business open and the staff member working', () => {
    const business: BusinessHours = { timeZone: 'UTC', weekly: { 1: [{ start: '10:00', end: '13:00' }, { start: '15:00', end: '17:00' }] }, closures: [] };
    const slots = findSlots({ staff: [member()], business, rules, window: { from: '2030-01-07', days: 1, timeZone: 'UTC' }, now: NOW });
    expect(times(slots)).toEqual(['10:00', '11:00', '12:00', '15:00', '16:00']);
  });

  it('a weekday the business is closed offers no slots, even when the staff member works', () => {
    const business: BusinessHours = { timeZone: 'UTC', weekly: { 1: [{ start: '09:00', end: '18:00' }] }, closures: [] };
    // 2030-01-09 is a Wednesday: the staff member works, the business is closed.
    expect(findSlots({ staff: [member()], business, rules, window: { from: '2030-01-09', days: 1, timeZone: 'UTC' }, now: NOW })).toEqual([]);
  });

  it('a closed business day (a holiday) offers no slots; the days around it do', () => {
    const business: BusinessHours = { timeZone: 'Europe/Moscow', weekly: { 1: [{ start: '10:00', end: '12:00' }], 3: [{ start: '10:00', end: '12:00' }] }, closures: [{ from: '2030-01-08', to: '2030-01-09' }] };
    const staff = [member({ timeZone: 'Europe/Moscow' })];
    const slots = findSlots({ staff, business, rules, window: { from: '2030-01-07', days: 10, timeZone: 'Europe/Moscow' }, now: NOW });
    const days = [...new Set(slots.map((s) => new Date(s.start + 3 * 3_600_000).toISOString().slice(0, 10)))];
    // Monday the 7th open, Wednesday the 9th closed, Monday the 14th and Wednesday the 16th open.
    expect(days).toEqual(['2030-01-07', '2030-01-14', '2030-01-16']);
  });

  it('a staff member in another zone is limited by the business hours read in the business zone', () => {
    // The business opens 10:00–18:00 Moscow (07:00–15:00 UTC); the staff member works 06:00–16:00 UTC.
    const business: BusinessHours = { timeZone: 'Europe/Moscow', weekly: { 1: [{ start: '10:00', end: '18:00' }] }, closures: [] };
    const staff = [member({ timeZone: 'UTC', weekly: { 1: [{ start: '06:00', end: '16:00' }] } })];
    const slots = findSlots({ staff, business, rules, window: { from: '2030-01-07', days: 1, timeZone: 'Europe/Moscow' }, now: NOW });
    expect(times(slots, 'Europe/Moscow')).toEqual(['10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00']);
  });

  it('extra hours a staff member adds for one date do not open the business', () => {
    const business: BusinessHours = { timeZone: 'UTC', weekly: { 1: [{ start: '10:00', end: '12:00' }] }, closures: [] };
    const staff = [member({ exceptions: [{ date: '2030-01-07', kind: 'extra', intervals: [{ start: '20:00', end: '22:00' }] }] })];
    const slots = findSlots({ staff, business, rules, window: { from: '2030-01-07', days: 1, timeZone: 'UTC' }, now: NOW });
    expect(times(slots)).toEqual(['10:00', '11:00']);
  });

  it('open ranges join across midnight and leave out closed days', () => {
    const business: BusinessHours = { timeZone: 'UTC', weekly: { 1: [{ start: '20:00', end: '24:00' }], 2: [{ start: '00:00', end: '02:00' }] }, closures: [] };
    const open = openRanges(business, Date.parse('2030-01-07T00:00Z'), Date.parse('2030-01-08T23:00Z'));
    expect(open).toEqual({ starts: [Date.parse('2030-01-07T20:00Z')], ends: [Date.parse('2030-01-08T02:00Z')] });
    const closed = openRanges({ ...business, closures: [{ from: '2030-01-08', to: '2030-01-08' }] }, Date.parse('2030-01-07T00:00Z'), Date.parse('2030-01-08T23:00Z'));
    expect(closed).toEqual({ starts: [Date.parse('2030-01-07T20:00Z')], ends: [Date.parse('2030-01-08T00:00Z')] });
  });

  it('closed days are clipped to the dates asked about', () => {
    expect(closedDays([{ from: '2029-12-30', to: '2030-01-02' }, { from: '2030-02-01', to: '2030-02-03' }], '2030-01-01', '2030-01-31').map((e) => e.date)).toEqual(['2030-01-01', '2030-01-02']);
    expect(isClosedOn([{ from: '2029-12-30', to: '2030-01-02' }], '2030-01-02')).toBe(true);
    expect(isClosedOn([{ from: '2029-12-30', to: '2030-01-02' }], '2030-01-03')).toBe(false);
  });
});
