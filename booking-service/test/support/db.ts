/**
 * Disposable databases for tests: an in-memory PGlite, and — when DATABASE_URL is set — a
 * fresh PostgreSQL database per test file, created from that server and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/client.js';

export type DbKind = 'pglite' | 'postgres';

/** The databases this run can test against: PGlite always, PostgreSQL when configured. */
export const dbKinds: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** Connection string of the fresh PostgreSQL database (postgres only). */
  url?: string;
}

/** `connectTimeoutMs` (PostgreSQL): how long a query may wait for a pooled connection (0 = no limit). */
export async function createTestDatabase(kind: DbKind, opts: { connectTimeoutMs?: number } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite', dataDir: null });
  const admin = process.env.DATABASE_URL!;
  const name = `fd_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20, ...opts });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
