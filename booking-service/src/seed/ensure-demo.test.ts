import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../adapters/db/client.js';
import { appSettings, businesses } from '../adapters/db/schema.js';
import { createTestDatabase, dbKinds, type TestDatabase } from '../../test/support/db.js';
import { DEMO } from './demo.js';
import { DEMO_SEED_KEY, demoFingerprint, ensureDemo } from './ensure-demo.js';

const SALON = DEMO[0]!.business;

describe.each(dbKinds)('the demo at start (%s)', (kind) => {
  // One database for the file (a new one per test is seconds of initdb): the first test finds it empty.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  }, 60_000);
  afterAll(() => database.close());

  const salonName = async () => (await database.db.select({ name: businesses.name }).from(businesses).where(eq(businesses.id, SALON.id)))[0]?.name;
  const renameSalon = (name: string) => database.db.update(businesses).set({ name }).where(eq(businesses.id, SALON.id));

  it('is seeded on an empty database, and its fingerprint kept', async () => {
    expect(await ensureDemo(database.db)).toBe('seeded');
    expect(await queryRows(database.db, sql`select count(*)::int as n from businesses`)).toEqual([{ n: DEMO.length }]);
    expect(await database.db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, DEMO_SEED_KEY))).toEqual([{ value: demoFingerprint() }]);
  });

  it('a second start with the same demo writes nothing (a row changed since stays as it is)', async () => {
    await ensureDemo(database.db);
    await renameSalon('Renamed by the owner');
    expect(await ensureDemo(database.db)).toBe('current');
    expect(await salonName()).toBe('Renamed by the owner');
  });

  it('a changed demo is upserted again, once', async () => {
    await ensureDemo(database.db);
    await renameSalon('Renamed by the owner');
    expect(await ensureDemo(database.db, 'another demo')).toBe('seeded');
    expect(await salonName()).toBe(SALON.name);
    expect(await ensureDemo(database.db, 'another demo')).toBe('current');
  });

  it('a database seeded before fingerprints (none recorded) is seeded again', async () => {
    await ensureDemo(database.db);
    await database.db.delete(appSettings).where(eq(appSettings.key, DEMO_SEED_KEY));
    await renameSalon('Renamed by the owner');
    expect(await ensureDemo(database.db)).toBe('seeded');
    expect(await salonName()).toBe(SALON.name);
  });
});

describe('the demo fingerprint', () => {
  it('is the same for the same demo and changes with what the seed writes', () => {
    const before = demoFingerprint();
    expect(demoFingerprint()).toBe(before);
    const name = SALON.name;
    try {
      SALON.name = `${name} (changed)`;
      expect(demoFingerprint()).not.toBe(before);
    } finally {
      SALON.name = name;
    }
    expect(demoFingerprint()).toBe(before);
  });
});
