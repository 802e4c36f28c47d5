/**
 * Booking storm: simulated visitors find, hold and confirm random slots over HTTP against
 * several service processes sharing one PostgreSQL database, then SQL checks that nothing went
 * wrong — no 5xx, no overlapping active bookings per staff member, every confirmed booking
 * mailed exactly once, no half-written row. Used by `npm run bench` (500 visitors over 5
 * minutes, the "storm" section of BENCHMARKS.md) and, at CI size, by test/storm.test.ts and
 * test/faults-kill.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/adapters/db/client.js';
import { startService, type RunningService } from '../test/support/spawn-service.js';
import { machineLine } from './report.js';

export const STORM_SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';
const STAFF = ['barber-marcus', 'barber-diego', 'barber-sam'];
/** Browsers send an Origin the site allows; the demo barber allows the demo site. */
const ORIGIN = 'http://localhost:8080';

export interface StormOptions {
  visitors: number;
  /** Arrivals are spread uniformly at random over this long. */
  durationMs: number;
  /** The service processes to spread requests over (a load balancer's pool); read per request, so a test can swap a killed one out. */
  bases: () => string[];
  /** Visitors pick among this many days from tomorrow: fewer days, more collisions. */
  days: number;
  /** Share of visitors who hold a slot and walk away without confirming. */
  abandonRate?: number;
  /** Deterministic arrival times and choices. */
  seed?: number;
  /** Draw the day as ⌊u²·days⌋: the next few days are the most wanted, as in real life, so visitors collide. */
  nearDaysPopular?: boolean;
  /** First day visitors look at (UTC date, YYYY-MM-DD); default tomorrow. A test fixes the weekday so who works is known. */
  firstDay?: string;
  /** The barbers a visitor may ask for by name (30 % ask for "anyone"); default all three. */
  staff?: readonly string[];
}

export interface StormResult {
  visitors: number;
  /** Visitors whose confirm answered 200. */
  confirmed: number;
  abandoned: number;
  /** Visitors who never got a hold in 5 attempts (every slot they tried was taken). */
  gaveUp: number;
  /** Holds refused with 409 because another visitor was faster: expected under contention. */
  conflicts: number;
  statuses: Record<number, number>;
  /** Requests that got no HTTP answer at all (a killed process), retried on another process. */
  networkErrors: number;
  /** Booking ids confirmed, as answered to the visitors. */
  bookingIds: string[];
  latencyMs: { find: number[]; hold: number[]; confirm: number[] };
}

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Json = { result?: { data: any }; error?: { data?: { code?: string; reason?: string } } };

export async function runStorm(options: StormOptions): Promise<StormResult> {
  const random = rng(options.seed ?? 42);
  const result: StormResult = {
    visitors: options.visitors,
    confirmed: 0,
    abandoned: 0,
    gaveUp: 0,
    conflicts: 0,
    statuses: {},
    networkErrors: 0,
    bookingIds: [],
    latencyMs: { find: [], hold: [], confirm: [] },
  };
  let turn = 0;

  /** One request, retried on the next process when a process does not answer at all. */
  async function call(kind: 'find' | 'hold' | 'confirm', path: string, init: { method: 'GET' | 'POST'; input: unknown }): Promise<{ status: number; body: Json }> {
    for (let attempt = 0; ; attempt++) {
      const bases = options.bases();
      const base = bases[turn++ % bases.length]!;
      const started = performance.now();
      try {
        const res =
          init.method === 'GET'
            ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(init.input))}`, { headers: { origin: ORIGIN }, signal: AbortSignal.timeout(30_000) })
            : await fetch(`${base}/trpc/${path}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', origin: ORIGIN },
                body: JSON.stringify(init.input),
                signal: AbortSignal.timeout(30_000),
              });
        const body = (await res.json()) as Json;
        result.latencyMs[kind].push(performance.now() - started);
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        return { status: res.status, body };
      } catch (err) {
        result.networkErrors++;
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async function visitor(i: number): Promise<void> {
    const pool = options.staff ?? STAFF;
    const staffId = random() < 0.3 ? undefined : pool[Math.floor(random() * pool.length)];
    const abandon = random() < (options.abandonRate ?? 0.1);
    const pick = () => random();
    const tomorrow = options.firstDay ? Date.parse(`${options.firstDay}T00:00:00Z`) : Date.now() + 86_400_000;
    for (let attempt = 0; attempt < 5; attempt++) {
      const u = pick();
      const day = Math.floor((options.nearDaysPopular ? u * u : u) * options.days);
      const from = new Date(tomorrow + day * 86_400_000).toISOString().slice(0, 10);
      const found = await call('find', 'slots.find', { method: 'GET', input: { siteKey: STORM_SITE, serviceId: SERVICE, ...(staffId ? { staffId } : {}), from, days: 1 } });
      const slots = (found.body.result?.data?.slots ?? []) as Array<{ start: string }>;
      if (found.status !== 200 || slots.length === 0) continue;
      const start = slots[Math.floor(pick() * slots.length)]!.start;
      const held = await call('hold', 'booking.hold', { method: 'POST', input: { siteKey: STORM_SITE, serviceId: SERVICE, ...(staffId ? { staffId } : {}), start } });
      if (held.status === 409) {
        result.conflicts++;
        continue;
      }
      if (held.status !== 200) return;
      if (abandon) {
        result.abandoned++;
        return;
      }
      // One key per visitor: a confirm retried on another process after a crash is the same confirm.
      const idempotencyKey = `storm-${i}-${randomUUID()}`;
      const confirmed = await call('confirm', 'booking.confirm', {
        method: 'POST',
        input: {
          holdToken: held.body.result!.data.holdToken,
          customer: { name: `Storm visitor ${i}`, email: `visitor${i}@storm.test` },
          consent: true,
          lang: 'en',
          idempotencyKey,
        },
      });
      if (confirmed.status === 200) {
        result.confirmed++;
        result.bookingIds.push(confirmed.body.result!.data.booking.id);
      }
      return;
    }
    result.gaveUp++;
  }

  const arrivals = Array.from({ length: options.visitors }, () => random() * options.durationMs).sort((a, b) => a - b);
  const t0 = Date.now();
  await Promise.all(
    arrivals.map(async (at, i) => {
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + at - Date.now())));
      await visitor(i);
    }),
  );
  return result;
}

