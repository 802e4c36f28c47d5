/**
 * Many tenants on one PostgreSQL (issue 19), opt-in: `BENCH_ONLY=tenants npm run bench`.
 * On a fresh database, the HTTP bench's barber shop (20 staff, 5,000 bookings) is measured alone
 * ("small data"), then 10,000 businesses, 50,000 staff and BENCH_TENANT_BOOKINGS bookings
 * (default 20 million) are generated with generate_series, and the same barber shop is measured
 * again in the same run: `slots.find` and hold + confirm in-process (tRPC caller, config cache on),
 * median of 5 batches. The ratio is the figure (target ≤ 1.5×). EXPLAIN (generic plans, as
 * prepared) of every hot query on the big tables says which index each one reads.
 *
 * The load drops the bookings indexes and the exclusion constraint and builds them again after
 * the INSERT (one sorted build instead of 20 million index insertions), with foreign-key triggers
 * off for the bulk load (session_replication_role = replica: the rows are generated consistent).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg, setPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../src/adapters/db/client.js';
import { createCaller } from '../src/api/router.js';
import { manualClock } from '../src/ports/clock.js';
import { createConfigCache } from '../src/services/config-cache.js';
import type { Deps } from '../src/services/deps.js';
import { hotQueries } from '../test/support/hot-queries.js';
import { createBenchDatabase, seedLoad } from './http.js';
import { machineLine } from './report.js';

const BUSINESSES = 10_000;
const STAFF_PER_BUSINESS = 5;
const BATCH = 40;

const HOURS = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '09:00', end: '19:00' }]])));

type Caller = ReturnType<typeof createCaller>;

/** Median per-call wall and CPU (ms) of slots.find and of hold + confirm, over 5 batches. */
async function measure(caller: Caller, from: string, starts: string[], next: { i: number }, run: string) {
  const service = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut' };
  const findWall: number[] = [];
  const findCpu: number[] = [];
  const pairWall: number[] = [];
  const pairCpu: number[] = [];
  for (let batch = 0; batch < 6; batch++) {
    let t = performance.now();
    let c = process.cpuUsage();
    for (let k = 0; k < BATCH; k++) await caller.slots.find({ ...service, from, days: 7 });
    const fc = process.cpuUsage(c);
    const fw = performance.now() - t;
    t = performance.now();
    c = process.cpuUsage();
    let pairs = 0;
    for (let k = 0; k < BATCH / 2 && next.i < starts.length; k++) {
      const start = starts[next.i++]!;
      const hold = await caller.booking.hold({ ...service, start }).catch(() => undefined);
      if (!hold) continue;
      await caller.booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Bench Visitor', phone: '+1 212 555 0100' }, consent: true, lang: 'en', idempotencyKey: `tenants-${run}-${next.i}` });
      pairs++;
    }
    const pc = process.cpuUsage(c);
    const pw = performance.now() - t;
    if (batch === 0) continue; // warm-up
    findWall.push(fw / BATCH);
    findCpu.push((fc.user + fc.system) / 1000 / BATCH);
    pairWall.push(pw / Math.max(1, pairs));
    pairCpu.push((pc.user + pc.system) / 1000 / Math.max(1, pairs));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { findWall: median(findWall), findCpu: median(findCpu), pairWall: median(pairWall), pairCpu: median(pairCpu) };
}

/** "20M", "1.5m", "500k", "20_000_000", "20,000,000" → a whole count; undefined for anything else. */
export function parseCount(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replace(/[_,]/g, ''));
  if (!m || (m[2] === '' && m[1]!.includes('.'))) return undefined;
  const n = Math.round(Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]!) ? 1_000 : 1_000_000));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function bookingsToGenerate(): number {
  const raw = process.env.BENCH_TENANT_BOOKINGS ?? '20M';
  const n = parseCount(raw);
  if (n === undefined) throw new Error(`BENCH_TENANT_BOOKINGS: "${raw}" is not a count (examples: 20M, 500k, 2000000)`);
  return n;
}

