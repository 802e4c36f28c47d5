import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc } from '@frontdesk/shared';
import { findSlots, type FindSlotsInput } from './find-slots.js';
import type { BusyInterval, DateException, Slot, SlotRules, StaffAvailabilityInput, TimeRange, WeeklyHours } from './types.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

function everyDay(...ranges: TimeRange[]): WeeklyHours {
  return { 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges, 6: ranges, 7: ranges };
}

function member(overrides: Partial<StaffAvailabilityInput> = {}): StaffAvailabilityInput {
  return {
    staffId: 'ana',
    timeZone: 'Europe/Berlin',
    weekly: everyDay({ start: '09:00', end: '12:00' }),
    exceptions: [],
    busy: [],
    ...overrides,
  };
}

function rules(overrides: Partial<SlotRules> = {}): SlotRules {
  return { durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, stepMin: 30, minNoticeMin: 0, horizonDays: 60, ...overrides };
}

/** findSlots with defaults: one Berlin member, one day, now a day before the window. */
function slotsFor(options: {
  staff?: StaffAvailabilityInput[];
  rules?: Partial<SlotRules>;
  from: string;
  days?: number;
  timeZone?: string;
  now?: number;
  firstFreeOnly?: boolean;
}): Slot[] {
  const timeZone = options.timeZone ?? options.staff?.[0]?.timeZone ?? 'Europe/Berlin';
  const input: FindSlotsInput = {
    staff: options.staff ?? [member({ timeZone })],
    rules: rules(options.rules),
    window: { from: options.from, days: options.days ?? 1, timeZone },
    now: options.now ?? zonedToUtc(options.from, 0, timeZone) - 24 * HOUR,
    firstFreeOnly: options.firstFreeOnly,
  };
  return findSlots(input);
}

/** Local 'HH:MM' of each slot start, for readable expectations. */
function hhmm(slots: readonly Slot[], timeZone: string): string[] {
  return slots.map(({ start }) => {
    const { minuteOfDay } = utcToZoned(start, timeZone);
    return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
  });
}

/** Local 'YYYY-MM-DD HH:MM' of a slot start. */
function localStart(slot: Slot | undefined, timeZone: string): string {
  if (slot === undefined) return 'none';
  const { date } = utcToZoned(slot.start, timeZone);
  return `${date} ${hhmm([slot], timeZone)[0]}`;
}

const at = (date: string, time: string, timeZone = 'Europe/Berlin'): number => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return zonedToUtc(date, h * 60 + m, timeZone);
};
const busy = (date: string, from: string, to: string, timeZone = 'Europe/Berlin'): BusyInterval => ({
  start: at(date, from, timeZone),
  end: at(date, to, timeZone),
});

// 2024-06-03 is a Monday.
const MONDAY = '2024-06-03';

