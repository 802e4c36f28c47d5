/**
 * No empty windows (issue 19): a simulated month of bookings in one salon, booked through the
 * availability engine with and without `fillGaps`, counting the idle gaps left in the staff's
 * days that are too short for any service on the menu. Deterministic (seeded); the figures are
 * counts, not timings, so they hold on any machine.
 */
import { addDays, utcToZoned, zonedToUtc } from '@frontdesk/shared';
import { findSlots } from '../src/domain/availability/find-slots.js';
import type { BusyInterval, StaffAvailabilityInput, WeeklyHours } from '../src/domain/availability/types.js';
import { mulberry32 } from './random.js';
import { machineLine } from './report.js';

const MIN = 60_000;
const ZONE = 'Europe/Moscow';
const FROM = '2026-02-02'; // a Monday
const DAYS = 28;
const OPEN = 10 * 60;
const CLOSE = 20 * 60;
const STAFF = ['anna', 'maria', 'olga'];
const WEEKLY: WeeklyHours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '10:00', end: '20:00' }]]));
/** A salon's menu: minutes of work and of cleanup after. */
const MENU = [
  { name: 'brows', durationMin: 25, bufferAfterMin: 5 },
  { name: "men's haircut", durationMin: 45, bufferAfterMin: 5 },
  { name: 'styling', durationMin: 50, bufferAfterMin: 10 },
  { name: 'manicure', durationMin: 70, bufferAfterMin: 10 },
  { name: "women's haircut", durationMin: 60, bufferAfterMin: 10 },
  { name: 'colouring', durationMin: 100, bufferAfterMin: 15 },
];
/** The shortest time any service on the menu occupies: a free gap shorter than this earns nothing. */
const SHORTEST = Math.min(...MENU.map((s) => s.durationMin + s.bufferAfterMin));
const SEEDS = [1, 2, 3];

interface Outcome {
  bookings: number;
  bookedHours: number;
  idleGaps: number;
  idleGapMinutes: number;
}

/**
 * `requests` visitors, in a random order, each wanting a random service on a random day around a
 * random time of day; each takes the offered start nearest that time (anyone), else tries the
 * next two days, else goes away.
 */
function simulate(seed: number, requests: number, stepMin: number, fillGaps: boolean): Outcome {
  const random = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const busy = new Map<string, BusyInterval[]>(STAFF.map((id) => [id, []]));
  const now = zonedToUtc(FROM, 0, ZONE) - 24 * 60 * MIN;
  let bookings = 0;
  let bookedMin = 0;
  for (let r = 0; r < requests; r++) {
    const service = MENU[int(0, MENU.length - 1)]!;
    const day = int(0, DAYS - 1);
    const wantedMinute = int(OPEN, CLOSE - 60);
    for (let tries = 0; tries < 3 && day + tries < DAYS; tries++) {
      const date = addDays(FROM, day + tries);
      const staff: StaffAvailabilityInput[] = STAFF.map((staffId) => ({ staffId, timeZone: ZONE, weekly: WEEKLY, exceptions: [], busy: busy.get(staffId)! }));
      const slots = findSlots({
        staff,
        rules: { durationMin: service.durationMin, bufferBeforeMin: 0, bufferAfterMin: service.bufferAfterMin, stepMin, minNoticeMin: 0, horizonDays: 60 },
        window: { from: date, days: 1, timeZone: ZONE },
        now,
        fillGaps,
      });
      if (slots.length === 0) continue;
      const wanted = zonedToUtc(date, wantedMinute, ZONE);
      let best = slots[0]!;
      for (const s of slots) if (Math.abs(s.start - wanted) < Math.abs(best.start - wanted)) best = s;
      busy.get(best.staffIds[0]!)!.push({ start: best.start, end: best.end + service.bufferAfterMin * MIN });
      bookings++;
      bookedMin += service.durationMin;
      break;
    }
  }
  let idleGaps = 0;
  let idleGapMinutes = 0;
  for (const intervals of busy.values()) {
    const byDay = new Map<string, BusyInterval[]>();
    for (const b of intervals) {
      const date = utcToZoned(b.start, ZONE).date;
      byDay.set(date, [...(byDay.get(date) ?? []), b]);
    }
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(FROM, d);
      const day = (byDay.get(date) ?? []).sort((a, b) => a.start - b.start);
      // Free stretches of the working day between bookings (and the day's ends).
      let cursor = zonedToUtc(date, OPEN, ZONE);
      const close = zonedToUtc(date, CLOSE, ZONE);
      for (const b of [...day, { start: close, end: close }]) {
        const gap = (Math.min(b.start, close) - cursor) / MIN;
        if (gap > 0 && gap < SHORTEST) {
          idleGaps++;
          idleGapMinutes += gap;
        }
        cursor = Math.max(cursor, b.end);
      }
    }
  }
  return { bookings, bookedHours: bookedMin / 60, idleGaps, idleGapMinutes };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function runGapsBench(): Promise<string> {
  const rows: string[] = [];
  const capacity = STAFF.length * DAYS * ((CLOSE - OPEN) / 60);
  for (const stepMin of [30, 15]) {
    for (const requests of [500, 800]) {
      const off = SEEDS.map((seed) => simulate(seed, requests, stepMin, false));
      const on = SEEDS.map((seed) => simulate(seed, requests, stepMin, true));
      const cell = (outcomes: Outcome[], key: keyof Outcome, digits = 0): string => median(outcomes.map((o) => o[key])).toFixed(digits);
      for (const [label, outcomes] of [['off', off], ['on', on]] as const) {
        rows.push(
          `| ${stepMin} min | ${requests} | ${label} | ${cell(outcomes, 'bookings')} | ${cell(outcomes, 'bookedHours', 1)} (${((100 * median(outcomes.map((o) => o.bookedHours))) / capacity).toFixed(1)} %) | ${cell(outcomes, 'idleGaps')} | ${cell(outcomes, 'idleGapMinutes')} |`,
        );
      }
    }
  }
  return Promise.resolve(`## No empty windows (simulated month)

Machine: ${machineLine()}

\`npm run bench\` (bench/gaps.ts). One salon (Europe/Moscow), ${STAFF.length} staff working 10:00–20:00 every day for ${DAYS} days (${capacity} staff-hours); a menu of ${MENU.length} services from ${MENU[0]!.durationMin} to 100 minutes with 5–15 minutes of cleanup after. Visitors arrive in a random order, each wanting a random service on a random day near a random time; each takes the offered start ("anyone") nearest that time, else tries the next two days, else goes away. The same visitors (same seed) book once with \`fillGaps\` off and once on. An idle gap is a free stretch of a working day (between bookings with their cleanup, or at the day's ends) shorter than ${SHORTEST} minutes — the shortest time any service on the menu takes, so nobody can ever book it. Medians over seeds ${SEEDS.join(', ')}; counts, not timings, so they hold on any machine.

| grid step | visitors | no empty windows | bookings | service hours booked | idle gaps < ${SHORTEST} min | minutes in them |
|---|---:|---|---:|---:|---:|---:|
${rows.join('\n')}
`);
}
