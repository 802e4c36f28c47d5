/**
 * Named prepared statements for the embedded database (issue 13: a conversation turn's p99).
 *
 * PGlite's own `query()` parses, describes and plans every statement again, in six separate calls
 * into its WebAssembly PostgreSQL (Parse, Describe, Bind, Describe, Execute, Sync). On a turn's
 * primary-key read that was ~0.3 ms of the service's single thread for ~0.07 ms of work. Here a
 * statement text is parsed once per database (Parse + Describe, to learn its parameter types),
 * and every later call is ONE call into PostgreSQL: Bind + Describe + Execute + Sync on the
 * named statement — what `pg` does on a server for a named query. Results go through PGlite's
 * own result parser, so rows, fields and affectedRows are exactly what `query()` returns.
 *
 * `install` swaps the instance's `query` (and its transactions' `query`) for this path; `exec`,
 * COPY (a blob) and everything else stay PGlite's. The locks are PGlite's: outside a transaction
 * a query waits for any transaction to end, inside one it only takes the query lock.
 */
import { parse, protocol, types, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

const { serialize } = protocol;
type BackendMessage = Parameters<typeof parse.parseResults>[0][number];
type Parser = (value: string, typeId: number) => unknown;

/** Distinct statement texts kept prepared; the oldest is closed beyond it (ad-hoc SQL must not grow the backend). */
export const MAX_STATEMENTS = 256;

/** "cached plan must not change result type": a table changed under a prepared statement. */
const PLAN_CHANGED = '0A000';

interface Statement {
  name: string;
  paramTypes: number[];
}

/** The private parts of PGlite this leans on (its locks and type tables); checked at install. */
interface PGliteInternals {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  serializers: Record<number, (v: unknown) => string>;
  parsers: Record<number, Parser>;
}

type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The statement's result, as PGlite's `parseResults` makes it (first statement) — without its
 * copy of every type's parser (~300) merged with the caller's on each query: here a column's
 * parser is looked up once per result, not once per value.
 */
function resultOf<T>(messages: BackendMessage[], defaults: Record<number, Parser>, options: QueryOptions | undefined): Results<T> {
  let fields: Array<{ name: string; dataTypeID: number }> = [];
  let parsers: Array<Parser | undefined> = [];
  const rows: unknown[] = [];
  const asArray = options?.rowMode === 'array';
  const own = options?.parsers as Record<number, Parser> | undefined;
  for (const m of messages) {
    if (m.name === 'rowDescription') {
      fields = (m as InstanceType<typeof protocol.messages.RowDescriptionMessage>).fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
      parsers = fields.map((f) => own?.[f.dataTypeID] ?? defaults[f.dataTypeID] ?? (types.parsers as Record<number, Parser>)[f.dataTypeID]);
    } else if (m.name === 'dataRow') {
      const values = (m as InstanceType<typeof protocol.messages.DataRowMessage>).fields.map((v, i) => (v === null ? null : parsers[i] ? parsers[i](v, fields[i]!.dataTypeID) : v));
      rows.push(asArray ? values : Object.fromEntries(values.map((v, i) => [fields[i]!.name, v])));
    } else if (m.name === 'commandComplete') {
      const words = (m as InstanceType<typeof protocol.messages.CommandCompleteMessage>).text.split(' ');
      const command = words[0]!;
      const count = parseInt(words.at(-1)!, 10);
      const affectedRows = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command) ? count : 0;
      return { rows, fields, command, affectedRows, ...(Number.isNaN(count) ? {} : { rowCount: count }) } as Results<T>;
    }
  }
  return { affectedRows: 0, rows: [], fields: [] };
}

/** Options this path reproduces; anything else (a blob, onNotice…) goes to PGlite's own query. */
const HANDLED = new Set(['rowMode', 'parsers', 'serializers', 'paramTypes']);
const handled = (o: QueryOptions | undefined) => !o || Object.keys(o).every((k) => HANDLED.has(k));