describe('findSlots: working hours', () => {
  it('steps through a working range and ends the last slot at its end', () => {
    const slots = slotsFor({ from: MONDAY });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    for (const slot of slots) {
      expect(slot.end - slot.start).toBe(30 * MIN);
      expect(slot.staffIds).toEqual(['ana']);
    }
  });

  it('merges adjacent ranges of a day, so a slot may straddle the seam', () => {
    const weekly = everyDay({ start: '13:00', end: '18:00' }, { start: '09:00', end: '13:00' });
    const slots = slotsFor({ from: MONDAY, staff: [member({ weekly })], rules: { durationMin: 90, stepMin: 60 } });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('merges overlapping ranges of a day', () => {
    const weekly = everyDay({ start: '09:00', end: '11:00' }, { start: '10:00', end: '12:00' });
    expect(hhmm(slotsFor({ from: MONDAY, staff: [member({ weekly })], rules: { durationMin: 60, stepMin: 60 } }), 'Europe/Berlin'))
      .toEqual(['09:00', '10:00', '11:00']);
  });

  it('steps each separate range from its own start', () => {
    const weekly = everyDay({ start: '09:00', end: '10:00' }, { start: '12:20', end: '14:00' });
    expect(hhmm(slotsFor({ from: MONDAY, staff: [member({ weekly })] }), 'Europe/Berlin'))
      .toEqual(['09:00', '09:30', '12:20', '12:50', '13:20']);
  });

  it('offers nothing on a weekday without hours, and works to 24:00', () => {
    const weekly: WeeklyHours = { 1: [{ start: '23:00', end: '24:00' }], 2: [] };
    const slots = slotsFor({ from: MONDAY, days: 3, staff: [member({ weekly })] });
    expect(slots.map((slot) => localStart(slot, 'Europe/Berlin'))).toEqual(['2024-06-03 23:00', '2024-06-03 23:30']);
  });

  it('does not join the end of one day to the start of the next', () => {
    const weekly = everyDay({ start: '00:00', end: '00:30' }, { start: '23:30', end: '24:00' });
    const slots = slotsFor({ from: MONDAY, days: 2, staff: [member({ weekly })], rules: { durationMin: 60 } });
    expect(slots).toEqual([]);
  });
});

describe('findSlots: date exceptions', () => {
  const weekly = everyDay({ start: '09:00', end: '17:00' });
  const run = (exceptions: DateException[]): string[] =>
    hhmm(slotsFor({ from: MONDAY, staff: [member({ weekly, exceptions })], rules: { durationMin: 60, stepMin: 60 } }), 'Europe/Berlin');

  it("takes the whole day off for 'off' without intervals or with none", () => {
    expect(run([{ date: MONDAY, kind: 'off' }])).toEqual([]);
    expect(run([{ date: MONDAY, kind: 'off', intervals: [] }])).toEqual([]);
  });

  it("removes the given local intervals for 'off' with intervals", () => {
    expect(run([{ date: MONDAY, kind: 'off', intervals: [{ start: '12:00', end: '13:30' }, { start: '09:00', end: '10:00' }] }]))
      // After the lunch hole the range restarts at 13:30, and steps count from there.
      .toEqual(['10:00', '11:00', '13:30', '14:30', '15:30']);
  });

  it("adds intervals for 'extra', merged with the weekly hours", () => {
    expect(run([{ date: MONDAY, kind: 'extra', intervals: [{ start: '17:00', end: '19:00' }, { start: '06:00', end: '07:00' }] }]))
      .toEqual(['06:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00']);
  });

  it("opens a day without weekly hours with 'extra'", () => {
    const slots = slotsFor({
      from: MONDAY,
      staff: [member({ weekly: {}, exceptions: [{ date: MONDAY, kind: 'extra', intervals: [{ start: '10:00', end: '11:00' }] }] })],
    });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['10:00', '10:30']);
  });

  it("applies removals to the weekly hours and additions after, whatever the order ('off' day + 'extra' = only the extra)", () => {
    const off: DateException = { date: MONDAY, kind: 'off' };
    const extra: DateException = { date: MONDAY, kind: 'extra', intervals: [{ start: '10:00', end: '12:00' }] };
    expect(run([off, extra])).toEqual(['10:00', '11:00']);
    expect(run([extra, off])).toEqual(['10:00', '11:00']);
  });

  it('applies an exception only to its date', () => {
    const slots = slotsFor({
      from: MONDAY,
      days: 2,
      staff: [member({ weekly, exceptions: [{ date: MONDAY, kind: 'off' }] })],
      rules: { durationMin: 60, stepMin: 60 },
    });
    expect(slots).toHaveLength(8);
    expect(localStart(slots[0], 'Europe/Berlin')).toBe('2024-06-04 09:00');
  });
});

describe('findSlots: busy time and buffers', () => {
  const rules15 = { durationMin: 30, stepMin: 15 };

  it('treats busy intervals as half-open: touching a slot does not block it', () => {
    const slots = slotsFor({
      from: MONDAY,
      staff: [member({ busy: [busy(MONDAY, '10:00', '10:30')] })],
      rules: rules15,
    });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual([
      '09:00', '09:15', '09:30', '10:30', '10:45', '11:00', '11:15', '11:30',
    ]);
  });

  it('keeps the buffer before a slot free of busy time', () => {
    const slots = slotsFor({
      from: MONDAY,
      staff: [member({ busy: [busy(MONDAY, '10:00', '10:30')] })],
      rules: { ...rules15, bufferBeforeMin: 15 },
    });
    // 10:30 would need 10:15–10:30 free; 09:00 may use 08:45 although that is outside working hours.
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['09:00', '09:15', '09:30', '10:45', '11:00', '11:15', '11:30']);
  });

  it('keeps the buffer after a slot free of busy time', () => {
    const slots = slotsFor({
      from: MONDAY,
      staff: [member({ busy: [busy(MONDAY, '10:00', '10:30')] })],
      rules: { ...rules15, bufferAfterMin: 15 },
    });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['09:00', '09:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
  });

  it('accepts busy intervals unsorted, overlapping, empty and outside the window, without changing them', () => {
    const given: BusyInterval[] = [
      busy(MONDAY, '11:00', '11:30'),
      busy(MONDAY, '09:10', '09:20'),
      busy(MONDAY, '09:15', '09:45'),
      { start: at(MONDAY, '10:00'), end: at(MONDAY, '10:00') },
      busy('2024-05-01', '09:00', '18:00'),
      busy(MONDAY, '09:40', '10:00'),
    ];
    const copy = structuredClone(given);
    const slots = slotsFor({ from: MONDAY, staff: [member({ busy: given })], rules: rules15 });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['10:00', '10:15', '10:30', '11:30']);
    expect(given).toEqual(copy);
  });

  it('offers nothing when busy covers the day, and skips a long busy block in one jump', () => {
    const allDay = slotsFor({ from: MONDAY, staff: [member({ busy: [busy(MONDAY, '08:00', '13:00')] })] });
    expect(allDay).toEqual([]);
    const partial = slotsFor({ from: MONDAY, staff: [member({ busy: [busy(MONDAY, '08:00', '10:59')] })], rules: rules15 });
    expect(hhmm(partial, 'Europe/Berlin')).toEqual(['11:00', '11:15', '11:30']);
  });
});

