import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, zoned } from './dates';
import { addDays as sharedAddDays, isoWeekday as sharedIsoWeekday, utcToZoned } from '@frontdesk/shared';

describe('zoned', () => {
  it('gives the business-local day and minute, not the host zone', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan 01:30 in Moscow (UTC+3).
    expect(zoned('2025-12-31T22:30:00Z', 'Europe/Moscow')).toEqual({ date: '2026-01-01', minute: 90 });
    expect(zoned('2025-12-31T22:30:00Z', 'America/New_York')).toEqual({ date: '2025-12-31', minute: 17 * 60 + 30 });
  });

  it('follows New York across the DST change', () => {
    // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT.
    expect(zoned('2026-03-08T06:59:00Z', 'America/New_York').minute).toBe(60 + 59);
    expect(zoned('2026-03-08T07:00:00Z', 'America/New_York').minute).toBe(3 * 60);
  });
});

describe('addDays / isoWeekday', () => {
  it('crosses months, years and DST weekends by whole days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
  });
  it('numbers Monday 1 and Sunday 7', () => {
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });
});

describe('agrees with @frontdesk/shared (the zoned module of the service and the console)', () => {
  const zones = ['Europe/Moscow', 'Asia/Yerevan', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
  it('reads the same local day and minute for instants across two years, every zone', { timeout: 60_000 }, () => {
    // Every 11 h 7 min from Jan 2025 to Jan 2027: every hour of the day, both DST changes of each year.
    const step = (11 * 60 + 7) * 60_000;
    const disagreements: string[] = [];
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += step) {
      for (const zone of zones) {
        const shared = utcToZoned(t, zone);
        const widget = zoned(new Date(t).toISOString(), zone);
        if (widget.date !== shared.date || widget.minute !== shared.minuteOfDay) disagreements.push(`${new Date(t).toISOString()} ${zone}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('adds days and names weekdays the same way', () => {
    for (let day = 0; day < 800; day += 3) {
      const date = sharedAddDays('2025-01-01', day);
      for (const n of [-400, -1, 0, 1, 31, 365]) expect(addDays(date, n)).toBe(sharedAddDays(date, n));
      expect(isoWeekday(date)).toBe(sharedIsoWeekday(date));
    }
  });
});
