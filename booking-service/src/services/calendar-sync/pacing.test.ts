import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../adapters/db/client.js';
import { createPacer, createSharedPacer, type Pacer } from './pacing.js';

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

describe('per-user pacing shared through the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await database.close();
  });

  it('three processes sharing one user stay within 600 a minute together', async () => {
    const clock = { t: 1_000_000 };
    const opts = { now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
    // Three pacers = three processes: each alone would allow 600/min; together they must too.
    const pacers = [createSharedPacer(database.db, opts), createSharedPacer(database.db, opts), createSharedPacer(database.db, opts)];
    const times = await sendTimes(pacers, 1300, clock);
    expect(maxInAnyMinute(times)).toBeLessThanOrEqual(600);
    expect(maxInAnyMinute(times)).toBeGreaterThan(590);
    // The first burst goes out at once.
    expect(times.slice(0, 10).every((t) => t === 1_000_000)).toBe(true);
  });

  it('uses the database clock when no clock is given', async () => {
    const waits: number[] = [];
    const pacer = createSharedPacer(database.db, { burst: 2, perMinute: 62, sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 3; i++) await pacer.take('staff-db-clock');
    // Two go at once (burst 2); the third waits about one emission interval (1 s).
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(900);
    expect(waits[0]).toBeLessThanOrEqual(1000);
  });
});
