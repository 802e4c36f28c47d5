import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installPreparedStatements, MAX_STATEMENTS } from './pglite-prepared.js';

/** Two databases with the same rows: PGlite's own query() and the prepared path, compared. */
let stock: PGlite;
let prepared: PGlite;

const SETUP = `
  DROP TABLE IF EXISTS t;
  CREATE TABLE t (id int PRIMARY KEY, name text, at timestamptz, doc jsonb, tags text[], ok boolean, price numeric, raw bytea);
  INSERT INTO t VALUES
    (1, 'Ани', '2026-03-02T06:00:00Z', '{"a":[1,2],"b":"x"}', '{one,"two words"}', true, 12.50, '\\x0102'),
    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL);`;

// Two databases for the file (each costs an initdb); the table is made afresh for every test.
beforeAll(async () => {
  stock = await PGlite.create();
  prepared = await PGlite.create();
  installPreparedStatements(prepared);
}, 120_000);
beforeEach(async () => {
  for (const db of [stock, prepared]) await db.exec(SETUP);
});
afterAll(async () => {
  await stock?.close();
  await prepared?.close();
});

const statementsIn = async (db: PGlite) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0]!.n;

describe('PGlite queries as named prepared statements', () => {
  it('answers exactly what PGlite answers: rows, fields and counts, in both row modes, parameters of every type', async () => {
    const cases: Array<[string, unknown[]]> = [
      ['SELECT * FROM t WHERE id = $1', [1]],
      ['SELECT * FROM t ORDER BY id', []],
      ['SELECT * FROM t WHERE at < $1 AND doc @> $2 AND $3 = ANY(tags) AND ok = $4', [new Date('2027-01-01T00:00:00Z'), { b: 'x' }, 'two words', true]],
      ['UPDATE t SET name = $1, doc = $2 WHERE id = ANY($3) RETURNING id, name, doc', ['Lilit', { c: [null] }, [1, 2]]],
      ['INSERT INTO t (id, name) VALUES ($1, $2), ($3, $4) ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING *', [3, null, 4, 'd']],
      ['DELETE FROM t WHERE id > $1', [2]],
    ];
    for (const [text, params] of cases) {
      for (const rowMode of ['object', 'array'] as const) {
        const a = await stock.query(text, params, { rowMode });
        const b = await prepared.query(text, params, { rowMode });
        expect(b, `${text} (${rowMode})`).toEqual(a);
      }
    }
  });

  it('parses and plans a statement once: the second call reuses it, and the backend keeps one per distinct text', async () => {
    await prepared.query('SELECT name FROM t WHERE id = $1', [1]);
    await prepared.query('SELECT name FROM t WHERE id = $1', [2]);
    await prepared.query('SELECT id FROM t WHERE id = $1', [1]);
    const names = await prepared.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements WHERE statement = ANY($1) ORDER BY statement', [['SELECT name FROM t WHERE id = $1', 'SELECT id FROM t WHERE id = $1', 'SELECT name FROM t WHERE id = $2']]);
    expect(names.rows.map((r) => r.statement)).toEqual(['SELECT id FROM t WHERE id = $1', 'SELECT name FROM t WHERE id = $1']);
    // PGlite's own path prepares nothing that stays.
    await stock.query('SELECT name FROM t WHERE id = $1', [1]);
    expect(await statementsIn(stock)).toBe(0);
  });

  it('keeps at most MAX_STATEMENTS prepared: ad-hoc texts do not grow the database', async () => {
    for (let i = 0; i < MAX_STATEMENTS + 20; i++) expect((await prepared.query<{ v: number }>(`SELECT ${i} AS v, $1::int AS w`, [i])).rows[0]!.v).toBe(i);
    expect(await statementsIn(prepared)).toBeLessThanOrEqual(MAX_STATEMENTS);
    // The most recent ones still answer.
    expect((await prepared.query<{ v: number }>(`SELECT ${MAX_STATEMENTS + 19} AS v, $1::int AS w`, [0])).rows[0]!.v).toBe(MAX_STATEMENTS + 19);
  });

  it('fails as PGlite fails: the database error with its code, and the database usable after', async () => {
    const err = await prepared.query('INSERT INTO t (id) VALUES ($1)', [1]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23505', query: 'INSERT INTO t (id) VALUES ($1)', params: [1] });
    const bad = await prepared.query('SELEC 1').catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: '42601' });
    expect((await prepared.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 2 }]);
  });

  it('works inside transactions: rolled back with them, committed with them, and an error aborts the transaction', async () => {
    await prepared.transaction(async (tx) => {
      await tx.query('UPDATE t SET name = $1 WHERE id = $2', ['kept', 1]);
    });
    await prepared.transaction(async (tx) => {
      await tx.query('UPDATE t SET name = $1 WHERE id = $2', ['undone', 2]);
      await tx.rollback();
    });
    await expect(prepared.transaction(async (tx) => {
      await tx.query('UPDATE t SET name = $1 WHERE id = $2', ['undone', 2]);
      await tx.query('INSERT INTO t (id) VALUES ($1)', [1]);
    })).rejects.toMatchObject({ code: '23505' });
    expect((await prepared.query('SELECT id, name FROM t ORDER BY id')).rows).toEqual([{ id: 1, name: 'kept' }, { id: 2, name: null }]);
  });

  it('keeps transactions apart: a query outside waits for a running transaction to end', async () => {
    const order: string[] = [];
    let outside!: Promise<{ rows: Array<{ name: string }> }>;
    await prepared.transaction(async (t) => {
      await t.query('UPDATE t SET name = $1 WHERE id = $2', ['in tx', 1]);
      outside = prepared.query<{ name: string }>('SELECT name FROM t WHERE id = $1', [1]).then((r) => (order.push('outside'), r));
      // More statements of the transaction after the outside query was asked: without the lock it
      // would run between them.
      for (let i = 0; i < 3; i++) await t.query('SELECT $1::int AS i', [i]);
      order.push('transaction ends');
    });
    expect((await outside).rows[0]!.name).toBe('in tx');
    expect(order).toEqual(['transaction ends', 'outside']);
  });

  it('prepares again after a table changed under a statement (PostgreSQL refuses the old plan: 0A000)', async () => {
    await prepared.query('SELECT * FROM t WHERE id = $1', [1]);
    await prepared.exec('ALTER TABLE t ADD COLUMN extra int');
    const after = await prepared.query<Record<string, unknown>>('SELECT * FROM t WHERE id = $1', [1]);
    expect(after.rows[0]).toHaveProperty('extra', null);
    // The stale statement is closed, not left behind.
    await prepared.query('SELECT 1 AS one', []);
    const left = await prepared.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = 'SELECT * FROM t WHERE id = $1'");
    expect(left.rows[0]!.n).toBe(1);
  });

  it('inside a transaction a stale plan fails that transaction, and the next one prepares afresh', async () => {
    await prepared.query('SELECT * FROM t WHERE id = $1', [1]);
    await prepared.exec('ALTER TABLE t ADD COLUMN extra int');
    await expect(prepared.transaction((tx) => tx.query('SELECT * FROM t WHERE id = $1', [1]))).rejects.toMatchObject({ code: '0A000' });
    const again = await prepared.transaction((tx) => tx.query<Record<string, unknown>>('SELECT * FROM t WHERE id = $1', [1]));
    expect(again.rows[0]).toHaveProperty('extra', null);
  });

  it('leaves options it does not reproduce to PGlite (e.g. a notice callback)', async () => {
    const notices: string[] = [];
    await prepared.query("DO $$ BEGIN RAISE NOTICE 'hello'; END $$", [], { onNotice: (n) => notices.push(n.message ?? '') });
    expect(notices).toEqual(['hello']);
  });
});