describe('findSlots: notice, horizon and window', () => {
  it('starts no earlier than now + minimum notice', () => {
    const now = at(MONDAY, '09:10');
    const slots = slotsFor({ from: MONDAY, now, rules: { minNoticeMin: 60 } });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual(['10:30', '11:00', '11:30']);
    const exact = slotsFor({ from: MONDAY, now: at(MONDAY, '09:30'), rules: { minNoticeMin: 60 } });
    expect(hhmm(exact, 'Europe/Berlin')).toEqual(['10:30', '11:00', '11:30']);
  });

  it('starts no later than now + horizon, inclusive', () => {
    const now = at('2024-06-02', '10:00');
    const slots = slotsFor({ from: MONDAY, days: 3, now, rules: { horizonDays: 1 } });
    expect(slots.map((slot) => localStart(slot, 'Europe/Berlin'))).toEqual(['2024-06-03 09:00', '2024-06-03 09:30', '2024-06-03 10:00']);
    expect(slotsFor({ from: MONDAY, now: at(MONDAY, '08:00'), rules: { horizonDays: 0 } })).toEqual([]);
  });

  it('only starts slots inside the window, but lets the last one end after it', () => {
    const weekly = everyDay({ start: '00:00', end: '24:00' });
    const slots = slotsFor({ from: MONDAY, staff: [member({ weekly })], rules: { durationMin: 45, stepMin: 60 } });
    expect(slots).toHaveLength(24);
    expect(localStart(slots[0], 'Europe/Berlin')).toBe('2024-06-03 00:00');
    expect(localStart(slots.at(-1), 'Europe/Berlin')).toBe('2024-06-03 23:00');
    expect(slotsFor({ from: MONDAY, days: 0, staff: [member({ weekly })] })).toEqual([]);
  });

  it('returns nothing when notice reaches past the window', () => {
    expect(slotsFor({ from: MONDAY, now: at(MONDAY, '08:00'), rules: { minNoticeMin: 24 * 60 } })).toEqual([]);
  });
});

