import { describe, expect, it } from 'vitest';
import { dayOff, freeStretches, gridRange, minuteAt, offHours, openingDay, place } from './time-grid.js';

// Salon: Mon–Sat 10:00–21:00, Sunday 11:00–19:00. 2026-12-07 is a Monday.
const salon = {
  '1': [{ start: '10:00', end: '21:00' }],
  '2': [{ start: '10:00', end: '21:00' }],
  '3': [{ start: '10:00', end: '21:00' }],
  '4': [{ start: '10:00', end: '21:00' }],
  '5': [{ start: '10:00', end: '21:00' }],
  '6': [{ start: '10:00', end: '21:00' }],
  '7': [{ start: '11:00', end: '19:00' }],
};
// Clinic: Mon–Fri only.
const weekdays = { '1': [{ start: '09:00', end: '19:00' }], '2': [{ start: '09:00', end: '19:00' }], '3': [{ start: '09:00', end: '19:00' }], '4': [{ start: '09:00', end: '19:00' }], '5': [{ start: '09:00', end: '19:00' }] };

describe('gridRange', () => {
  it('spans the earliest opening to the latest closing of the days shown', () => {
    expect(gridRange(salon, ['2026-12-13'])).toEqual({ start: 660, end: 1140 });
    expect(gridRange(salon, ['2026-12-07', '2026-12-13'])).toEqual({ start: 600, end: 1260 });
  });
  it('widens to whole hours and to a booking outside the hours', () => {
    expect(gridRange(salon, ['2026-12-13'], [{ start: 620, end: 1210 }])).toEqual({ start: 600, end: 1260 });
  });
  it('shows 9–18 for a closed day', () => {
    expect(gridRange(weekdays, ['2026-12-12'])).toEqual({ start: 540, end: 1080 });
  });
});

describe('openingDay', () => {
  it('is today while the business is open or yet to open', () => {
    expect(openingDay(weekdays, '2026-12-07', 8 * 60)).toBe('2026-12-07');
    expect(openingDay(weekdays, '2026-12-07', 18 * 60 + 59)).toBe('2026-12-07');
  });
  it('is the next working day after closing, over a weekend', () => {
    expect(openingDay(weekdays, '2026-12-07', 19 * 60)).toBe('2026-12-08');
    expect(openingDay(weekdays, '2026-12-11', 20 * 60)).toBe('2026-12-14');
    expect(openingDay(weekdays, '2026-12-12', 9 * 60)).toBe('2026-12-14');
  });
  it('is today for a business with no hours', () => {
    expect(openingDay({}, '2026-12-12', 600)).toBe('2026-12-12');
  });
});

describe('place', () => {
  const range = { start: 600, end: 1260 };
  it('puts items at their minute from the top', () => {
    expect(place([{ start: 630, end: 690, item: 'a' }], range)).toEqual([{ item: 'a', top: 30, height: 60, lane: 0, lanes: 1 }]);
  });
  it('sets overlapping items side by side, and a later free item back to one lane', () => {
    const p = place(
      [
        { start: 600, end: 660, item: 'a' },
        { start: 630, end: 700, item: 'b' },
        { start: 660, end: 690, item: 'c' },
        { start: 720, end: 750, item: 'd' },
      ],
      range,
    );
    expect(p.map((x) => [x.item, x.lane, x.lanes])).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 0, 2],
      ['d', 0, 1],
    ]);
  });
  it('clips to the range', () => {
    expect(place([{ start: 540, end: 630, item: 'early' }], range)[0]).toMatchObject({ top: 0, height: 30 });
  });
});

describe('minuteAt', () => {
  it('snaps a pointer position down to a quarter hour inside the range', () => {
    const range = { start: 600, end: 1260 };
    expect(minuteAt(0, 1, range)).toBe(600);
    expect(minuteAt(44, 1, range)).toBe(630);
    expect(minuteAt(90, 1.5, range)).toBe(660);
    expect(minuteAt(-20, 1, range)).toBe(600);
    expect(minuteAt(5000, 1, range)).toBe(1245);
  });
});