export interface StormCheck {
  /** Pairs of active rows of one staff member whose occupied ranges overlap: must be 0. */
  overlaps: number;
  confirmedRows: number;
  /** Confirmed bookings without exactly one `booking_confirmed` in sent_messages + outbox. */
  missingConfirmation: number;
  duplicateConfirmation: number;
  /** booking_confirmed jobs not finished yet. */
  pendingConfirmationJobs: number;
  /** Rows that are neither a complete hold nor a complete booking. */
  partialRows: number;
}

/** The SQL checks, run after the storm against the shared database. */
export async function checkStorm(db: Db): Promise<StormCheck> {
  const one = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: string | number }>(db, q))[0]!.n);
  const active = sql`('held', 'confirmed', 'attended', 'no_show')`;
  return {
    overlaps: await one(sql`
      SELECT count(*) AS n FROM bookings a JOIN bookings b
        ON a.staff_id = b.staff_id AND a.id < b.id
       AND tstzrange(a.occupied_from, a.occupied_to, '[)') && tstzrange(b.occupied_from, b.occupied_to, '[)')
      WHERE a.status IN ${active} AND b.status IN ${active}`),
    confirmedRows: await one(sql`SELECT count(*) AS n FROM bookings WHERE status = 'confirmed'`),
    missingConfirmation: await one(sql`
      SELECT count(*) AS n FROM bookings bk
      WHERE bk.status = 'confirmed' AND NOT EXISTS (
        SELECT 1 FROM sent_messages sm JOIN outbox o ON o.message_id = sm.message_id
        WHERE sm.subject_id = bk.id AND sm.kind = 'booking_confirmed')`),
    duplicateConfirmation: await one(sql`
      SELECT count(*) AS n FROM (
        SELECT sm.subject_id FROM sent_messages sm JOIN outbox o ON o.message_id = sm.message_id
        WHERE sm.kind = 'booking_confirmed' GROUP BY sm.subject_id HAVING count(*) > 1) d`),
    pendingConfirmationJobs: await one(sql`SELECT count(*) AS n FROM jobs WHERE kind = 'mail.booking_confirmed' AND done_at IS NULL`),
    partialRows: await one(sql`
      SELECT count(*) AS n FROM bookings
      WHERE NOT (
        (status = 'held' AND hold_expires_at IS NOT NULL AND hold_token_hash IS NOT NULL AND customer_id IS NULL)
        OR (status = 'confirmed' AND customer_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM jobs j WHERE j.booking_id = bookings.id AND j.kind = 'mail.booking_confirmed'))
        OR status NOT IN ('held', 'confirmed'))`),
  };
}