describe('findSlots: staff in another zone than the window', () => {
  it("reads hours in the staff member's zone and clips to the window's calendar days", () => {
    // New York 09:00–24:00 is Berlin 15:00–06:00 next day (both on summer time in June).
    const staff = [member({ timeZone: 'America/New_York', weekly: everyDay({ start: '09:00', end: '24:00' }) })];
    const slots = slotsFor({ from: '2024-06-04', staff, timeZone: 'Europe/Berlin', rules: { durationMin: 60, stepMin: 60 } });
    expect(hhmm(slots, 'Europe/Berlin')).toEqual([
      // From New York's Monday, the neighbouring date.
      '00:00', '01:00', '02:00', '03:00', '04:00', '05:00',
      // From New York's Tuesday, up to Berlin midnight.
      '15:00', '16:00', '17:00', '18:00', '19:00', '20:00', '21:00', '22:00', '23:00',
    ]);
  });

  it('works the other way round (staff ahead of the window) with a half-hour zone', () => {
    // Lord Howe 09:00–11:00 in June (+10:30) is 18:30–20:30 the previous day in New York (-04:00).
    const staff = [member({ timeZone: 'Australia/Lord_Howe', weekly: everyDay({ start: '09:00', end: '11:00' }) })];
    const slots = slotsFor({ from: '2024-06-04', staff, timeZone: 'America/New_York' });
    expect(hhmm(slots, 'America/New_York')).toEqual(['18:30', '19:00', '19:30', '20:00']);
    expect(utcToZoned(slots[0]!.start, 'Australia/Lord_Howe')).toMatchObject({ date: '2024-06-05', minuteOfDay: 540 });
  });
});

describe('findSlots: anyone of several staff', () => {
  it('lists every free member per start, in input order', () => {
    const staff = [
      member({ staffId: 'zoe', busy: [busy(MONDAY, '09:00', '10:00')] }),
      member({ staffId: 'adam', busy: [busy(MONDAY, '10:00', '11:00')] }),
      member({ staffId: 'mia', weekly: everyDay({ start: '09:00', end: '10:00' }) }),
    ];
    const slots = slotsFor({ from: MONDAY, staff, rules: { durationMin: 60, stepMin: 60 } });
    expect(slots.map((slot) => [hhmm([slot], 'Europe/Berlin')[0], slot.staffIds])).toEqual([
      ['09:00', ['adam', 'mia']],
      ['10:00', ['zoe']],
      ['11:00', ['zoe', 'adam']],
    ]);
  });

  it('names only the first free member per start when asked (firstFreeOnly), with the same starts', () => {
    const staff = [
      member({ staffId: 'zoe', busy: [busy(MONDAY, '09:00', '10:00')] }),
      member({ staffId: 'adam', busy: [busy(MONDAY, '10:00', '11:00')] }),
      member({ staffId: 'mia', weekly: everyDay({ start: '09:00', end: '10:00' }) }),
    ];
    const slots = slotsFor({ from: MONDAY, staff, rules: { durationMin: 60, stepMin: 60 }, firstFreeOnly: true });
    expect(slots.map((slot) => [hhmm([slot], 'Europe/Berlin')[0], slot.staffIds])).toEqual([
      ['09:00', ['adam']],
      ['10:00', ['zoe']],
      ['11:00', ['zoe']],
    ]);
  });

  it('leaves out starts where nobody is free', () => {
    const staff = [
      member({ staffId: 'a', busy: [busy(MONDAY, '09:00', '10:00')] }),
      member({ staffId: 'b', busy: [busy(MONDAY, '09:00', '11:00')] }),
    ];
    expect(hhmm(slotsFor({ from: MONDAY, staff, rules: { durationMin: 60, stepMin: 60 } }), 'Europe/Berlin')).toEqual(['10:00', '11:00']);
  });

  it("interleaves different members' grids (Kathmandu +05:45 against Berlin)", () => {
    const staff = [
      member({ staffId: 'berlin', weekly: everyDay({ start: '09:00', end: '10:00' }) }),
      // Kathmandu 12:30–13:30 in June is Berlin 08:45–09:45.
      member({ staffId: 'kathmandu', timeZone: 'Asia/Kathmandu', weekly: everyDay({ start: '12:30', end: '13:30' }) }),
    ];
    const slots = slotsFor({ from: MONDAY, staff, timeZone: 'Europe/Berlin' });
    expect(slots.map((slot) => [hhmm([slot], 'Europe/Berlin')[0], slot.staffIds])).toEqual([
      ['08:45', ['kathmandu']],
      ['09:00', ['berlin']],
      ['09:15', ['kathmandu']],
      ['09:30', ['berlin']],
    ]);
  });

  it('returns nothing for no staff', () => {
    expect(slotsFor({ from: MONDAY, staff: [] })).toEqual([]);
  });
});