/**
 * The heap order of the generated bookings. "live": day by day, every staff member of every
 * tenant each day, as a live table fills (a day's bookings of one salon are spread over the whole
 * table). "tenant": tenant by tenant, each staff member's days in time order, as after a bulk
 * import, a `CLUSTER` or pg_repack by business, or in a table partitioned by tenant. The rows are
 * the same; only where they lie differs — which decides how local the exclusion constraint's
 * GiST build is (SCALING.md, "What one PostgreSQL holds").
 */
export type Order = 'live' | 'tenant';

const ORDER_WORDS: Record<Order, string> = { live: 'day by day as a live table fills', tenant: 'tenant by tenant, each staff member in time order' };

export function parseOrder(text: string): Order | undefined {
  const t = text.trim().toLowerCase();
  return t === 'live' || t === 'tenant' ? t : undefined;
}

function orderToGenerate(): Order {
  const raw = process.env.BENCH_TENANT_ORDER ?? 'live';
  const order = parseOrder(raw);
  if (order === undefined) throw new Error(`BENCH_TENANT_ORDER: "${raw}" is not an order (live or tenant)`);
  return order;
}

/**
 * The FROM item that numbers the bookings: g (the booking), s (its staff member), k (its day),
 * with g = k × staff + s in both orders, so both orders generate the same rows. For "tenant" the
 * days are a function of the staff member (LATERAL), which makes the staff member the outer loop.
 */
export function bookingNumbers(order: Order, count: number, staffCount: number): string {
  if (order === 'live') return `(SELECT g, g % ${staffCount} AS s, g / ${staffCount} AS k FROM generate_series(0, ${count - 1}) g) n`;
  const days = Math.ceil(count / staffCount);
  return `(SELECT k * ${staffCount} + s AS g, s, k FROM generate_series(0, ${staffCount - 1}) s, LATERAL generate_series(0, ${days - 1} + 0 * s) k WHERE k * ${staffCount} + s < ${count}) n`;
}

/** What the generation left in the database's comment, for a later measurement (BENCH_TENANT_REUSE=1). */
interface Generated {
  today: string;
  bookings: number;
  steps: Array<[string, number, number]>;
  settings: string;
  /** Absent in what generations before the order existed left: those were "live". */
  order?: Order;
}

/**
 * Lowers this process and the generating PostgreSQL backend to nice 19 (BENCH_TENANT_NICE), so the
 * minutes of index building yield the shared machine's cores to everyone else. Needs the right to
 * renice the backend (root, or the same user as PostgreSQL); says so when it cannot.
 */
async function lowerPriority(c: pg.Client): Promise<string> {
  const nice = Number(process.env.BENCH_TENANT_NICE ?? 19);
  const backend = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  try {
    setPriority(0, nice);
    setPriority(backend, nice);
    return `node and its PostgreSQL backend at nice ${nice}`;
  } catch (e) {
    return `nice ${nice} refused (${(e as Error).message}): ran at normal priority`;
  }
}