/** Makes `db`'s queries (and its transactions' queries) run as named prepared statements. */
export function installPreparedStatements(db: PGlite): void {
  const inner = db as unknown as PGliteInternals;
  for (const m of ['_checkReady', '_runExclusiveTransaction', '_runExclusiveQuery'] as const) {
    if (typeof inner[m] !== 'function') throw new Error(`PGlite changed: no ${m}; pglite-prepared.ts needs updating`);
  }
  // Insertion order = age: a hit is re-inserted, so the first key is the least recently used.
  const statements = new Map<string, Statement>();
  let next = 0;

  const run = async (bytes: Uint8Array) => (await db.execProtocol(bytes, { syncToFs: false })).messages;

  /** One statement per text and the parameter types the caller fixed. */
  const keyOf = (text: string, options: QueryOptions | undefined) => (options?.paramTypes ? `${options.paramTypes.join(',')}|${text}` : text);

  async function prepare(text: string, options: QueryOptions | undefined): Promise<Statement> {
    const key = keyOf(text, options);
    const known = statements.get(key);
    if (known) {
      statements.delete(key);
      statements.set(key, known);
      return known;
    }
    const name = `fd_${next++}`;
    const closes = stale.splice(0).map((n) => serialize.close({ type: 'S', name: n }));
    const messages = await run(concat([...closes, serialize.parse({ name, text, types: options?.paramTypes ?? [] }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    statements.set(key, statement);
    if (statements.size > MAX_STATEMENTS) {
      const [oldKey, old] = statements.entries().next().value as [string, Statement];
      statements.delete(oldKey);
      await run(concat([serialize.close({ type: 'S', name: old.name }), serialize.sync()]));
    }
    return statement;
  }

  /** Drops a statement whose plan went stale; its name is closed with the next statement's Parse. */
  const stale: string[] = [];
  function forget(text: string, options: QueryOptions | undefined) {
    const key = keyOf(text, options);
    const old = statements.get(key);
    if (old) stale.push(old.name);
    statements.delete(key);
  }

  /** One statement, under the caller's lock: Bind + Describe + Execute + Sync in one call. */
  async function execute<T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const statement = await prepare(text, options);
    // As PGlite serialises a parameter: by the type PostgreSQL inferred for it.
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const type = statement.paramTypes[i]!;
      const s = options?.serializers?.[type] ?? inner.serializers[type];
      // As PGlite does: a value without a serialiser for its type is sent as its string.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- PGlite sends it so too (its query())
      return s ? s(v) : String(v);
    });
    try {
      const messages = await run(concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]));
      return resultOf<T>(messages, inner.parsers, options);
    } catch (err) {
      // A schema change under the statement: prepared again on the next call (outside a
      // transaction, that is at once: see `query`).
      if ((err as { code?: string }).code === PLAN_CHANGED) forget(text, options);
      throw Object.assign(err as Error, { query: text, params, queryOptions: options });
    }
  }

  const own: Query = db.query.bind(db) as Query;
  const query: Query = async <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
    if (!handled(options)) return own<T>(text, params, options);
    await inner._checkReady();
    const once = () => inner._runExclusiveTransaction(() => inner._runExclusiveQuery(() => execute<T>(text, params, options)));
    // Outside a transaction nothing was aborted: a statement whose plan a schema change made stale
    // is prepared again and run once more. (Inside one, the caller's transaction fails as before.)
    return once().catch((err: unknown): Promise<Results<T>> => ((err as { code?: string }).code === PLAN_CHANGED ? once() : Promise.reject(err as Error)));
  };
  const inTransaction = (tx: Transaction): Transaction => {
    const txOwn = tx.query.bind(tx) as Query;
    tx.query = (async <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
      if (!handled(options)) return txOwn<T>(text, params, options);
      if (tx.closed) throw new Error('Transaction is closed');
      return inner._runExclusiveQuery(() => execute<T>(text, params, options));
    }) as Transaction['query'];
    return tx;
  };
  const transaction = db.transaction.bind(db);
  db.query = query;
  db.transaction = (<T>(fn: (tx: Transaction) => Promise<T>) => transaction((tx) => fn(inTransaction(tx))));
}
