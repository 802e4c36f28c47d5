/**
 * `slots.find` over HTTP on loopback, driven at a fixed rate (bench/open-loop.ts) against the real
 * service started as a separate process (`node --import tsx src/main.ts`), on PGlite and — when
 * DATABASE_URL is set — on a fresh PostgreSQL database. The barber business gets 20 staff and
 * 5,000 existing bookings before the service starts.
 */
import type { WeeklyHours } from '@frontdesk/shared';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openLoop } from './open-loop.js';
import pg from 'pg';
import { openDatabase, textArray, type Database } from '../src/adapters/db/client.js';
import { SCHEDULE_SQL } from '../src/services/schedule.js';
import { bookings, serviceStaff, staff } from '../src/adapters/db/schema.js';
import { seedDemo } from '../src/seed/demo.js';
import { startService, type RunningService } from '../test/support/spawn-service.js';
import { machineLine } from './report.js';

const RATE = 200; // requests per second, the target load
const DURATION_S = 15;
const TARGET_P99_MS = 25;
const BUSINESS = 'biz-barber-nyc';
const SERVICE = 'barber-haircut';
const STAFF_COUNT = 20;
const BOOKING_COUNT = 5_000;
const DAYS = 60;

/** The 3 demo barbers plus 17 more, all doing haircuts 09:00–19:00 every day, and 5,000 bookings over the next 60 days. */
export async function seedLoad(database: Database, today: Date): Promise<void> {
  await seedDemo(database.db);
  const everyDay: WeeklyHours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '09:00', end: '19:00' }]]));
  const extra = Array.from({ length: STAFF_COUNT - 3 }, (_, i) => ({ id: `bench-staff-${i + 1}`, businessId: BUSINESS, name: `Bench ${i + 1}`, weeklyHours: everyDay, sort: 10 + i }));
  await database.db.insert(staff).values(extra);
  await database.db.insert(serviceStaff).values(extra.map((s) => ({ businessId: BUSINESS, serviceId: SERVICE, staffId: s.id })));
  const staffIds = ['barber-marcus', 'barber-diego', 'barber-sam', ...extra.map((s) => s.id)];
  // Up to 5 half-hour bookings per staff and day, 2 h apart from 14:00Z (New York late morning on).
  const day0 = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
  const rows: Array<typeof bookings.$inferInsert> = [];
  for (let n = 0; rows.length < BOOKING_COUNT; n++) {
    const staffId = staffIds[n % STAFF_COUNT]!;
    const slot = Math.floor(n / STAFF_COUNT);
    const day = slot % DAYS;
    const hour = 14 + 2 * Math.floor(slot / DAYS);
    const start = new Date(day0 + day * 86_400_000 + hour * 3_600_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    rows.push({ id: randomUUID(), businessId: BUSINESS, serviceId: SERVICE, staffId, status: 'confirmed', startsAt: start, endsAt: end, occupiedFrom: start, occupiedTo: end });
  }
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(bookings).values(rows.slice(i, i + 500));
}

export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Run {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  rssLoad: number;
  /** CPU time (user + system) the service process spent per request: what load on the machine does not change much. */
  cpuMsPerRequest: number;
}

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function drive(svc: RunningService, label: string, input: object): Promise<Run> {
  const url = `${svc.url}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify(input))}`;
  // Warm up: JIT, connection pool, query plans.
  for (let i = 0; i < 50; i++) await (await fetch(url)).arrayBuffer();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(svc.child.pid!))), 250);
  const cpuBefore = cpuMs(svc.child.pid!);
  const result = await openLoop(url, { rate: RATE, durationS: Number(process.env.BENCH_SECONDS ?? DURATION_S) });
  clearInterval(sampler);
  const cpuMsPerRequest = (cpuMs(svc.child.pid!) - cpuBefore) / Math.max(1, result.requests);
  return {
    cpuMsPerRequest,
    label,
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    max: result.max,
    non2xx: result.non2xx,
    errors: result.errors,
    rssLoad: peak,
  };
}

/** A fresh, migrated, empty PostgreSQL database on DATABASE_URL's server, and how to drop it. */
export async function createBenchDatabase(): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  const admin = process.env.DATABASE_URL!;
  const name = `fd_bench_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** A fresh seeded database for one bench: the env a service needs to use it, and how to drop it. */
export async function prepareDatabase(kind: 'pglite' | 'postgres', today: Date): Promise<{ env: Record<string, string>; cleanup: () => Promise<void>; explain?: string[] }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'fd-bench-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await seedLoad(database, today);
    await database.close();
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { database, url, drop } = await createBenchDatabase();
  await seedLoad(database, today);
  const explain = await explainSchedule(url, today);
  // `drop` closes this connection pool, then drops the database.
  return { env: { DATABASE_URL: url }, cleanup: drop, explain };
}

/**
 * EXPLAIN ANALYZE of the one query behind a slot search (services/schedule.ts), for one staff
 * member and for all 20, on the seeded data: which index it uses and how long it runs.
 */
async function explainSchedule(url: string, today: Date): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('ANALYZE');
    const all = await c.query<{ id: string }>(`SELECT staff_id AS id FROM service_staff WHERE service_id = $1 ORDER BY staff_id`, [SERVICE]);
    const from = new Date(today.getTime()).toISOString();
    const to = new Date(today.getTime() + 9 * 86_400_000).toISOString();
    const out: string[] = [];
    for (const [label, ids] of [
      ['one staff', ['barber-marcus']],
      [`anyone of ${STAFF_COUNT}`, all.rows.map((r) => r.id)],
    ] as const) {
      const params = [BUSINESS, textArray(ids), from, from, to, from.slice(0, 10), to.slice(0, 10), ''];
      // The service runs it as a prepared statement: plan it the same way (generic plan).
      await c.query('SET plan_cache_mode = force_generic_plan');
      await c.query(`PREPARE q AS ${SCHEDULE_SQL}`);
      const plan = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, TIMING ON) EXECUTE q(${params.map((v) => c.escapeLiteral(v)).join(', ')})`);
      await c.query('DEALLOCATE q');
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const index = lines.find((l) => /Index Scan on bookings|Index Scan using .* on bookings|Bitmap Index Scan on bookings/.test(l))?.trim().replace(/\s+\(cost.*$/, '') ?? 'no index (sequential scan)';
      const rows = /rows=(\d+) loops/.exec(lines.find((l) => /on bookings/.test(l)) ?? '')?.[1] ?? '?';
      const exec = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
      out.push(`${label}: bookings via \`${index.replace(/^->\s*/, '')}\`, ${rows} busy rows, executed in ${exec}`);
    }
    return out;
  } finally {
    await c.end();
  }
}