/** The generator: businesses, sites, services, staff, who does what, bookings. Returns [step, wall s, backend CPU s]. */
async function generate(c: pg.Client): Promise<Generated> {
  const bookingsCount = bookingsToGenerate();
  const order = orderToGenerate();
  const steps: Generated['steps'] = [];
  const cpu = async () => (await c.query<{ s: string }>(`SELECT pg_backend_pid()::text AS s`)).rows[0]!.s;
  const pid = await cpu();
  // The backend's CPU seconds (utime + stime from /proc), when PostgreSQL runs on this machine.
  const backendCpu = () => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return Number.NaN;
    }
  };
  const step = async (label: string, ...sqls: string[]) => {
    const t = performance.now();
    const c0 = backendCpu();
    for (const q of sqls) await c.query(q);
    steps.push([label, (performance.now() - t) / 1000, backendCpu() - c0]);
    console.log(`tenants: ${label}: ${steps.at(-1)![1].toFixed(1)} s wall, ${steps.at(-1)![2].toFixed(1)} s backend CPU`);
  };
  const staffCount = BUSINESSES * STAFF_PER_BUSINESS;
  const priority = await lowerPriority(c);
  // Sorts for the b-tree builds in memory; no parallel maintenance workers (they would run at
  // normal priority, and there are two cores); the GiST build chooses buffering itself.
  const mwm = process.env.BENCH_TENANT_MWM ?? '2GB';
  await c.query(`SET maintenance_work_mem = '${mwm.replace(/[^\w]/g, '')}'`);
  await c.query(`SET max_parallel_maintenance_workers = 0`);
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET session_replication_role = replica`);
  await step(
    `${BUSINESSES.toLocaleString('en')} businesses, sites, services`,
    `INSERT INTO businesses (id, name, time_zone, currency, default_lang, languages, opening_hours)
     SELECT 'tb-' || b, 'Tenant ' || b, 'Europe/Moscow', 'RUB', 'ru', '["ru"]', '${HOURS}'::jsonb FROM generate_series(1, ${BUSINESSES}) b`,
    `INSERT INTO sites (id, business_id, site_key, allowed_origins, widget)
     SELECT 'ts-' || b, 'tb-' || b, 'tenant-' || b, '[]', '{}' FROM generate_series(1, ${BUSINESSES}) b`,
    `INSERT INTO services (id, business_id, names, duration_min, price_min, currency)
     SELECT 'tsv-' || b, 'tb-' || b, '{"ru":"Стрижка"}', 30, 1000, 'RUB' FROM generate_series(1, ${BUSINESSES}) b`,
  );
  await step(
    `${staffCount.toLocaleString('en')} staff`,
    `INSERT INTO staff (id, business_id, name, weekly_hours, sort)
     SELECT 'tst-' || s, 'tb-' || (s / ${STAFF_PER_BUSINESS} + 1), 'Staff ' || s, '${HOURS}'::jsonb, s % ${STAFF_PER_BUSINESS} FROM generate_series(0, ${staffCount - 1}) s`,
    `INSERT INTO service_staff (business_id, service_id, staff_id)
     SELECT 'tb-' || (s / ${STAFF_PER_BUSINESS} + 1), 'tsv-' || (s / ${STAFF_PER_BUSINESS} + 1), 'tst-' || s FROM generate_series(0, ${staffCount - 1}) s`,
  );
  // Rebuilt after the load from their own definitions, whatever the migrations made them. The
  // primary key stays (other tables' foreign keys reference it).
  const indexes = (await c.query<{ def: string; name: string }>(`SELECT indexdef AS def, indexname AS name FROM pg_indexes WHERE tablename = 'bookings' AND indexname NOT IN ('bookings_pkey', 'bookings_no_overlap')`)).rows;
  const exclusion = (await c.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'bookings_no_overlap'`)).rows[0]!.def;
  await c.query(`ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap`);
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);
  // One booking per staff member and day (at a varying hour), from 300 days ago on: the past is
  // attended, the future confirmed, every tenth cancelled. The same rows in either heap order.
  await step(
    `${bookingsCount.toLocaleString('en')} bookings (INSERT, ${ORDER_WORDS[order]})`,
    `INSERT INTO bookings (id, business_id, service_id, staff_id, status, starts_at, ends_at, occupied_from, occupied_to, created_at, updated_at)
     SELECT 'tbk-' || g, 'tb-' || (s / ${STAFF_PER_BUSINESS} + 1), 'tsv-' || (s / ${STAFF_PER_BUSINESS} + 1), 'tst-' || s,
            CASE WHEN g % 10 = 0 THEN 'cancelled' WHEN k < 300 THEN 'attended' ELSE 'confirmed' END,
            t, t + interval '30 minutes', t, t + interval '30 minutes', t - interval '7 days', t - interval '7 days'
     FROM ${bookingNumbers(order, bookingsCount, staffCount)},
          LATERAL (SELECT date_trunc('day', now()) - interval '300 days' + k * interval '1 day' + (6 + (s + k) % 9) * interval '1 hour' AS t) y`,
  );
  await c.query(`SET session_replication_role = origin`);
  for (const i of indexes) await step(`index ${i.name} (b-tree)`, i.def);
  // Last: the build scans the table once more and probes the new index for every row (the check).
  await step('exclusion constraint bookings_no_overlap (GiST build + check)', `ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap ${exclusion}`);
  await step('VACUUM ANALYZE bookings (visibility map, statistics)', 'VACUUM ANALYZE bookings');
  await step('ANALYZE (the other tables)', 'ANALYZE');
  return { today: '', bookings: bookingsCount, order, steps, settings: `${priority}; maintenance_work_mem ${mwm}, no parallel maintenance workers, synchronous_commit off, foreign-key triggers off for the load` };
}