/** Waits until every confirmation job is done (the workers in the service processes send them). */
export async function waitForConfirmations(db: Db, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM jobs WHERE kind = 'mail.booking_confirmed' AND done_at IS NULL`);
    const pending = Number(row!.n);
    if (pending === 0 || Date.now() > deadline) return pending;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Env for storm processes: jobs on (mail goes to the outbox table), limits lifted (one IP sends everything). */
export function stormEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'true',
    APP_SECRET: 's'.repeat(40),
    JOBS: 'true',
    JOBS_POLL_MS: '200',
    RATE_LIMIT_PER_IP: '10000000',
    // Every simulated visitor comes from 127.0.0.1: no per-IP connection cap (a proxy's job in production).
    MAX_CONNECTIONS_PER_IP: '0',
    RATE_LIMIT_PER_SITE: '10000000',
  };
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

// ---------------------------------------------------------------------------------------------
// The bench (npm run bench): 500 visitors over 5 minutes, two processes, PostgreSQL.

const VISITORS = Number(process.env.STORM_VISITORS ?? 500);
const DURATION_MS = Number(process.env.STORM_SECONDS ?? 300) * 1000;
/** 3 barbers have room for roughly 500 bookings in 30 days; fewer days sell out and visitors give up. */
const STORM_DAYS = 30;

export async function runStormBench(): Promise<string> {
  const lines = ['## Booking storm', '', `Machine: ${machineLine()}`, ''];
  if (!process.env.DATABASE_URL) return [...lines, 'Not run: needs PostgreSQL (set DATABASE_URL).'].join('\n');
  const { createBenchDatabase } = await import('./http.js');
  const { database, url, drop } = await createBenchDatabase();
  const services: RunningService[] = [];
  try {
    const env = stormEnv(url);
    services.push(await startService(env), await startService(env));
    await new Promise((r) => setTimeout(r, 2_000));
    const rssIdle = services.map((s) => rssMiB(s.child.pid!));
    const peak = services.map(() => 0);
    const sampler = setInterval(() => services.forEach((s, i) => (peak[i] = Math.max(peak[i]!, rssMiB(s.child.pid!)))), 500);
    const loadBefore = loadavg()[0]!;
    const started = Date.now();
    const r = await runStorm({ visitors: VISITORS, durationMs: DURATION_MS, bases: () => services.map((s) => s.url), days: STORM_DAYS, seed: 7, nearDaysPopular: true });
    const elapsed = (Date.now() - started) / 1000;
    const pending = await waitForConfirmations(database.db, 60_000);
    clearInterval(sampler);
    const check = await checkStorm(database.db);
    const fivexx = Object.entries(r.statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
    const requests = Object.values(r.statuses).reduce((a, b) => a + b, 0);
    const ms = (x: number) => x.toFixed(0);
    lines.push(
      `\`npm run bench\` (bench/storm.ts): ${VISITORS} visitors arrive at random over ${DURATION_MS / 60_000} minutes; each searches one day of the next ${STORM_DAYS} (the near days most wanted: day ⌊u²·${STORM_DAYS}⌋, so they sell out and visitors collide) for one of 3 barbers or "anyone", holds a random free slot (up to 5 tries when someone else was faster or the day is full), and confirms it (10 % walk away holding). Requests alternate between two service processes (\`node --import tsx src/main.ts\`, job worker on in both, mail to the outbox table) on one fresh PostgreSQL database. Afterwards SQL checks the database.`,
      '',
      '| measure | value |',
      '|---|---:|',
      `| visitors / confirmed / walked away / gave up (their day was sold out) | ${r.visitors} / ${r.confirmed} / ${r.abandoned} / ${r.gaveUp} |`,
      `| HTTP requests (elapsed) | ${requests} (${elapsed.toFixed(0)} s) |`,
      `| status counts | ${Object.entries(r.statuses).map(([s, c]) => `${s}: ${c}`).join(', ')} |`,
      `| **5xx** | **${fivexx}** |`,
      `| holds refused (409, someone was faster) | ${r.conflicts} |`,
      `| **overlapping active bookings (SQL)** | **${check.overlaps}** |`,
      `| confirmed rows in the database | ${check.confirmedRows} |`,
      `| **confirmed bookings without exactly one confirmation e-mail** | **${check.missingConfirmation + check.duplicateConfirmation}** (missing ${check.missingConfirmation}, duplicated ${check.duplicateConfirmation}, jobs still pending ${pending}) |`,
      `| partial rows | ${check.partialRows} |`,
      `| latency p50 / p99: slots.find | ${ms(percentile(r.latencyMs.find, 50))} / ${ms(percentile(r.latencyMs.find, 99))} ms |`,
      `| latency p50 / p99: booking.hold | ${ms(percentile(r.latencyMs.hold, 50))} / ${ms(percentile(r.latencyMs.hold, 99))} ms |`,
      `| latency p50 / p99: booking.confirm | ${ms(percentile(r.latencyMs.confirm, 50))} / ${ms(percentile(r.latencyMs.confirm, 99))} ms |`,
      `| RSS idle, per process (PostgreSQL) | ${rssIdle.map((x) => x.toFixed(0)).join(' / ')} MiB |`,
      `| RSS peak during the storm, per process | ${peak.map((x) => x.toFixed(0)).join(' / ')} MiB |`,
      '',
      `1-minute load average: ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (2 cores, shared with other work).`,
      '',
      `Verdict: ${fivexx === 0 && check.overlaps === 0 && check.missingConfirmation === 0 && check.duplicateConfirmation === 0 && check.partialRows === 0 ? '**passed**' : '**FAILED**'} (zero 5xx, zero overlaps, every confirmation sent exactly once, no partial rows). Memory on PGlite is in the "slots.find over HTTP" table above (one process; PGlite cannot be shared by two).`,
    );
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await drop();
  }
  return lines.join('\n');
}
