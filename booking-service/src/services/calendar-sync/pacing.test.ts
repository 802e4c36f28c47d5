import { describe, expect, it } from 'vitest';
import { createPacer, type Pacer } from './pacing.js';

/** Runs `n` takes in turn over the given pacers (as several processes would), returning when each went out. */
async function sendTimes(pacers: Pacer[], n: number, clock: { t: number }): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await pacers[i % pacers.length]!.take('staff-1');
    times.push(clock.t);
  }
  return times;
}

const maxInAnyMinute = (times: number[]) => {
  let max = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 60_000) i++;
    max = Math.max(max, j - i + 1);
  }
  return max;
};

describe('per-user pacing (in memory)', () => {
  it('never lets more than 600 requests out in any minute per user; other users are not slowed', async () => {
    const clock = { t: 0 };
    const pacer = createPacer({ now: () => clock.t, sleep: async (ms) => void (clock.t += ms) });
    const times = await sendTimes([pacer], 1500, clock);
    expect(maxInAnyMinute(times)).toBeLessThanOrEqual(600);
    expect(maxInAnyMinute(times)).toBeGreaterThan(590);
    const before = clock.t;
    await pacer.take('staff-2');
    expect(clock.t).toBe(before);
  });
});