/** EXPLAIN (ANALYZE for reads) of each hot query for one generated tenant: the indexes it reads and its time. */
async function explainAll(c: pg.Client, today: Date): Promise<string[]> {
  const day = new Date(today.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  const queries = hotQueries({ businessId: 'tb-5000', serviceId: 'tsv-5000', staffIds: ['tst-24995', 'tst-24996', 'tst-24997', 'tst-24998', 'tst-24999'], day });
  const out: string[] = [];
  await c.query('SET plan_cache_mode = force_generic_plan');
  for (const [name, q] of Object.entries(queries)) {
    await c.query(`PREPARE hot AS ${q.text}`);
    const args = q.args.map((v) => (v === null ? 'NULL' : c.escapeLiteral(v))).join(', ');
    const plan = (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${q.writes ? 'COSTS OFF' : 'ANALYZE, COSTS OFF'}) EXECUTE hot(${args})`)).rows.map((r) => r['QUERY PLAN']);
    await c.query('DEALLOCATE hot');
    const used = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: using)? (?:on )?(\w+)/g)].map((m) => m[1]!)))];
    const seq = plan.filter((l) => /Seq Scan on/.test(l)).map((l) => l.trim().replace(/^->\s*/, ''));
    const time = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '');
    out.push(`| ${name} | ${used.map((u) => `\`${u}\``).join(', ') || '—'} | ${seq.length ? seq.join('; ') : 'none'} | ${time ?? '(write: planned, not run)'} |`);
  }
  return out;
}

const DB_NAME = (process.env.BENCH_TENANT_DB ?? 'tenants_bench').replace(/[^\w]/g, '');

function dbUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Creates BENCH_TENANT_DB (default tenants_bench) afresh, migrates it, seeds the barber shop and
 * generates the tenants at low priority; what it did goes into the database's comment, so the
 * measurement can run later on it (BENCH_TENANT_REUSE=1). The database is kept.
 */
export async function generateTenants(): Promise<Generated> {
  await onAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB_NAME}`);
  });
  const today = new Date();
  const database = await openDatabase({ kind: 'postgres', url: dbUrl(DB_NAME), poolSize: 1 });
  await seedLoad(database, today);
  await database.close();
  const c = new pg.Client({ connectionString: dbUrl(DB_NAME) });
  await c.connect();
  try {
    // Autovacuum would vacuum the new rows at normal priority: the generator does it itself, niced.
    await c.query('ALTER TABLE bookings SET (autovacuum_enabled = false)');
    const generated = { ...(await generate(c)), today: today.toISOString() };
    await c.query('ALTER TABLE bookings RESET (autovacuum_enabled)');
    await c.query(`COMMENT ON DATABASE ${DB_NAME} IS ${c.escapeLiteral(JSON.stringify(generated))}`);
    return generated;
  } finally {
    await c.end();
  }
}

