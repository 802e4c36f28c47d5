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
import { loadavg } from 'node:os';
import pg from 'pg';
import { createCaller } from '../src/api/router.js';
import { manualClock } from '../src/ports/clock.js';
import { createConfigCache } from '../src/services/config-cache.js';
import type { Deps } from '../src/services/deps.js';
import { hotQueries } from '../test/support/hot-queries.js';
import { createBenchDatabase, seedLoad } from './http.js';
import { machineLine } from './report.js';

const BUSINESSES = 10_000;
const STAFF_PER_BUSINESS = 5;
const BOOKINGS = Number(process.env.BENCH_TENANT_BOOKINGS ?? 20_000_000);
const BATCH = 40;

const HOURS = JSON.stringify(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '09:00', end: '19:00' }]])));

type Caller = ReturnType<typeof createCaller>;

/** Median per-call wall and CPU (ms) of slots.find and of hold + confirm, over 5 batches. */
async function measure(caller: Caller, from: string, starts: string[], next: { i: number }) {
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
      await caller.booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Bench Visitor', phone: '+1 212 555 0100' }, consent: true, lang: 'en', idempotencyKey: `tenants-${next.i}` });
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

/** The generator: businesses, sites, services, staff, who does what, bookings. Returns seconds per step. */
async function generate(c: pg.Client): Promise<Array<[string, number]>> {
  const steps: Array<[string, number]> = [];
  const step = async (label: string, ...sqls: string[]) => {
    const t = performance.now();
    for (const q of sqls) await c.query(q);
    steps.push([label, (performance.now() - t) / 1000]);
  };
  const staffCount = BUSINESSES * STAFF_PER_BUSINESS;
  await c.query(`SET maintenance_work_mem = '512MB'`);
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
  // Rebuilt after the load from their own definitions, whatever the migrations made them.
  const indexes = (await c.query<{ def: string; name: string }>(`SELECT indexdef AS def, indexname AS name FROM pg_indexes WHERE tablename = 'bookings' AND indexname NOT IN ('bookings_pkey', 'bookings_no_overlap')`)).rows;
  const exclusion = (await c.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'bookings_no_overlap'`)).rows[0]!.def;
  await c.query(`ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap`);
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);
  // One booking per staff member and day (at a varying hour), from 300 days ago on: the past is
  // attended, the future confirmed, every tenth cancelled.
  await step(
    `${BOOKINGS.toLocaleString('en')} bookings (INSERT)`,
    `INSERT INTO bookings (id, business_id, service_id, staff_id, status, starts_at, ends_at, occupied_from, occupied_to, created_at, updated_at)
     SELECT 'tbk-' || g, 'tb-' || (s / ${STAFF_PER_BUSINESS} + 1), 'tsv-' || (s / ${STAFF_PER_BUSINESS} + 1), 'tst-' || s,
            CASE WHEN g % 10 = 0 THEN 'cancelled' WHEN k < 300 THEN 'attended' ELSE 'confirmed' END,
            t, t + interval '30 minutes', t, t + interval '30 minutes', t - interval '7 days', t - interval '7 days'
     FROM generate_series(0, ${BOOKINGS - 1}) g,
          LATERAL (SELECT g % ${staffCount} AS s, g / ${staffCount} AS k) x,
          LATERAL (SELECT date_trunc('day', now()) - interval '300 days' + k * interval '1 day' + (6 + (s + k) % 9) * interval '1 hour' AS t) y`,
  );
  await c.query(`SET session_replication_role = origin`);
  await step(`bookings indexes (${indexes.length} b-tree)`, ...indexes.map((i) => i.def));
  await step('exclusion constraint (GiST, staff × occupied range)', `ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap ${exclusion}`);
  await step('ANALYZE', 'ANALYZE');
  return steps;
}

/** EXPLAIN (ANALYZE for reads) of each hot query for one generated tenant: the indexes it reads and its time. */
async function explainAll(c: pg.Client): Promise<string[]> {
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
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

export async function runTenantsBench(): Promise<string> {
  const title = '## Many tenants on one PostgreSQL';
  if (!process.env.DATABASE_URL) return `${title}\n\nNot run: set DATABASE_URL (PostgreSQL) to measure.`;
  const { database, url, drop } = await createBenchDatabase();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const loadBefore = loadavg();
  try {
    const today = new Date();
    await seedLoad(database, today);
    const deps: Deps = { db: database.db, clock: manualClock(today.toISOString()), secret: 'bench-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000', configCache: createConfigCache() };
    const caller = createCaller({ deps, origin: undefined, ip: '127.0.0.1' });
    const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    const { slots } = await caller.slots.find({ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from, days: 28 });
    // Distinct starts spread over the month, so every hold finds its slot free.
    const starts = [...new Set(slots.map((s) => s.start))].filter((_, i) => i % 3 === 0);
    const next = { i: 0 };
    const small = await measure(caller, from, starts, next);
    const t0 = performance.now();
    const steps = await generate(c);
    const total = (performance.now() - t0) / 1000;
    const size = (await c.query<{ b: string; n: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS b, (SELECT count(*) FROM bookings)::text AS n,
       (pg_table_size('bookings') / greatest(1, (SELECT count(*) FROM bookings)))::text AS row_bytes,
       (pg_indexes_size('bookings') / greatest(1, (SELECT count(*) FROM bookings)))::text AS index_bytes`)).rows[0]! as { b: string; n: string; row_bytes: string; index_bytes: string };
    const big = await measure(caller, from, starts, next);
    const explain = await explainAll(c);
    const loadAfter = loadavg();
    const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
    return [
      title,
      '',
      `Machine: ${machineLine()}; load average (1/5/15 min) ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} before, ${loadAfter.map((x) => x.toFixed(1)).join(' / ')} after (2 cores shared with other engineers' work).`,
      '',
      `\`BENCH_ONLY=tenants npm run bench\` (bench/tenants.ts, opt-in; size with BENCH_TENANT_BOOKINGS, default 20,000,000). Generated with generate_series on one fresh database: ${BUSINESSES.toLocaleString('en')} businesses (a site and a service each), ${(BUSINESSES * STAFF_PER_BUSINESS).toLocaleString('en')} staff, **${Number(size.n).toLocaleString('en')} bookings in total** (one per staff member and day from 300 days ago; this run's size: ${BOOKINGS.toLocaleString('en')} generated); database ${size.b}, bookings ${size.row_bytes} bytes a row plus ${size.index_bytes} bytes in its indexes. Generation took **${(total / 60).toFixed(1)} min**:`,
      '',
      '| step | seconds |',
      '|---|---:|',
      ...steps.map(([label, s]) => `| ${label} | ${s.toFixed(1)} |`),
      '',
      'The barber shop (20 staff, 5,000 bookings) measured in-process (tRPC caller, config cache on; median of 5 batches), alone and then among all those tenants, in the same run:',
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
    await drop();
  }
}
