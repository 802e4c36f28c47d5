import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  epochDay,
  fromEpochDay,
  isoWeekday,
  mondayOf,
  parseHHMM,
  tzOffsetMinutes,
  utcToZoned,
  zonedToUtc,
} from './zoned.js';

const utc = (iso: string): number => Date.parse(iso);

/**
 * Independent reading of the local clock: a different Intl entry point (format of a sv-SE
 * formatter, whose output is 'YYYY-MM-DD HH:MM:SS') than the code under test, and no memo.
 */
const referenceFormatters = new Map<string, Intl.DateTimeFormat>();
function referenceLocal(epochMs: number, timeZone: string): { date: string; minuteOfDay: number } {
  let formatter = referenceFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', dateStyle: 'short', timeStyle: 'medium' });
    referenceFormatters.set(timeZone, formatter);
  }
  const [date = '', time = ''] = formatter.format(epochMs).split(' ');
  const [hh = '0', mm = '0'] = time.split(':');
  return { date, minuteOfDay: Number(hh) * 60 + Number(mm) };
}

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Europe/Moscow',
  'Asia/Yerevan',
  'UTC',
] as const;

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    expect(addDays('2024-06-15', 0)).toBe('2024-06-15');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('gives ISO weekdays with Monday = 1', () => {
    expect(isoWeekday('2024-01-01')).toBe(1); // a Monday
    expect(isoWeekday('2024-03-10')).toBe(7); // a Sunday
    expect(isoWeekday('1970-01-01')).toBe(4); // a Thursday
    expect(isoWeekday('1969-12-31')).toBe(3);
    expect(isoWeekday('2025-10-04')).toBe(6);
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-01', '2024-01-01T00:00', '', '20240101']) {
      expect(() => epochDay(bad), bad).toThrow(RangeError);
    }
  });

  it('round-trips epoch days and agrees with Date for any date in 1600–2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (days) => {
        const date = fromEpochDay(days);
        expect(epochDay(date)).toBe(days);
        expect(date).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
        expect(isoWeekday(date)).toBe(new Date(days * 86_400_000).getUTCDay() || 7);
      }),
    );
  });
});

describe('parseHHMM', () => {
  it('parses clock readings to minutes, including 24:00', () => {
    expect(parseHHMM('00:00')).toBe(0);
    expect(parseHHMM('09:30')).toBe(570);
    expect(parseHHMM('23:59')).toBe(1439);
    expect(parseHHMM('24:00')).toBe(1440);
  });

  it('rejects anything else', () => {
    for (const bad of ['24:01', '25:00', '09:60', '9:30', '09:3', '0930', '', ' 09:30', '-1:00']) {
      expect(() => parseHHMM(bad), bad).toThrow(RangeError);
    }
  });
});

