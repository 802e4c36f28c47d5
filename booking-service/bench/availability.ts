/**
 * Benchmark of the availability engine (findSlots) on two fixed, seeded workloads:
 * (a) one staff member over 30 days, (b) "anyone" of 20 staff over 7 days.
 * Timing lives here, never in unit tests.
 */
import { findSlots, type FindSlotsInput } from '../src/domain/availability/find-slots.js';
import type { BusyInterval, StaffAvailabilityInput, WeeklyHours } from '../src/domain/availability/types.js';
import { addDays, zonedToUtc } from '@frontdesk/shared';
import { mulberry32 } from './random.js';
import { machineLine } from './report.js';

/** Median per call for workload (a) that the engine must stay under on the reference box. */
const TARGET_MEDIAN_MS = 0.3;

const ZONE = 'Europe/Moscow';
const FROM = '2025-03-03'; // a Monday
const OPEN = 9 * 60;
const CLOSE = 18 * 60;
const WEEKLY: WeeklyHours = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ start: '09:00', end: '18:00' }]]),
);
const RULES = { durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 10, stepMin: 15, minNoticeMin: 120, horizonDays: 60 };
// 08:00 on the first day, so the 120-minute notice cuts into it.
const NOW = zonedToUtc(FROM, 8 * 60, ZONE);

/** 40 blocks of 30–90 minutes (5-minute grid) inside working hours of the 30 days from FROM. */
function busyBlocks(seed: number): BusyInterval[] {
  const random = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: 40 }, () => {
    const length = int(6, 18) * 5;
    const startMinute = OPEN + int(0, (CLOSE - OPEN - length) / 5) * 5;
    const start = zonedToUtc(addDays(FROM, int(0, 29)), startMinute, ZONE);
    return { start, end: start + length * 60_000 };
  });
}

function member(staffId: string, seed: number): StaffAvailabilityInput {
  return { staffId, timeZone: ZONE, weekly: WEEKLY, exceptions: [], busy: busyBlocks(seed) };
}

interface Stats {
  calls: number;
  slots: number;
  firstMs: number;
  medianMs: number;
  p90Ms: number;
  callsPerSecond: number;
}

function measure(input: FindSlotsInput, warmup: number, calls: number): Stats {
  // The first call of the process pays for JIT and for filling the Intl offset memo.
  let started = performance.now();
  const slots = findSlots(input).length;
  const firstMs = performance.now() - started;
  // Keeps the optimiser from discarding calls whose results are unused.
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += findSlots(input).length;

  const times = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    started = performance.now();
    sink += findSlots(input).length;
    times[i] = performance.now() - started;
  }
  if (sink !== slots * (warmup + calls)) throw new Error('findSlots is not deterministic');
  const sorted = times.slice().sort();
  const total = times.reduce((sum, t) => sum + t, 0);
  return {
    calls,
    slots,
    firstMs,
    medianMs: sorted[Math.floor(calls / 2)] ?? Number.NaN,
    p90Ms: sorted[Math.floor(calls * 0.9)] ?? Number.NaN,
    callsPerSecond: (calls / total) * 1000,
  };
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const count = (value: number): string => Math.round(value).toLocaleString('en-US');

export async function runAvailabilityBench(): Promise<string> {
  const single: FindSlotsInput = {
    staff: [member('staff-0', 1)],
    rules: RULES,
    window: { from: FROM, days: 30, timeZone: ZONE },
    now: NOW,
  };
  const anyone: FindSlotsInput = {
    staff: Array.from({ length: 20 }, (_, i) => member(`staff-${i}`, 1000 + i)),
    rules: RULES,
    window: { from: FROM, days: 7, timeZone: ZONE },
    now: NOW,
  };
  const a = measure(single, 500, 5_000);
  const b = measure(anyone, 100, 1_000);
  const met = a.medianMs <= TARGET_MEDIAN_MS;

  const row = (name: string, s: Stats): string =>
    `| ${name} | ${count(s.calls)} | ${count(s.slots)} | ${ms(s.medianMs)} | ${ms(s.p90Ms)} | ${count(s.callsPerSecond)} | ${ms(s.firstMs)} |`;
  return [
    '## Availability engine (`findSlots`)',
    '',
    `Machine: ${machineLine()}`,
    '',
    '| Workload | Calls | Slots returned | Median | p90 | Calls/s | First call (cold) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('(a) 1 staff × 30 days', a),
    row('(b) "anyone" of 20 staff × 7 days', b),
    '',
    `Target: median ≤ ${TARGET_MEDIAN_MS} ms per call for (a) — **${met ? 'met' : 'NOT met'}** (${ms(a.medianMs)}).`,
    '',
    `Workloads: zone ${ZONE} for staff and window, every day 09:00–18:00, 30-minute service every`,
    '15 minutes, buffers 0 before / 10 after, 120-minute notice, 60-day horizon, now = 08:00 on',
    `${FROM}. Each staff member has 40 busy blocks of 30–90 minutes in working hours over 30 days`,
    '(mulberry32, fixed seeds). Median, p90 and calls/s are over the timed calls after a warm-up',
    '(500 calls for (a), 100 for (b)); "first call" is the process\'s first call, which also',
    'compiles the code and fills the Intl offset memo. Run: `npm run bench -w @frontdesk/booking-service`.',
  ].join('\n');
}