async function readGenerated(): Promise<Generated | undefined> {
  return onAdmin(async (c) => {
    const row = (await c.query<{ d: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`, [DB_NAME])).rows[0];
    return row?.d ? (JSON.parse(row.d) as Generated) : undefined;
  });
}

/** The barber shop's figures on one database: slots.find and hold + confirm, in-process. */
async function measureShop(database: Database, today: Date, run: string) {
  const deps: Deps = { db: database.db, clock: manualClock(today.toISOString()), secret: 'bench-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000', configCache: createConfigCache() };
  const caller = createCaller({ deps, origin: undefined, ip: '127.0.0.1' });
  const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  const { slots } = await caller.slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from, days: 28 });
  // Distinct starts spread over the month, so every hold finds its slot free.
  const starts = [...new Set(slots.map((s) => s.start))].filter((_, i) => i % 3 === 0);
  return measure(caller, from, starts, { i: 0 }, run);
}

const sizeBytes = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(0)} MiB`);

/**
 * Many tenants (opt-in): generates BENCH_TENANT_DB (or, with BENCH_TENANT_REUSE=1, uses the one a
 * `npx tsx bench/tenants.ts generate` left), measures the barber shop on a fresh small database and
 * on the generated one in the same run, explains the hot queries, and drops the generated database
 * unless BENCH_TENANT_KEEP=1.
 */
export async function runTenantsBench(): Promise<string> {
  const title = '## Many tenants on one PostgreSQL';
  if (!process.env.DATABASE_URL) return `${title}\n\nNot run: set DATABASE_URL (PostgreSQL) to measure.`;
  const reuse = process.env.BENCH_TENANT_REUSE === '1';
  const generated = reuse ? await readGenerated() : await generateTenants();
  if (!generated) throw new Error(`BENCH_TENANT_REUSE=1: no generated database ${DB_NAME} (run \`npx tsx bench/tenants.ts generate\` first)`);
  // The measurement runs at normal priority (it is timed), whatever the generation ran at.
  if (!reuse) setPriority(0, 0);
  const today = new Date(generated.today);
  const run = randomBytes(4).toString('hex');
  const loadBefore = loadavg();
  const smallDb = await createBenchDatabase();
  let small: Awaited<ReturnType<typeof measure>>;
  try {
    await seedLoad(smallDb.database, today);
    await smallDb.database.pool!.query('ANALYZE');
    small = await measureShop(smallDb.database, today, run);
  } finally {
    await smallDb.drop();
  }
  const database = await openDatabase({ kind: 'postgres', url: dbUrl(DB_NAME), poolSize: 5 });
  const c = new pg.Client({ connectionString: dbUrl(DB_NAME) });
  await c.connect();
  try {
    const big = await measureShop(database, today, run);
    const explain = await explainAll(c, today);
    const loadAfter = loadavg();
    const size = (await c.query<{ db: string; n: string; table: string; indexes: string }>(`SELECT pg_database_size(current_database())::text AS db, (SELECT count(*) FROM bookings)::text AS n,
       pg_table_size('bookings')::text AS table, pg_indexes_size('bookings')::text AS indexes`)).rows[0]!;
    const perIndex = (await c.query<{ name: string; b: string }>(`SELECT indexrelid::regclass::text AS name, pg_relation_size(indexrelid)::text AS b FROM pg_index WHERE indrelid = 'bookings'::regclass ORDER BY pg_relation_size(indexrelid) DESC`)).rows;
    const n = Number(size.n);
    const total = generated.steps.reduce((a, [, w]) => a + w, 0);
    const totalCpu = generated.steps.reduce((a, [, , cpu]) => a + cpu, 0);
    const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
    return [
      title,
      '',
      `Machine: ${machineLine()}; load average (1/5/15 min) ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} before the measurement, ${loadAfter.map((x) => x.toFixed(1)).join(' / ')} after (2 cores shared with other engineers' work).`,
      '',
      `\`BENCH_ONLY=tenants npm run bench\` (bench/tenants.ts, opt-in; size with BENCH_TENANT_BOOKINGS, default 20M). It can run in two parts: \`npx tsx bench/tenants.ts generate\` (the long part, at low priority), then \`BENCH_TENANT_REUSE=1 BENCH_ONLY=tenants npm run bench\` (the measurement, a few minutes). Generated with generate_series in its own database (${DB_NAME}) on ${generated.today.slice(0, 16).replace('T', ' ')} UTC: ${BUSINESSES.toLocaleString('en')} businesses (a site and a service each), ${(BUSINESSES * STAFF_PER_BUSINESS).toLocaleString('en')} staff, **${n.toLocaleString('en')} bookings in total** (${generated.bookings.toLocaleString('en')} generated: one per staff member and day from 300 days before on, ${ORDER_WORDS[generated.order ?? 'live']}; every tenth cancelled). On disk: database ${sizeBytes(Number(size.db))}; bookings ${sizeBytes(Number(size.table))} (${(Number(size.table) / n).toFixed(0)} bytes a row) plus ${sizeBytes(Number(size.indexes))} of indexes (${(Number(size.indexes) / n).toFixed(0)} bytes a row): ${perIndex.map((i) => `${i.name} ${sizeBytes(Number(i.b))}`).join(', ')}.`,
      '',
      `Generation took **${(total / 60).toFixed(1)} min** wall, ${(totalCpu / 60).toFixed(1)} min of the PostgreSQL backend's CPU (${generated.settings}; indexes dropped for the load and built after it, the exclusion constraint last). Wall time here is mostly waiting for the CPU at low priority; the CPU column is the work:`,
      '',
      ...(generated.bookings < 20_000_000
        ? [`Not the issue's 20 million: a smaller run (BENCH_TENANT_BOOKINGS). SCALING.md, "What one PostgreSQL holds", has the CPU per step at 1 M, 5 M and 20 M, the exclusion constraint's build before and after it was keyed on a hash of the staff id first (drizzle/0035), and the options tried.`, '']
        : []),
      '| step | wall s | backend CPU s |',
      '|---|---:|---:|',
      ...generated.steps.map(([label, w, cpu]) => `| ${label} | ${w.toFixed(1)} | ${Number.isFinite(cpu) ? cpu.toFixed(1) : '—'} |`),
      '',
      'The barber shop (20 staff, 5,000 bookings) measured in-process (tRPC caller, config cache on; median of 5 batches of 40 searches and 20 pairs), on a fresh database of its own ("small data") and then among all those tenants, in the same run:',
      '',
      '| per call | small data | with the tenants | ratio (target ≤ 1.5×) |',
      '|---|---:|---:|---:|',
      `| \`slots.find\` "anyone" of 20, 7 days, wall | ${small.findWall.toFixed(2)} ms | ${big.findWall.toFixed(2)} ms | ${ratio(small.findWall, big.findWall)} |`,
      `| \`slots.find\` service CPU | ${small.findCpu.toFixed(2)} ms | ${big.findCpu.toFixed(2)} ms | ${ratio(small.findCpu, big.findCpu)} |`,
      `| hold + confirm, wall | ${small.pairWall.toFixed(2)} ms | ${big.pairWall.toFixed(2)} ms | ${ratio(small.pairWall, big.pairWall)} |`,
      `| hold + confirm, service CPU | ${small.pairCpu.toFixed(2)} ms | ${big.pairCpu.toFixed(2)} ms | ${ratio(small.pairCpu, big.pairCpu)} |`,
      '',
      'EXPLAIN of every hot query for one generated tenant (5 staff; generic plans, as the service prepares them; reads with ANALYZE). `test/hot-query-plans.test.ts` checks the same plans on every run (PGlite and PostgreSQL).',
      '',
      '| query | indexes read | sequential scans | execution time |',
      '|---|---|---|---:|',
      ...explain,
    ].join('\n');
  } finally {
    await c.end();
    await database.close();
    if (process.env.BENCH_TENANT_KEEP !== '1') await onAdmin((a) => a.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
  }
}

// `npx tsx bench/tenants.ts generate`: only the generation (kept for BENCH_TENANT_REUSE=1).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === 'generate') {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (PostgreSQL) is required');
  const g = await generateTenants();
  console.log(`tenants: ${DB_NAME} generated, ${g.bookings.toLocaleString('en')} bookings, ${(g.steps.reduce((a, [, w]) => a + w, 0) / 60).toFixed(1)} min`);
}