async function benchOn(kind: 'pglite' | 'postgres'): Promise<{ runs: Run[]; rssIdle: number; explain?: string[] | undefined }> {
  const today = new Date();
  const { env, cleanup, explain } = await prepareDatabase(kind, today);
  // One IP sends every request: lift the rate limits, which this bench is not about. No job
  // worker, so nothing else competes for the CPU.
  const svc = await startService({ ...env, SEED_DEMO: 'false', APP_SECRET: 'b'.repeat(40), JOBS: 'false', RATE_LIMIT_PER_IP: '10000000', RATE_LIMIT_PER_SITE: '10000000', MAX_CONNECTIONS_PER_IP: '0' });
  try {
    await new Promise((r) => setTimeout(r, 2_000));
    const rssIdle = rssMiB(svc.child.pid!);
    const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    const base = { siteKey: 'demo-barber-nyc', serviceId: SERVICE, from, days: 7 };
    const runs = [await drive(svc, 'one staff, 7 days', { ...base, staffId: 'barber-marcus' }), await drive(svc, `anyone of ${STAFF_COUNT}, 7 days`, base)];
    return { runs, rssIdle, explain };
  } finally {
    await svc.stop();
    await cleanup();
  }
}

const ms = (x: number) => x.toFixed(1);

export async function runHttpBench(): Promise<string> {
  const kinds: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const lines = [
    '## slots.find over HTTP',
    '',
    `Machine: ${machineLine()}`,
    '',
    `\`npm run bench\` (bench/http.ts): the service runs as its own process (\`node --import tsx src/main.ts\`, job worker off); the bench process sends GET \`slots.find\` open-loop at a fixed ${RATE} req/s (one request every ${1000 / RATE} ms, latency counted from when it was due; bench/open-loop.ts) for ${DURATION_S} s over keep-alive connections, after 50 warm-up requests. An earlier version used autocannon's \`overallRate\`, which sends each second's budget as a burst at the start of the second, so its percentiles measured queueing inside the burst (p99 61–85 ms on PostgreSQL with the same code). Data: the demo barber shop with ${STAFF_COUNT} staff and ${BOOKING_COUNT.toLocaleString('en')} confirmed bookings over the next ${DAYS} days. Target: p99 ≤ ${TARGET_P99_MS} ms at ${RATE} req/s on PostgreSQL.`,
    '',
    '| database | search | req/s | p50 ms | p99 ms | max ms | non-2xx | errors | service CPU ms/req | RSS idle MiB | RSS under load MiB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const verdicts: string[] = [];
  const explains: string[] = [];
  const loadBefore = loadavg()[0]!;
  for (const kind of kinds) {
    const { runs, rssIdle, explain } = await benchOn(kind);
    if (explain) explains.push(...explain);
    for (const r of runs) {
      lines.push(`| ${kind} | ${r.label} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.non2xx} | ${r.errors} | ${r.cpuMsPerRequest.toFixed(2)} | ${rssIdle.toFixed(0)} | ${r.rssLoad.toFixed(0)} |`);
      if (kind === 'postgres') verdicts.push(`${r.label}: p99 ${ms(r.p99)} ms ${r.p99 <= TARGET_P99_MS ? 'meets' : 'misses'} the ${TARGET_P99_MS} ms target`);
    }
  }
  lines.push('');
  // Other work on the machine competes with the service for the same cores: say how much.
  lines.push(`1-minute load average: ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0]!.toFixed(1)} after (on ${machineLine().split(', ')[1]}).`);
  lines.push('');
  if (verdicts.length) lines.push(`PostgreSQL: ${verdicts.join('; ')}.`);
  else lines.push('PostgreSQL not measured in this run (set DATABASE_URL).');
  lines.push(
    '',
    'The hot path of a search: site + business in one query, then service and staff; all three from a per-process cache that keeps configuration for 5 s (`services/config-cache.ts`: an owner\'s change takes up to 5 s to show; bookings and holds are never cached). Busy time, synced Google busy time and exceptions then come in ONE prepared query returning one row (compact text, not hundreds of rows), read through the exclusion constraint\'s GiST index on (staff, occupied range).',
  );
  if (explains.length) lines.push('', `EXPLAIN ANALYZE of that query on this data (generic plan, as prepared): ${explains.join('; ')}.`);
  return lines.join('\n');
}
