/**
 * The Google request pacer shared by every process through the database (PGlite and, when
 * configured, PostgreSQL): several pacers on one database behave as one within the quota.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedPacer } from '../src/services/calendar-sync/pacing.js';
import { createTestDatabase, dbKinds, type TestDatabase } from './support/db.js';
import { maxInAnyMinute, sendTimes } from './support/pacing.js';

describe.each(dbKinds)('Google request pacing shared through the database (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
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

  it('concurrent takes from several processes each reserve their own slot (no lost updates)', async () => {
    const waits: number[] = [];
    // T = 1 s, burst 10; the sleeps are recorded, not slept, so all 60 takes race at once.
    const mk = () => createSharedPacer(database.db, { burst: 10, perMinute: 70, sleep: async (ms) => void waits.push(ms) });
    const pacers = [mk(), mk(), mk()];
    await Promise.all(Array.from({ length: 60 }, (_, i) => pacers[i % 3]!.take('staff-race')));
    // 10 went at once; the other 50 wait about 1, 2, … 50 s: all distinct, one interval apart.
    expect(waits).toHaveLength(50);
    const sorted = [...waits].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(900);
    expect(sorted.at(-1)).toBeGreaterThan(48_000);
  });
});