describe('tzOffsetMinutes', () => {
  it.each([
    ['America/New_York', '2024-01-15T12:00Z', -300],
    ['America/New_York', '2024-07-15T12:00Z', -240],
    ['Europe/Berlin', '2024-01-15T12:00Z', 60],
    ['Europe/Berlin', '2024-07-15T12:00Z', 120],
    ['Australia/Lord_Howe', '2024-07-15T12:00Z', 630],
    ['Australia/Lord_Howe', '2024-01-15T12:00Z', 660],
    ['Asia/Kathmandu', '2024-07-15T12:00Z', 345],
    ['Asia/Kathmandu', '1985-06-15T12:00Z', 330],
    ['Europe/Moscow', '2024-07-15T12:00Z', 180],
    ['Europe/Moscow', '2013-01-15T12:00Z', 240], // "permanent summer time" 2011–2014
    ['Asia/Yerevan', '2024-07-15T12:00Z', 240],
    ['Asia/Yerevan', '2010-07-15T12:00Z', 300], // Armenia kept DST until 2011
    ['UTC', '2024-07-15T12:00Z', 0],
  ])('%s at %s is %i', (zone, iso, expected) => {
    expect(tzOffsetMinutes(utc(iso), zone)).toBe(expected);
  });

  it('switches exactly at the transition instant, not at the start of its 15-minute bucket', () => {
    // New York springs forward at 07:00Z on 2024-03-10.
    expect(tzOffsetMinutes(utc('2024-03-10T06:59:59.999Z'), 'America/New_York')).toBe(-300);
    expect(tzOffsetMinutes(utc('2024-03-10T07:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('is exact inside a bucket that contains a transition (St John\'s switched at 00:01 local until 2011)', () => {
    // 2010-03-14 00:01 NST (-03:30) = 03:31Z became 01:01 NDT (-02:30).
    expect(tzOffsetMinutes(utc('2010-03-14T03:30:59Z'), 'America/St_Johns')).toBe(-210);
    expect(tzOffsetMinutes(utc('2010-03-14T03:31:00Z'), 'America/St_Johns')).toBe(-150);
    expect(tzOffsetMinutes(utc('2010-03-14T03:44:00Z'), 'America/St_Johns')).toBe(-150);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => tzOffsetMinutes(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('zonedToUtc', () => {
  it.each([
    // Ordinary readings.
    ['America/New_York', '2024-06-03', '09:00', '2024-06-03T13:00Z'],
    ['Asia/Kathmandu', '2024-06-03', '09:00', '2024-06-03T03:15Z'],
    ['Europe/Moscow', '2024-06-03', '09:00', '2024-06-03T06:00Z'],
    ['Australia/Lord_Howe', '2024-06-03', '09:00', '2024-06-02T22:30Z'],
    ['Europe/Berlin', '2024-06-03', '24:00', '2024-06-03T22:00Z'],
    // Spring forward: readings in the gap move forward by the gap length.
    ['America/New_York', '2024-03-10', '02:00', '2024-03-10T07:00Z'],
    ['America/New_York', '2024-03-10', '02:30', '2024-03-10T07:30Z'],
    ['America/New_York', '2024-03-10', '03:00', '2024-03-10T07:00Z'],
    ['America/New_York', '2024-03-10', '01:59', '2024-03-10T06:59Z'],
    ['Europe/Berlin', '2024-03-31', '02:30', '2024-03-31T01:30Z'],
    ['Australia/Lord_Howe', '2024-10-06', '02:15', '2024-10-05T15:45Z'], // 30-minute gap
    ['Asia/Kathmandu', '1986-01-01', '00:05', '1985-12-31T18:35Z'], // +05:30 → +05:45 at midnight
    ['Europe/Moscow', '2011-03-27', '02:30', '2011-03-26T23:30Z'],
    ['Asia/Yerevan', '2011-03-27', '02:30', '2011-03-26T22:30Z'],
    // Fall back: repeated readings take the earlier instant.
    ['America/New_York', '2024-11-03', '01:30', '2024-11-03T05:30Z'],
    ['America/New_York', '2024-11-03', '02:00', '2024-11-03T07:00Z'],
    ['Europe/Berlin', '2024-10-27', '02:30', '2024-10-27T00:30Z'],
    ['Australia/Lord_Howe', '2024-04-07', '01:45', '2024-04-06T14:45Z'], // 30-minute repeat
    ['Europe/Moscow', '2014-10-26', '01:30', '2014-10-25T21:30Z'],
    ['Asia/Yerevan', '2011-10-30', '02:30', '2011-10-29T21:30Z'],
  ])('%s %s %s → %s', (zone, date, hhmm, iso) => {
    expect(zonedToUtc(date, parseHHMM(hhmm), zone)).toBe(utc(iso));
  });

  it('resolves every reading like Temporal \'compatible\' (property, all test zones)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: epochDay('1984-01-01'), max: epochDay('2030-12-31') }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, minuteOfDay) => {
          const date = fromEpochDay(day);
          const instant = zonedToUtc(date, minuteOfDay, zone);
          const back = referenceLocal(instant, zone);
          if (back.date === date && back.minuteOfDay === minuteOfDay) {
            // Exists. If it also exists later (a repeat), the result must be the earlier one:
            // no instant a plausible repeat length earlier may show the same reading.
            for (const repeat of [15, 30, 60, 120]) {
              expect(referenceLocal(instant - repeat * 60_000, zone)).not.toEqual({ date, minuteOfDay });
            }
          } else {
            // Did not exist: the result is the reading moved forward by the gap, so the clock
            // shows something later on the same day, by no more than the largest gap (2 h).
            const shift = back.date === date ? back.minuteOfDay - minuteOfDay : Number.NaN;
            expect(shift > 0 && shift <= 120, `${zone} ${date} ${minuteOfDay} → ${JSON.stringify(back)}`).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('moves readings in gaps forward by exactly the gap, across every transition of 2024 in the test zones', () => {
    for (const zone of ZONES) {
      for (let day = epochDay('2024-01-01'); day <= epochDay('2024-12-31'); day++) {
        const date = fromEpochDay(day);
        const start = zonedToUtc(date, 0, zone);
        const end = zonedToUtc(addDays(date, 1), 0, zone);
        if (end - start === 86_400_000) continue;
        // A transition day: check every minute of it against the reference.
        for (let minute = 0; minute < 1440; minute++) {
          const instant = zonedToUtc(date, minute, zone);
          const local = referenceLocal(instant, zone);
          const shift = tzOffsetMinutes(instant, zone) - tzOffsetMinutes(instant - 86_400_000, zone);
          const expected = local.date === date && local.minuteOfDay === minute ? minute : minute + shift;
          expect(local.minuteOfDay, `${zone} ${date} minute ${minute}`).toBe(expected);
        }
      }
    }
  });
});

describe('utcToZoned', () => {
  it.each([
    ['America/New_York', '2024-11-03T05:30Z', '2024-11-03', '01:30', 7], // first 01:30 (EDT)
    ['America/New_York', '2024-11-03T06:30Z', '2024-11-03', '01:30', 7], // second 01:30 (EST)
    ['Asia/Kathmandu', '2024-06-02T18:15Z', '2024-06-03', '00:00', 1],
    ['Australia/Lord_Howe', '2024-04-06T15:15Z', '2024-04-07', '01:45', 7],
    ['Europe/Moscow', '2024-06-02T20:59:59.999Z', '2024-06-02', '23:59', 7],
    ['Asia/Yerevan', '2024-06-02T20:00Z', '2024-06-03', '00:00', 1],
  ])('%s %s → %s %s', (zone, iso, date, hhmm, weekday) => {
    expect(utcToZoned(utc(iso), zone)).toEqual({ date, minuteOfDay: parseHHMM(hhmm), weekday });
  });

  it('agrees with an independent Intl reading for any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: utc('1984-01-01T00:00Z'), max: utc('2030-12-31T00:00Z') }),
        (zone, instant) => {
          const { date, minuteOfDay, weekday } = utcToZoned(instant, zone);
          expect({ date, minuteOfDay }).toEqual(referenceLocal(instant, zone));
          expect(weekday).toBe(isoWeekday(date));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips through zonedToUtc except for the second pass through a repeated hour', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: utc('1984-01-01T00:00Z') / 60_000, max: utc('2030-12-31T00:00Z') / 60_000 }),
        (zone, minute) => {
          const instant = minute * 60_000;
          const { date, minuteOfDay } = utcToZoned(instant, zone);
          const back = zonedToUtc(date, minuteOfDay, zone);
          if (back !== instant) {
            // The earlier of two instants with the same reading.
            expect(back).toBeLessThan(instant);
            expect(utcToZoned(back, zone)).toEqual(utcToZoned(instant, zone));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('mondayOf', () => {
  it('finds the Monday of the ISO week, across a month and a year end', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('is always a Monday at most six days before the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (days) => {
        const date = fromEpochDay(days);
        const monday = mondayOf(date);
        const back = epochDay(date) - epochDay(monday);
        return isoWeekday(monday) === 1 && back >= 0 && back <= 6;
      }),
    );
  });
});

describe('what the widget and the console read from an instant', () => {
  it('gives the business-local day and minute, not the host zone', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan 01:30 in Moscow (UTC+3).
    expect(utcToZoned(utc('2025-12-31T22:30:00Z'), 'Europe/Moscow')).toMatchObject({ date: '2026-01-01', minuteOfDay: 90 });
    expect(utcToZoned(utc('2025-12-31T22:30:00Z'), 'America/New_York')).toMatchObject({ date: '2025-12-31', minuteOfDay: 17 * 60 + 30 });
    expect(utcToZoned(utc('2026-01-15T22:00:00Z'), 'Europe/Moscow').date).toBe('2026-01-16');
  });

  it('follows New York across the DST change (8 March 2026, 02:00 EST → 03:00 EDT)', () => {
    expect(utcToZoned(utc('2026-03-08T06:59:00Z'), 'America/New_York').minuteOfDay).toBe(60 + 59);
    expect(utcToZoned(utc('2026-03-08T07:00:00Z'), 'America/New_York').minuteOfDay).toBe(3 * 60);
  });

  it("finds local midnight (the console's day and week bounds) behind and ahead of UTC", () => {
    expect(new Date(zonedToUtc('2026-01-15', 0, 'America/New_York')).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(new Date(zonedToUtc('2026-07-15', 0, 'America/New_York')).toISOString()).toBe('2026-07-15T04:00:00.000Z');
    expect(new Date(zonedToUtc('2026-03-02', 9 * 60 + 30, 'Asia/Yerevan')).toISOString()).toBe('2026-03-02T05:30:00.000Z');
  });
});
