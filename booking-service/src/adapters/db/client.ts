/**
 * Opens the database: embedded PGlite (file-backed, or in memory for tests) by default,
 * PostgreSQL through `pg` when a URL is given. Same schema, same migrations, same queries.
 * `pg` and Drizzle's driver for it load only when a URL is given: the embedded database's
 * process never loads them (~15 MiB, BENCHMARKS.md: start-up).
 */
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { is, sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import * as schema from './schema.js';
import { acquireDirLock } from './dir-lock.js';
import { installPreparedStatements } from './pglite-prepared.js';
import { pgliteStartParams, prepareDataDir } from './pglite-template.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction on the database: everything a change writes goes through one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A Drizzle database or a transaction on it: both can read and write. */
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The raw client, for adapters that need it (the job queue). */
  readonly pglite?: PGlite;
  readonly pool?: pg.Pool;
  /** An embedded folder: 'template' when this open made it a copy of the template (pglite-template.ts). */
  readonly prepared?: 'existing' | 'template' | 'initdb';
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number; connectTimeoutMs?: number }
  | { kind: 'pglite'; dataDir: string | null /* null = in memory */; /** Only the memory bench sets another (pglite-template.ts). */ sharedBuffers?: string; /** What a new folder copies (default TEMPLATE_DIR). */ template?: string };

// src/adapters/db → ../../../drizzle, and the same from dist/adapters/db.
const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 727_001;

/** pg's Pool class once a PostgreSQL database was opened in this process (preparedRows tells the clients apart by it). */
let PgPool: typeof pg.Pool | undefined;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
    PgPool = pg.Pool;
    // connectionTimeoutMillis: while the server is unreachable a request waits at most this long for
    // a connection and then fails as "unavailable" (503, adapters/db/errors.ts) instead of hanging.
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, connectionTimeoutMillis: target.connectTimeoutMs ?? 5_000, keepAlive: true });
    // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the process.
    pool.on('error', () => {});
    // Nor a checked-out one between two statements of a transaction, when no query is there to
    // receive the error: without a listener the client's 'error' event is an uncaught exception.
    // Its next query fails instead (→ 503), and the pool discards it on release.
    pool.on('connect', (client) => client.on('error', () => {}));
    const lock = await pool.connect();
    try {
      // Several service processes may start at once against one database.
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await migratePg(drizzlePg({ client: lock }), { migrationsFolder });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
      lock.release();
    }
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // One process per folder (dir-lock.ts): a second one throws DataDirLocked before touching a file.
  const lock = target.dataDir ? acquireDirLock(target.dataDir) : undefined;
  try {
    // A new data folder starts as a copy of the build's migrated template (no initdb on a user's
    // first start); done under the lock, so two starts never copy into one folder.
    const prepared = target.dataDir ? prepareDataDir(target.dataDir, target.template) : undefined;
    const client = new PGlite({ ...(target.dataDir ? { dataDir: target.dataDir } : {}), extensions: { btree_gist }, startParams: pgliteStartParams(target.sharedBuffers) });
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    // From here on every query is a named prepared statement (pglite-prepared.ts).
    installPreparedStatements(client);
    // An exit without close() (process.exit after a shutdown timeout) leaves no lock behind either.
    const onExit = () => lock?.release();
    if (lock) process.once('exit', onExit);
    const close = async () => {
      try {
        await client.close();
      } finally {
        process.off('exit', onExit);
        lock?.release();
      }
    };
    return { db: db as unknown as Db, kind: 'pglite', pglite: client, close, ...(prepared ? { prepared } : {}) };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Rows of a raw SQL query; both drivers return `{ rows }`, the shared type cannot say so. */
/**
 * Runs `fn` in `db`'s transaction when `db` already is one (no savepoint: a round trip each way
 * saved on a hot path, and an error aborts the caller's transaction anyway), else in a new one.
 */
export function atomically<T>(db: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return is(db, PgTransaction) ? fn(db) : db.transaction(fn);
}

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * Rows of a hot, fixed query given as text with $1…$n, skipping the query builder. On PostgreSQL
 * it runs as a named prepared statement (parsed and planned once per connection); on PGlite as a
 * plain parameterised query. A Db without its own client (a transaction) goes through Drizzle.
 */
export async function preparedRows<T>(db: Db, name: string, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (PgPool && client instanceof PgPool) return (await client.query({ name, text, values: params })).rows as T[];
  if (client instanceof PGlite) return (await client.query<T>(text, params)).rows;
  const parts = text.split(/\$(\d+)/);
  return queryRows<T>(db, sql.join(parts.map((part, i) => (i % 2 === 1 ? sql`${params[Number(part) - 1]}` : sql.raw(part)))));
}

/** A PostgreSQL text[] literal for a query parameter ($n::text[]): one fixed query text whatever the list's length. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
