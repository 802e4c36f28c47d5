/**
 * The embedded database's template: a new data folder starts as a copy of a migrated template
 * (no initdb), an existing folder is never touched, a folder holding only other files (a lock
 * file) still gets the copy, and a template from another PGlite is not used.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../src/adapters/db/client.js';
import { DEMO_TEMPLATE_DIR, makeTemplate, prepareDataDir } from '../src/adapters/db/pglite-template.js';
import { seedDemo } from '../src/seed/demo.js';
import { ensureDemo } from '../src/seed/ensure-demo.js';

describe('the embedded database template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-template-'));
  const template = join(dir, 'template');
  beforeAll(async () => {
    await makeTemplate(template, async (dataDir) => {
      const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir) });
      await database.close();
    });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const migrations = async (dataDir: string) => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const [setting] = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
      return { n: row!.n, sharedBuffers: setting!.shared_buffers, database };
    } catch (e) {
      await database.close();
      throw e;
    }
  };

  it('a new data folder is a copy of the migrated template, and opens with every migration applied', async () => {
    const dataDir = join(dir, 'fresh');
    expect(prepareDataDir(dataDir, template)).toBe('template');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.'))).toEqual([]);
    const { n, sharedBuffers, database } = await migrations(dataDir);
    expect(n).toBeGreaterThan(5);
    // The memory setting (pglite-template.ts): 1 MB of shared buffers, not PGlite's 128 MB.
    expect(sharedBuffers).toBe('1MB');
    await database.db.execute(sql`insert into app_settings (key, value) values ('template-test', 'kept')`);
    await database.close();

    // Second start: the folder is the user's now; the template is not copied over it.
    expect(prepareDataDir(dataDir, template)).toBe('existing');
    const again = await openDatabase({ kind: 'pglite', dataDir });
    const rows = await queryRows<{ value: string }>(again.db, sql`select value from app_settings where key = 'template-test'`);
    await again.close();
    expect(rows).toEqual([{ value: 'kept' }]);
  }, 120_000);

  it('a folder holding only other files (a lock file, a copy that died midway) still gets the template, keeping the lock', () => {
    const dataDir = join(dir, 'locked');
    mkdirSync(join(dataDir, 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'base', 'half-copied'), 'x');
    writeFileSync(join(dataDir, 'frontdesk.lock'), String(process.pid));
    expect(prepareDataDir(dataDir, template)).toBe('template');
    expect(existsSync(join(dataDir, 'frontdesk.lock'))).toBe(true);
    expect(existsSync(join(dataDir, 'base', 'half-copied'))).toBe(false);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it("falls back to initdb without a template, or with one another PGlite version made", () => {
    expect(prepareDataDir(join(dir, 'none'), join(dir, 'no-template'))).toBe('initdb');
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'PG_VERSION'), '17\n');
    writeFileSync(join(foreign, '.frontdesk-template.json'), JSON.stringify({ pglite: '0.0.1' }));
    expect(prepareDataDir(join(dir, 'other'), foreign)).toBe('initdb');
    expect(existsSync(join(dir, 'other', 'PG_VERSION'))).toBe(false);
  });

  it('a folder copied from the demo template holds the demo as seeding makes it, and no secret of its own', async () => {
    const demoTemplate = join(dir, 'demo-template');
    // As the build makes it (src/cli/make-pglite-template.ts): the plain template, seeded.
    await makeTemplate(demoTemplate, async (dataDir) => {
      const database = await openDatabase({ kind: 'pglite', dataDir, template });
      await ensureDemo(database.db);
      await database.close();
    });
    const dataDir = join(dir, 'demo');
    const database = await openDatabase({ kind: 'pglite', dataDir, template: demoTemplate });
    try {
      expect(database.prepared).toBe('template');
      const demo = async () => queryRows<{ t: string; n: number }>(database.db, sql`select 'businesses' as t, count(*)::int as n from businesses union all select 'users', count(*)::int from users union all select 'services', count(*)::int from services order by 1`);
      const copied = await demo();
      expect(copied.find((r) => r.t === 'businesses')!.n).toBe(3);
      // The copy carries the demo's fingerprint: its first start does not seed (seed/ensure-demo.ts).
      expect(await ensureDemo(database.db)).toBe('current');
      // Seeding again (what a changed demo does) changes nothing here: the copy is what seeding makes.
      await seedDemo(database.db);
      expect(await demo()).toEqual(copied);
      // Every install makes its own secret at first start (services/secret.ts): none is copied in.
      expect(await queryRows(database.db, sql`select key from app_settings where key = 'token_secret'`)).toEqual([]);
    } finally {
      await database.close();
    }
    expect((await openDatabase({ kind: 'pglite', dataDir, template: demoTemplate }).then(async (d) => (await d.close(), d))).prepared).toBe('existing');
  }, 120_000);

  it('the build made the demo template beside the plain one', () => {
    expect(existsSync(join(DEMO_TEMPLATE_DIR, 'PG_VERSION'))).toBe(true);
  });
});
