import { describe, expect, it } from 'vitest';
import { resolveWhen, type LocalNow } from './when-expression.js';

// Wednesday 10 June 2026, 12:00 local.
const noonWednesday: LocalNow = { date: '2026-06-10', minuteOfDay: 12 * 60 };

describe('resolveWhen', () => {
  it('puts a time without a date at its next occurrence', () => {
    const at = (hour: number, minute = 0) => resolveWhen({ time: { hour, minute, meridiemKnown: true } }, noonWednesday);
    expect(at(15)).toEqual({ kind: 'at', date: '2026-06-10', minuteOfDay: 900 });
    expect(at(11, 30)).toEqual({ kind: 'at', date: '2026-06-11', minuteOfDay: 690 });
    expect(at(12)).toEqual({ kind: 'at', date: '2026-06-11', minuteOfDay: 720 });
  });

  it('reads a bare hour 1–7 as afternoon and 8–11 as morning', () => {
    const bare = (hour: number) => resolveWhen({ time: { hour, minute: 0, meridiemKnown: false } }, noonWednesday);
    expect(bare(3)).toMatchObject({ minuteOfDay: 15 * 60 });
    expect(bare(7)).toMatchObject({ minuteOfDay: 19 * 60 });
    expect(bare(9)).toMatchObject({ minuteOfDay: 9 * 60, date: '2026-06-11' });
    expect(resolveWhen({ time: { hour: 3, minute: 0, meridiemKnown: true } }, noonWednesday)).toMatchObject({ minuteOfDay: 180 });
  });

  it('lets a part of day decide am/pm for a bare hour', () => {
    expect(resolveWhen({ time: { hour: 9, minute: 0, meridiemKnown: false }, partOfDay: 'evening' }, noonWednesday)).toMatchObject({
      minuteOfDay: 21 * 60,
    });
    expect(resolveWhen({ time: { hour: 7, minute: 0, meridiemKnown: false }, partOfDay: 'morning' }, noonWednesday)).toMatchObject({
      minuteOfDay: 7 * 60,
    });
  });

  it('turns parts of the day into windows, today while the window is still open', () => {
    expect(resolveWhen({ partOfDay: 'morning' }, noonWednesday)).toEqual({ kind: 'before', date: '2026-06-11', minuteOfDay: 720 });
    expect(resolveWhen({ partOfDay: 'afternoon' }, noonWednesday)).toEqual({ kind: 'after', date: '2026-06-10', minuteOfDay: 720 });
    expect(resolveWhen({ partOfDay: 'evening' }, { date: '2026-06-10', minuteOfDay: 22 * 60 })).toEqual({
      kind: 'after',
      date: '2026-06-10',
      minuteOfDay: 1020,
    });
  });

  it('keeps the qualifier', () => {
    expect(resolveWhen({ time: { hour: 17, minute: 0, meridiemKnown: true }, qualifier: 'after' }, noonWednesday)).toEqual({
      kind: 'after',
      date: '2026-06-10',
      minuteOfDay: 1020,
    });
  });

  it('resolves weekdays: next occurrence, "this" includes today, "next" is next week', () => {
    const wd = (weekday: 0 | 3 | 5, modifier: 'this' | 'next' | null = null) => resolveWhen({ date: { type: 'weekday', weekday, modifier } }, noonWednesday);
    expect(wd(5)).toEqual({ kind: 'day', date: '2026-06-12' });
    expect(wd(0)).toEqual({ kind: 'day', date: '2026-06-14' });
    expect(wd(3)).toEqual({ kind: 'day', date: '2026-06-17' });
    expect(wd(3, 'this')).toEqual({ kind: 'day', date: '2026-06-10' });
    expect(wd(5, 'next')).toEqual({ kind: 'day', date: '2026-06-19' });
    expect(wd(0, 'next')).toEqual({ kind: 'day', date: '2026-06-21' });
  });

  it('keeps today for its own weekday when the time is still ahead', () => {
    const wednesdayAt = (hour: number) =>
      resolveWhen({ date: { type: 'weekday', weekday: 3, modifier: null }, time: { hour, minute: 0, meridiemKnown: true } }, noonWednesday);
    expect(wednesdayAt(18)).toMatchObject({ date: '2026-06-10' });
    expect(wednesdayAt(10)).toMatchObject({ date: '2026-06-17' });
  });

  it('rolls a month and day already past into next year, and 29 February to a leap year', () => {
    expect(resolveWhen({ date: { type: 'monthDay', month: 6, day: 1 } }, noonWednesday)).toEqual({ kind: 'day', date: '2027-06-01' });
    expect(resolveWhen({ date: { type: 'monthDay', month: 6, day: 10 } }, noonWednesday)).toEqual({ kind: 'day', date: '2026-06-10' });
    expect(resolveWhen({ date: { type: 'monthDay', month: 2, day: 29 } }, { date: '2027-03-01', minuteOfDay: 0 })).toEqual({
      kind: 'day',
      date: '2028-02-29',
    });
    expect(resolveWhen({ date: { type: 'monthDay', month: 2, day: 30 } }, noonWednesday)).toEqual({ kind: 'none' });
  });

  it('drops an impossible time but keeps the day', () => {
    expect(resolveWhen({ date: { type: 'daysFromToday', days: 1 }, time: { hour: 25, minute: 0, meridiemKnown: true } }, noonWednesday)).toEqual({
      kind: 'day',
      date: '2026-06-11',
    });
  });

  it('puts a day of the month alone at its next occurrence, skipping months without it', () => {
    const day = (d: number) => resolveWhen({ date: { type: 'dayOfMonth', day: d } }, noonWednesday);
    expect(day(10)).toEqual({ kind: 'day', date: '2026-06-10' });
    expect(day(20)).toEqual({ kind: 'day', date: '2026-06-20' });
    expect(day(3)).toEqual({ kind: 'day', date: '2026-07-03' });
    expect(day(31)).toEqual({ kind: 'day', date: '2026-07-31' });
    expect(resolveWhen({ date: { type: 'dayOfMonth', day: 31 } }, { date: '2026-08-31', minuteOfDay: 1200 })).toEqual({ kind: 'day', date: '2026-08-31' });
    expect(resolveWhen({ date: { type: 'dayOfMonth', day: 5 } }, { date: '2026-12-20', minuteOfDay: 0 })).toEqual({ kind: 'day', date: '2027-01-05' });
  });
});