/**
 * Transition days of every test zone. gapMin: minutes skipped on the spring day; repeatMin:
 * minutes repeated on the autumn day; both happen between 00:00 and 06:00 local.
 */
const TRANSITIONS = [
  { zone: 'America/New_York', spring: '2024-03-10', fall: '2024-11-03', gapMin: 60, repeatMin: 60 },
  { zone: 'Europe/Berlin', spring: '2024-03-31', fall: '2024-10-27', gapMin: 60, repeatMin: 60 },
  { zone: 'Australia/Lord_Howe', spring: '2024-10-06', fall: '2024-04-07', gapMin: 30, repeatMin: 30 },
  { zone: 'Europe/Moscow', spring: '2011-03-27', fall: '2014-10-26', gapMin: 60, repeatMin: 60 },
  { zone: 'Asia/Yerevan', spring: '2011-03-27', fall: '2011-10-30', gapMin: 60, repeatMin: 60 },
  // Kathmandu has never gone back; its one move forward was +05:30 → +05:45 at midnight.
  { zone: 'Asia/Kathmandu', spring: '1986-01-01', fall: undefined, gapMin: 15, repeatMin: 0 },
] as const;

describe('findSlots: DST transition days', () => {
  const night = everyDay({ start: '00:00', end: '06:00' });
  const office = everyDay({ start: '09:00', end: '18:00' });

  /** Checks a day's slots are a gapless 15-minute grid of real time, all inside local 00:00–06:00. */
  function expectNightGrid(slots: Slot[], zone: string, date: string, realMinutes: number): void {
    // A 30-minute service every 15 real minutes fits (realMinutes − 30) / 15 + 1 times.
    expect(slots).toHaveLength(Math.floor((realMinutes - 30) / 15) + 1);
    expect(slots[0]?.start).toBe(zonedToUtc(date, 0, zone));
    slots.forEach((slot, index) => {
      expect(slot.start).toBe(slots[0]!.start + index * 15 * MIN);
      const local = utcToZoned(slot.start, zone);
      expect(local.date).toBe(date);
      expect(local.minuteOfDay).toBeLessThan(360);
    });
  }

  for (const { zone, spring, fall, gapMin, repeatMin } of TRANSITIONS) {
    describe(zone, () => {
      const rules15 = { durationMin: 30, stepMin: 15 };

      it(`spring day ${spring}: 00:00–06:00 lasts ${360 - gapMin} real minutes and skips the missing local times`, () => {
        const slots = slotsFor({ from: spring, staff: [member({ timeZone: zone, weekly: night })], rules: rules15 });
        expectNightGrid(slots, zone, spring, 360 - gapMin);
        // Every offered local time exists: reading it back gives the same instant.
        for (const slot of slots) {
          const local = utcToZoned(slot.start, zone);
          expect(zonedToUtc(local.date, local.minuteOfDay, zone)).toBe(slot.start);
        }
      });

      it(`spring day ${spring}: ordinary 09:00–18:00 hours are unaffected`, () => {
        const slots = slotsFor({ from: spring, staff: [member({ timeZone: zone, weekly: office })], rules: rules15 });
        expect(slots).toHaveLength(35);
        expect(hhmm(slots, zone)[0]).toBe('09:00');
        expect(hhmm(slots, zone).at(-1)).toBe('17:30');
      });

      if (fall !== undefined) {
        it(`autumn day ${fall}: 00:00–06:00 lasts ${360 + repeatMin} real minutes and offers each instant once`, () => {
          const slots = slotsFor({ from: fall, staff: [member({ timeZone: zone, weekly: night })], rules: rules15 });
          expectNightGrid(slots, zone, fall, 360 + repeatMin);
          // The repeated local times appear twice, as two different instants.
          const readings = hhmm(slots, zone);
          expect(readings.length - new Set(readings).size).toBe(repeatMin / 15);
        });

        it(`autumn day ${fall}: ordinary 09:00–18:00 hours are unaffected`, () => {
          const slots = slotsFor({ from: fall, staff: [member({ timeZone: zone, weekly: office })], rules: rules15 });
          expect(slots).toHaveLength(35);
          expect(hhmm(slots, zone)[0]).toBe('09:00');
          expect(hhmm(slots, zone).at(-1)).toBe('17:30');
        });
      }

      it('has a window of the right real length on transition days in the window zone', () => {
        const allDay = everyDay({ start: '00:00', end: '24:00' });
        for (const [date, shift] of [[spring, -gapMin], [fall, repeatMin]] as const) {
          if (date === undefined) continue;
          const slots = slotsFor({ from: date, staff: [member({ timeZone: zone, weekly: allDay })], rules: { durationMin: 15, stepMin: 15 } });
          expect(slots).toHaveLength((24 * 60 + shift) / 15);
        }
      });
    });
  }

  it('New York spring day, spelled out: 00:00–06:00 with 60-minute slots every 30 minutes', () => {
    const slots = slotsFor({
      from: '2024-03-10',
      staff: [member({ timeZone: 'America/New_York', weekly: night })],
      rules: { durationMin: 60, stepMin: 30 },
    });
    expect(hhmm(slots, 'America/New_York')).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00']);
  });

  it('New York autumn day, spelled out: the repeated hour is offered in EDT and again in EST', () => {
    const slots = slotsFor({
      from: '2024-11-03',
      staff: [member({ timeZone: 'America/New_York', weekly: night })],
      rules: { durationMin: 60, stepMin: 30 },
    });
    expect(slots.map((slot) => new Date(slot.start).toISOString().slice(11, 16))).toEqual([
      '04:00', '04:30', '05:00', '05:30', // 00:00–01:30 EDT
      '06:00', '06:30', // 01:00, 01:30 EST
      '07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00', // 02:00–05:00 EST
    ]);
  });

  it("a range ending inside the gap ends a gap later (Temporal 'compatible')", () => {
    // 02:30 does not exist in New York on 2024-03-10; it is read as 03:30 EDT.
    const weekly = everyDay({ start: '01:00', end: '02:30' });
    const slots = slotsFor({ from: '2024-03-10', staff: [member({ timeZone: 'America/New_York', weekly })], rules: { durationMin: 30, stepMin: 30 } });
    expect(hhmm(slots, 'America/New_York')).toEqual(['01:00', '01:30', '03:00']);
  });

  it('ranges that overlap only after conversion (ends in the gap) give each start once, in order', () => {
    // 02:00–02:45 becomes 03:00–03:45 EDT, inside the 03:00–05:00 range.
    const weekly = everyDay({ start: '02:00', end: '02:45' }, { start: '03:00', end: '05:00' });
    const slots = slotsFor({ from: '2024-03-10', staff: [member({ timeZone: 'America/New_York', weekly })], rules: { durationMin: 30, stepMin: 15 } });
    expect(hhmm(slots, 'America/New_York')).toEqual(['03:00', '03:15', '03:30', '03:45', '04:00', '04:15', '04:30']);
  });

  it('a range starting in the repeated hour starts at its first occurrence and runs through the repeat', () => {
    // 01:30 EDT (05:30Z) to 03:00 EST (08:00Z): two and a half real hours.
    const weekly = everyDay({ start: '01:30', end: '03:00' });
    const slots = slotsFor({ from: '2024-11-03', staff: [member({ timeZone: 'America/New_York', weekly })], rules: { durationMin: 30, stepMin: 30 } });
    expect(slots.map((slot) => new Date(slot.start).toISOString().slice(11, 16))).toEqual(['05:30', '06:00', '06:30', '07:00', '07:30']);
  });

  it('a window whose zone changes offset: Berlin autumn day seen by a New York member', () => {
    // Berlin 2024-10-27 lasts 25 hours; New York is still on EDT (it changes a week later).
    const staff = [member({ timeZone: 'America/New_York', weekly: everyDay({ start: '00:00', end: '24:00' }) })];
    const slots = slotsFor({ from: '2024-10-27', staff, timeZone: 'Europe/Berlin', rules: { durationMin: 60, stepMin: 60 } });
    expect(slots).toHaveLength(25);
    expect(slots[0]!.start).toBe(Date.parse('2024-10-26T22:00Z'));
  });
});