describe('offHours', () => {
  // 2026-11-24 is a Tuesday (ISO weekday 2).
  const opening = { '2': [{ start: '10:00', end: '20:00' }] };
  const range = { start: 540, end: 1260 };
  it('shades outside the opening hours when the person works all of them', () => {
    expect(offHours('2026-11-24', range, opening)).toEqual([{ start: 540, end: 600 }, { start: 1200, end: 1260 }]);
  });
  it('shades a person’s hours off inside opening hours, and their lunch break', () => {
    const anna = { '2': [{ start: '12:00', end: '14:00' }, { start: '15:00', end: '22:00' }] };
    expect(offHours('2026-11-24', range, opening, anna)).toEqual([{ start: 540, end: 720 }, { start: 840, end: 900 }, { start: 1200, end: 1260 }]);
  });
  it('shades the whole day the person does not work', () => {
    expect(offHours('2026-11-25', range, opening, { '2': [{ start: '10:00', end: '20:00' }] })).toEqual([range]);
  });
});

describe('days off', () => {
  // 2026-11-24 is a Tuesday (ISO weekday 2); the business opens Tuesdays and Wednesdays.
  const opening = { '2': [{ start: '10:00', end: '20:00' }], '3': [{ start: '10:00', end: '20:00' }] };
  const anna = { '2': [{ start: '12:00', end: '18:00' }] };
  const range = { start: 540, end: 1260 };
  const holiday = [{ from: '2026-11-24', to: '2026-11-24', note: 'Staff training' }];

  it('shades the whole of a day the business closed, whatever the hours say', () => {
    expect(offHours('2026-11-24', range, opening, anna, holiday)).toEqual([range]);
    expect(offHours('2026-11-24', range, opening, undefined, holiday)).toEqual([range]);
    expect(offHours('2026-11-25', range, opening, undefined, holiday)).toEqual([{ start: 540, end: 600 }, { start: 1200, end: 1260 }]);
  });

  it('says why the day is off: the business closed (with its note), closed that weekday, or the person’s day off', () => {
    expect(dayOff('2026-11-24', opening, anna, holiday)).toEqual({ kind: 'closed', note: 'Staff training' });
    expect(dayOff('2026-11-26', opening, anna)).toEqual({ kind: 'closed', note: '' });
    expect(dayOff('2026-11-25', opening, anna)).toEqual({ kind: 'off' });
    // Hours only outside the opening hours are a day off too.
    expect(dayOff('2026-11-24', opening, { '2': [{ start: '06:00', end: '09:00' }] })).toEqual({ kind: 'off' });
    expect(dayOff('2026-11-24', opening, anna)).toBeNull();
    expect(dayOff('2026-11-25', opening)).toBeNull();
  });

  it('the calendar opens past closed days', () => {
    expect(openingDay(opening, '2026-11-24', 9 * 60, holiday)).toBe('2026-11-25');
    expect(openingDay(opening, '2026-11-24', 9 * 60, [{ from: '2026-11-24', to: '2026-12-01', note: '' }])).toBe('2026-12-02');
  });
});

describe('freeStretches (empty-hour buttons)', () => {
  it('is the whole hour when nothing covers it', () => {
    expect(freeStretches(780, [])).toEqual([{ start: 780, end: 840 }]);
  });
  it('leaves out what bookings cover and slivers under 20 minutes', () => {
    // 13:15–13:35: 13:00–13:15 is too thin to hit, 13:35–14:00 stays clickable.
    expect(freeStretches(780, [{ start: 795, end: 815 }])).toEqual([{ start: 815, end: 840 }]);
    expect(freeStretches(780, [{ start: 800, end: 820 }])).toEqual([{ start: 780, end: 800 }, { start: 820, end: 840 }]);
    expect(freeStretches(780, [{ start: 700, end: 900 }])).toEqual([]);
    expect(freeStretches(780, [{ start: 760, end: 790 }, { start: 830, end: 900 }])).toEqual([{ start: 790, end: 830 }]);
  });
});
