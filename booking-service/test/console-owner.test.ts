/**
 * The first owner account: createOwner (creates the business when asked), and the
 * `create-owner` CLI end to end on an embedded database folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/adapters/db/client.js';
import { businesses, users } from '../src/adapters/db/schema.js';
import { createOwner } from '../src/services/console/owner-account.js';
import { verifyPassword } from '../src/services/console/passwords.js';
import { signIn } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const run = promisify(execFile);

describe.each(dbKinds)('createOwner on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates the business and its owner, who can sign in to the console', async () => {
    const r = await createOwner(
      h.deps.db,
      { businessId: 'biz-new', email: 'Boss@New.example', password: 'long enough pw', business: { name: 'New Studio', timeZone: 'Asia/Yerevan', currency: 'AMD', lang: 'hy' } },
      h.clock.now(),
    );
    expect(r).toMatchObject({ createdBusiness: true, createdUser: true });
    const [b] = await h.deps.db.select().from(businesses).where(eq(businesses.id, 'biz-new'));
    expect(b).toMatchObject({ name: 'New Studio', timeZone: 'Asia/Yerevan', currency: 'AMD', defaultLang: 'hy', languages: ['hy'] });
    const { url } = await h.http();
    const s = await signIn(url, 'boss@new.example', 'long enough pw');
    expect((await s.client.auth.me.query())!.user).toMatchObject({ role: 'owner', email: 'boss@new.example', lang: 'hy' });
    // The new business starts with nothing to show, not with errors.
    expect(await s.client.sites.list.query()).toEqual([]);
    expect(await s.client.services.list.query()).toEqual([]);
  });

  it('a business created without --name is named after its id, its owner after the e-mail (not "Owner")', async () => {
    const r = await createOwner(
      h.deps.db,
      { businessId: 'lavanda-spb', email: 'anna.petrova@lavanda.example', password: 'long enough pw', business: { timeZone: 'Europe/Moscow', currency: 'RUB', lang: 'ru' } },
      h.clock.now(),
    );
    expect(r).toMatchObject({ createdBusiness: true, createdUser: true });
    expect((await h.deps.db.select().from(businesses).where(eq(businesses.id, 'lavanda-spb')))[0]!.name).toBe('Lavanda spb');
    expect((await h.deps.db.select().from(users).where(eq(users.id, r.userId)))[0]!.name).toBe('Anna Petrova');
  });

  it('resets the password of an existing owner; refuses what would be wrong', async () => {
    const again = await createOwner(h.deps.db, { businessId: 'biz-new', email: 'boss@new.example', password: 'another password' }, h.clock.now());
    expect(again).toMatchObject({ createdBusiness: false, createdUser: false });
    const [u] = await h.deps.db.select().from(users).where(eq(users.email, 'boss@new.example'));
    expect(await verifyPassword('another password', u!.passwordHash!)).toBe(true);
    await expect(createOwner(h.deps.db, { businessId: 'biz-missing', email: 'x@y.example', password: 'long enough pw' }, h.clock.now())).rejects.toThrow(/--name/);
    await expect(createOwner(h.deps.db, { businessId: 'biz-new', email: 'owner@demo-salon-spb.demo', password: 'long enough pw' }, h.clock.now())).rejects.toThrow(/another business/);
    await expect(createOwner(h.deps.db, { businessId: 'biz-new', email: 'boss@new.example', password: 'short' }, h.clock.now())).rejects.toThrow(/--password/);
    await expect(
      createOwner(h.deps.db, { businessId: 'biz-x', email: 'x@y.example', password: 'long enough pw', business: { name: 'X', timeZone: 'Mars/Base', currency: 'USD', lang: 'en' } }, h.clock.now()),
    ).rejects.toThrow(/--time-zone/);
  });
});

describe('create-owner CLI', () => {
  it('creates a business and owner in the embedded database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fd-cli-'));
    const cwd = join(import.meta.dirname, '..');
    const args = ['tsx', 'src/cli/create-owner.ts', '--business', 'biz-cli', '--email', 'cli@studio.example', '--password', 'cli password 1', '--name', 'CLI Studio', '--time-zone', 'Europe/Moscow', '--currency', 'rub', '--lang', 'ru'];
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const { stdout } = await run('npx', args, { cwd, env });
    expect(stdout).toMatch(/Created business biz-cli\. Created owner cli@studio\.example/);
    const usage = await run('npx', ['tsx', 'src/cli/create-owner.ts', '--business', 'biz-cli'], { cwd, env }).catch((e: { code: number; stderr: string }) => e);
    expect(usage).toMatchObject({ code: 2 });
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const [b] = await db.db.select().from(businesses).where(eq(businesses.id, 'biz-cli'));
      expect(b).toMatchObject({ currency: 'RUB', defaultLang: 'ru', timeZone: 'Europe/Moscow' });
      const [u] = await db.db.select().from(users).where(eq(users.email, 'cli@studio.example'));
      expect(u!.role).toBe('owner');
      expect(await verifyPassword('cli password 1', u!.passwordHash!)).toBe(true);
    } finally {
      await db.close();
    }
  }, 60_000);
});
