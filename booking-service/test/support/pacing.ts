/** Helpers for the Google request pacer's tests (in memory and shared through the database). */
import type { Pacer } from '../../src/services/calendar-sync/pacing.js';

/** Runs `n` takes in turn over the given pacers (as several processes would), returning when each went out. */
export async function sendTimes(pacers: Pacer[], n: number, clock: { t: number }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await pacers[i % pacers.length]!.take('staff-1');
    times.push(clock.t);
  }
  return times;
}

/** The most requests that went out within any 60-second window (Google's per-user quota unit). */
export function maxInAnyMinute(times: number[]): number {
  let max = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 60_000) i++;
    max = Math.max(max, j - i + 1);
  }
  return max;
}
