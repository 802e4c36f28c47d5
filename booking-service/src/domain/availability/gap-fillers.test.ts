import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc } from '@frontdesk/shared';
import { findSlots } from './find-slots.js';
import type { BusyInterval, SlotRules, StaffAvailabilityInput } from './types.js';

const MIN = 60_000;
const ZONE = 'Europe/Moscow';
const DAY = '2026-12-08';

/** A busy interval between two local times of DAY. */
function busy(from: string, to: string): BusyInterval {
  return { start: at(from), end: at(to) };
}

function at(hhmm: string): number {
  return zonedToUtc(DAY, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), ZONE);
}

function starts(options: { busy: BusyInterval[]; rules?: Partial<SlotRules>; fillGaps?: boolean; hours?: [string, string]; now?: number }): string[] {
  const [start, end] = options.hours ?? ['10:00', '14:00'];
  const member: StaffAvailabilityInput = {
    staffId: 'anna',
    timeZone: ZONE,
    weekly: { 1: [{ start, end }], 2: [{ start, end }], 3: [{ start, end }], 4: [{ start, end }], 5: [{ start, end }], 6: [{ start, end }], 7: [{ start, end }] },
    exceptions: [],
    busy: options.busy,
  };
  const slots = findSlots({
    staff: [member],
    rules: { durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, stepMin: 30, minNoticeMin: 0, horizonDays: 60, ...options.rules },
    window: { from: DAY, days: 1, timeZone: ZONE },
    now: options.now ?? at('00:00'),
    fillGaps: options.fillGaps ?? true,
  });
  return slots.map(({ start: s }) => {
    const m = utcToZoned(s, ZONE).minuteOfDay;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
}

describe('no empty windows (fillGaps)', () => {
  it('offers the time right after a booking that ends off the grid', () => {
    // A 50-minute booking 10:00–10:50: the grid's next start 11:00 would leave 10 idle minutes.
    expect(starts({ busy: [busy('10:00', '10:50')], fillGaps: false })).toEqual(['11:00', '11:30', '12:00', '12:30', '13:00']);
    expect(starts({ busy: [busy('10:00', '10:50')] })).toEqual(['10:50', '11:00', '11:30', '12:00', '12:30', '13:00']);
  });

  it('counts the buffer: the busy time already holds the booking’s buffer after, the new service adds its buffer before', () => {
    // Busy 10:00–10:50 (booking + its cleanup); this service needs 5 minutes of preparation.
    expect(starts({ busy: [busy('10:00', '10:50')], rules: { bufferBeforeMin: 5 } })[0]).toBe('10:55');
  });

  it('fills a window the grid cannot use at all', () => {
    // 10:00–10:40 and 11:50–14:00 busy: a 60-minute service fits 10:40–11:40, no grid start does
    // (11:00 would run into 11:50).
    expect(starts({ busy: [busy('10:00', '10:40'), busy('11:50', '14:00')], fillGaps: false })).toEqual([]);
    expect(starts({ busy: [busy('10:00', '10:40'), busy('11:50', '14:00')] })).toEqual(['10:40']);
  });

  it('offers nothing extra when the time after the booking is not free or not in working hours', () => {
    // 10:50 + 60 min runs into the 11:30 booking; nothing fits between them.
    expect(starts({ busy: [busy('10:00', '10:50'), busy('11:30', '14:00')] })).toEqual([]);
    // A booking ending at 13:10 leaves 50 minutes to the end of the day: too short for 60.
    expect(starts({ busy: [busy('12:00', '13:10')] })).toEqual(['10:00', '10:30', '11:00']);
  });

  it('adds nothing when the booking ends on the grid', () => {
    expect(starts({ busy: [busy('10:00', '11:00')] })).toEqual(starts({ busy: [busy('10:00', '11:00')], fillGaps: false }));
  });

  it('leaves a gap the service fits into to the grid (a long step, a short service)', () => {
    // Step 60, 20-minute service: after 10:00–10:20 the grid's 11:00 leaves 40 minutes, room for
    // this service, so the grid stays as it is.
    const rules = { durationMin: 20, stepMin: 60 };
    expect(starts({ busy: [busy('10:00', '10:20')], rules })).toEqual(['11:00', '12:00', '13:00']);
    // After 10:00–10:50 only 10 minutes are left before 11:00: 10:50 is offered.
    expect(starts({ busy: [busy('10:00', '10:50')], rules })).toEqual(['10:50', '11:00', '12:00', '13:00']);
  });

  it('respects notice: a filler before now + notice is not offered', () => {
    expect(starts({ busy: [busy('10:00', '10:50')], now: at('10:45'), rules: { minNoticeMin: 10 } })).toEqual(['11:00', '11:30', '12:00', '12:30', '13:00']);
  });

  it('follows the business’s opening hours: the grid counts from when it opens', () => {
    const member: StaffAvailabilityInput = {
      staffId: 'anna',
      timeZone: ZONE,
      weekly: { 2: [{ start: '09:00', end: '14:00' }] },
      exceptions: [],
      busy: [busy('10:00', '10:50')],
    };
    const slots = findSlots({
      staff: [member],
      business: { timeZone: ZONE, weekly: { 2: [{ start: '10:00', end: '12:00' }] }, closures: [] },
      rules: { durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, stepMin: 30, minNoticeMin: 0, horizonDays: 60 },
      window: { from: DAY, days: 1, timeZone: ZONE },
      now: at('00:00'),
      fillGaps: true,
    });
    expect(slots.map((s) => (s.start - at('00:00')) / MIN / 60)).toEqual([10 + 50 / 60, 11]);
  });
});