describe('findSlots: invalid input', () => {
  it('throws RangeError for malformed rules, ranges, dates and zones', () => {
    const cases: Array<() => unknown> = [
      () => slotsFor({ from: MONDAY, rules: { durationMin: 0 } }),
      () => slotsFor({ from: MONDAY, rules: { stepMin: 7.5 } }),
      () => slotsFor({ from: MONDAY, rules: { bufferBeforeMin: -5 } }),
      () => slotsFor({ from: MONDAY, rules: { horizonDays: Number.NaN } }),
      () => slotsFor({ from: MONDAY, days: -1 }),
      () => slotsFor({ from: '2024-02-30' }),
      () => slotsFor({ from: MONDAY, timeZone: 'Nowhere/Special' }),
      () => slotsFor({ from: MONDAY, staff: [member({ weekly: everyDay({ start: '10:00', end: '09:00' }) })] }),
      () => slotsFor({ from: MONDAY, staff: [member({ weekly: everyDay({ start: '10:00', end: '25:00' }) })] }),
      () => slotsFor({ from: MONDAY, staff: [member({ exceptions: [{ date: '2024-6-3', kind: 'off' }] })] }),
      () => slotsFor({ from: MONDAY, now: Number.NaN }),
    ];
    for (const run of cases) expect(run).toThrow(RangeError);
  });

  it('accepts a whole-day range 00:00–24:00 and day keys given as strings (parsed JSON)', () => {
    const weekly = JSON.parse('{"1":[{"start":"00:00","end":"24:00"}]}') as WeeklyHours;
    const slots = slotsFor({ from: MONDAY, days: 2, staff: [member({ weekly })], rules: { durationMin: 60, stepMin: 60 } });
    expect(slots).toHaveLength(24);
    expect(localStart(slots.at(-1), 'Europe/Berlin')).toBe(`${MONDAY} 23:00`);
  });
});
