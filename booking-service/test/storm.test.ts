/**
 * The booking storm at CI size (bench/storm.ts runs the full one: 500 visitors over 5 minutes):
 * visitors hold and confirm random slots across two service processes on one PostgreSQL with
 * the job workers on, then SQL proves zero double bookings, every confirmation sent exactly
 * once, no half-written rows — and no 5xx along the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStorm, runStorm, stormEnv, waitForConfirmations } from '../bench/storm.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { startService, type RunningService } from './support/spawn-service.js';

/** The Tuesday 7–13 days after `now` (UTC date): always inside the 30-day horizon, never today. */
function nextTuesday(now: Date): string {
  const ahead = ((2 - now.getUTCDay() + 7) % 7) + 7;
  return new Date(now.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

describe('nextTuesday', () => {
  it('is a Tuesday one to two weeks ahead, whatever the weekday today', () => {
    for (let d = 0; d < 7; d++) {
      const now = new Date(Date.UTC(2026, 11, 6 + d, 23, 30));
      const day = new Date(`${nextTuesday(now)}T00:00:00Z`);
      expect(day.getUTCDay()).toBe(2);
      const ahead = (day.getTime() - Date.UTC(2026, 11, 6 + d)) / 86_400_000;
      expect(ahead).toBeGreaterThanOrEqual(7);
      expect(ahead).toBeLessThanOrEqual(13);
    }
  });
});

describe.runIf(process.env.DATABASE_URL)('booking storm: two processes, one PostgreSQL', () => {
  let database: TestDatabase;
  let a: RunningService;
  let b: RunningService;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = stormEnv(database.url!);
    [a, b] = await Promise.all([startService(env), startService(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it('60 visitors in 12 s over 2 days of 2 barbers: no 5xx, no overlap, one confirmation each', async () => {
    // Tuesday and Wednesday of next week, with the two barbers who work both days: how many can
    // book must not depend on the weekday the test runs (Sam works neither day).
    const r = await runStorm({ visitors: 60, durationMs: 12_000, bases: () => [a.url, b.url], days: 2, seed: 11, firstDay: nextTuesday(new Date()), staff: ['barber-marcus', 'barber-diego'] });
    const logs = `${a.output()}\n${b.output()}`.slice(-3000);
    expect(Object.keys(r.statuses).filter((s) => Number(s) >= 500), logs).toEqual([]);
    expect(r.networkErrors).toBe(0);
    // Most visitors book; the storm is real (both processes served, some collided).
    expect(r.confirmed).toBeGreaterThan(40);
    expect(new Set(r.bookingIds).size).toBe(r.confirmed);

    expect(await waitForConfirmations(database.db, 30_000)).toBe(0);
    const check = await checkStorm(database.db);
    expect(check).toEqual({
      overlaps: 0,
      confirmedRows: r.confirmed,
      missingConfirmation: 0,
      duplicateConfirmation: 0,
      pendingConfirmationJobs: 0,
      partialRows: 0,
    });
  }, 90_000);
});
