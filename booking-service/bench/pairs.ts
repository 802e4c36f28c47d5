/**
 * Lean writes over HTTP on PostgreSQL with TWO service processes (issue 19): hold + confirm pairs
 * and `slots.find` against the real service (`node --import tsx src/main.ts`, job worker off, rate
 * limits lifted: one address sends everything), on the HTTP bench's data (the barber shop with 20
 * staff and 5,000 bookings). Each of 3 runs measures, and the table gives the median:
 * - pairs open-loop at 100 pairs/s (bench/open-loop.ts's schedule: a pair is due at t0 + i/rate,
 *   its latency counts from then): p50/p99 of the whole pair, 5xx, CPU of both services per pair;
 * - the pairs/s reached closed-loop (32 visitors booking back to back), with 5xx and, by SQL,
 *   overlapping active bookings (must be 0);
 * - `slots.find` ("anyone" of 20, 7 days) open-loop on a rising rate, on 1 process and on 2
 *   (requests alternate): the first rate whose p99 passes 100 ms, and service CPU per request.
 * Holds go to one process and their confirms to the other. Every pair books its own staff member
 * and start (free in the search, 60 min apart), so a 409 would be a bug, not a race lost.
 * Needs DATABASE_URL. Run: `BENCH_ONLY=pairs npm run bench -w @frontdesk/booking-service`.
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { percentile } from './open-loop.js';
import { prepareDatabase } from './http.js';
import { machineLine } from './report.js';
import { removeRowsSince } from './pairs-cleanup.js';
import { epochNow, explainSlowPairs, readServiceTrace, startSampler, summariseSlowPairs, type ClientRequestTrace, type PairTrace } from './pairs-trace.js';
import { startService, type RunningService } from '../test/support/spawn-service.js';

const SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';
/** BENCH_PAIRS_RATE: another rate for a trace when the machine cannot carry 100 pairs/s (the closed loop's pairs/s says so). */
const PAIR_RATE = Number(process.env.BENCH_PAIRS_RATE ?? 100);
const OPEN_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLOSED_SECONDS = 8;
const WARM_OPEN_SECONDS = 5;
const CLOSED_VISITORS = 32;
const FIND_RATES = [100, 200, 300, 400, 600, 800, 1000];
const FIND_STEP_SECONDS = 4;
/**
 * Unmeasured traffic before a CPU-per-search figure: V8 optimises the request path only after
 * thousands of calls, so one second (100 searches) measured a process still tiering up (an A/B at
 * load 12 saw 1.7–2.2 ms in the first seconds, 0.9 ms after ~40 s; slotscpu, 2026-12-08). A running
 * service is past that. The quiet run after this change still spread 1.43–2.88 ms across its three
 * runs: the warm-up is not the whole story.
 */
const FIND_WARM_SECONDS = 15;
const FIND_P99_LIMIT_MS = 100;
const RUNS = 3;
/** BENCH_PAIRS_TRACE=1: record and explain the slow pairs (bench/pairs-trace.ts); slots.find is not measured then. */
const TRACE = process.env.BENCH_PAIRS_TRACE === '1';
const SLOW_MS = 50;

type Json = Record<string, unknown>;
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

interface Answer {
  status: number;
  json: Json;
  raw: Buffer;
  headers: http.IncomingHttpHeaders;
  /** With a trace id (BENCH_PAIRS_TRACE): the client's side of this request. */
  trace?: ClientRequestTrace;
}

function request(base: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}, trace?: { proc: number; id: string }): Promise<Answer> {
  return new Promise((resolve) => {
    const url = `${base}/trpc/${path}`;
    const data = body === undefined ? undefined : JSON.stringify(body);
    const sent = epochNow();
    const headers = { ...(data ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) } : {}), ...extraHeaders, ...(trace ? { 'x-bench-id': trace.id } : {}) };
    const req = http.request(url, { method: data ? 'POST' : 'GET', agent, timeout: 30_000, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        let json: Json = {};
        try {
          json = JSON.parse(raw.toString('utf8')) as Json;
        } catch {
          // not JSON (or compressed): the status says enough
        }
        resolve({ status: res.statusCode ?? 0, json, raw, headers: res.headers, ...(trace ? { trace: { ...trace, sent, reused: req.reusedSocket, end: epochNow() } } : {}) });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, json: {}, raw: Buffer.alloc(0), headers: {}, ...(trace ? { trace: { ...trace, sent, reused: req.reusedSocket, end: epochNow() } } : {}) }));
    req.end(data);
  });
}

const get = (base: string, path: string, input: unknown) => request(base, `${path}?input=${encodeURIComponent(JSON.stringify(input))}`);

/** User + system CPU of a process so far, in ms (/proc/<pid>/stat, ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const cpuOf = (services: RunningService[]) => services.reduce((sum, s) => sum + cpuMs(s.child.pid!), 0);

interface Target {
  staffId: string;
  start: string;
}

/** Free starts, one staff member each, 60 min apart (more than the haircut and its buffers). */
async function freeTargets(base: string, staffIds: string[], from: string): Promise<Target[]> {
  const out: Target[] = [];
  for (const staffId of staffIds) {
    let last = -Infinity;
    for (const day of [0, 31]) {
      const f = new Date(Date.parse(`${from}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
      const r = await get(base, 'slots.find', { siteKey: SITE, serviceId: SERVICE, staffId, from: f, days: 31 });
      const slots = ((r.json.result as { data?: { slots?: Array<{ start: string }> } } | undefined)?.data?.slots ?? []);
      for (const s of slots) {
        const t = Date.parse(s.start);
        if (t >= last + 60 * 60_000) {
          out.push({ staffId, start: s.start });
          last = t;
        }
      }
    }
  }
  // Interleave staff and days (a fixed shuffle), so consecutive pairs do not queue on one staff's rows.
  let seed = 42;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface PairOutcome {
  ok: boolean;
  statuses: number[];
  hold?: ClientRequestTrace;
  confirm?: ClientRequestTrace;
}

/** `traceId`: tag both requests (x-bench-id) so the services' trace records can be matched. */
async function pair(services: RunningService[], i: number, t: Target, traceId?: string): Promise<PairOutcome> {
  const ha = i % services.length;
  const cb = (i + 1) % services.length;
  const hold = await request(services[ha]!.url, 'booking.hold', { siteKey: SITE, serviceId: SERVICE, staffId: t.staffId, start: t.start }, {}, traceId ? { proc: ha, id: `${traceId}h` } : undefined);
  const holdToken = (hold.json.result as { data?: { holdToken?: string } } | undefined)?.data?.holdToken;
  if (hold.status !== 200 || !holdToken) return { ok: false, statuses: [hold.status], ...(hold.trace ? { hold: hold.trace } : {}) };
  const confirm = await request(services[cb]!.url, 'booking.confirm', { holdToken, customer: { name: 'Bench Visitor', phone: '+1 212 555 0100' }, consent: true, lang: 'en', idempotencyKey: `pairs-${i}-${t.start}-${t.staffId}` }, {}, traceId ? { proc: cb, id: `${traceId}c` } : undefined);
  return { ok: confirm.status === 200, statuses: [hold.status, confirm.status], ...(hold.trace ? { hold: hold.trace } : {}), ...(confirm.trace ? { confirm: confirm.trace } : {}) };
}

interface Tally {
  pairs: number;
  failed: number;
  fivexx: number;
  conflicts: number;
  other: number;
}
const tally = (): Tally => ({ pairs: 0, failed: 0, fivexx: 0, conflicts: 0, other: 0 });
function count(t: Tally, o: PairOutcome) {
  t.pairs++;
  if (!o.ok) t.failed++;
  for (const s of o.statuses) {
    if (s >= 500 || s === 0) t.fivexx++;
    else if (s === 409) t.conflicts++;
    else if (s !== 200) t.other++;
  }
}

/** Pairs due at a fixed rate; latency from the due time to the confirm's answer. `traceRun`: tag and keep each pair's trace. */
async function openLoopPairs(services: RunningService[], targets: Target[], next: { i: number }, rate: number, seconds: number, traceRun?: string) {
  const total = Math.min(Math.round(rate * seconds), targets.length - next.i);
  const latencies: number[] = [];
  const traces: PairTrace[] = [];
  const t = tally();
  const cpu0 = cpuOf(services);
  const t0 = performance.now() + 20;
  const inflight: Array<Promise<void>> = [];
  for (let k = 0; k < total; k++) {
    const due = t0 + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const i = next.i++;
    inflight.push(
      pair(services, i, targets[i]!, traceRun === undefined ? undefined : `${traceRun}-${i}`).then((o) => {
        latencies.push(performance.now() - due);
        count(t, o);
        if (o.hold) traces.push({ due: performance.timeOrigin + due, hold: o.hold, ...(o.confirm ? { confirm: o.confirm } : {}), end: epochNow() });
      }),
    );
  }
  await Promise.all(inflight);
  latencies.sort((x, y) => x - y);
  return { ...t, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuPerPair: (cpuOf(services) - cpu0) / Math.max(1, total), slowPairs: latencies.filter((l) => l > SLOW_MS).length, traces };
}

/** As many pairs as CLOSED_VISITORS visitors booking back to back get through. */
async function closedLoopPairs(services: RunningService[], targets: Target[], next: { i: number }, seconds: number) {
  const t = tally();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLOSED_VISITORS }, async () => {
      while (performance.now() < end && next.i < targets.length) {
        const i = next.i++;
        count(t, await pair(services, i, targets[i]!));
      }
    }),
  );
  return { ...t, perSecond: t.pairs / ((performance.now() - started) / 1000) };
}

/**
 * CPU per request of one process answering `path` at `rate`, in steady state: FIND_WARM_SECONDS at
 * the rate first, unmeasured (JIT tier-up, and GC owed by what ran before, e.g. the pairs), then
 * FIND_STEP_SECONDS measured. Several paths are asked in turn.
 */
async function cpuPerRequestAt(url: string, pid: number, path: string | readonly string[], rate: number, headers: Record<string, string> = {}) {
  const paths = typeof path === 'string' ? [path] : path;
  const send = async (total: number) => {
    const t0 = performance.now() + 20;
    const inflight: Array<Promise<unknown>> = [];
    for (let k = 0; k < total; k++) {
      const wait = t0 + (k * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      inflight.push(request(url, paths[k % paths.length]!, undefined, headers));
    }
    await Promise.all(inflight);
  };
  await send(rate * FIND_WARM_SECONDS);
  const total = rate * FIND_STEP_SECONDS;
  const cpu0 = cpuMs(pid);
  await send(total);
  return (cpuMs(pid) - cpu0) / total;
}

/**
 * The floor for a search's CPU over HTTP: a bare Node server (no Express, no tRPC, no search)
 * answering the service's bytes and headers for that request, run in its own process.
 */
async function bareServer(answer: { raw: Buffer; headers: http.IncomingHttpHeaders }): Promise<{ url: string; pid: number; stop: () => void }> {
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)));
  const source = `const body = Buffer.from(${JSON.stringify(answer.raw.toString('base64'))}, 'base64'); const headers = ${JSON.stringify(headers)};
require('node:http').createServer((req, res) => { res.writeHead(200, headers); res.end(body); }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}

/** slots.find at rising fixed rates until p99 passes the limit; requests alternate over the processes. */
async function findRamp(services: RunningService[], input: object) {
  const path = `slots.find?input=${encodeURIComponent(JSON.stringify(input))}`;
  const steps: Array<{ rate: number; p99: number; cpuPerRequest: number; fivexx: number }> = [];
  for (const rate of FIND_RATES) {
    const total = rate * FIND_STEP_SECONDS;
    const latencies: number[] = [];
    let fivexx = 0;
    const cpu0 = cpuOf(services);
    const t0 = performance.now() + 20;
    const inflight: Array<Promise<void>> = [];
    for (let k = 0; k < total; k++) {
      const due = t0 + (k * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      inflight.push(
        request(services[k % services.length]!.url, path).then((r) => {
          latencies.push(performance.now() - due);
          if (r.status !== 200) fivexx++;
        }),
      );
    }
    await Promise.all(inflight);
    latencies.sort((x, y) => x - y);
    steps.push({ rate, p99: percentile(latencies, 99), cpuPerRequest: (cpuOf(services) - cpu0) / total, fivexx });
    if (percentile(latencies, 99) > FIND_P99_LIMIT_MS) break;
  }
  const passed = steps.find((s) => s.p99 > FIND_P99_LIMIT_MS);
  return { steps, passedAt: passed?.rate ?? null };
}

/** PostgreSQL's cumulative counters that could explain a stall: checkpoints, WAL syncs, (auto)vacuum of bookings. */
async function pgCounters(admin: pg.Client) {
  const bg = (await admin.query<{ timed: string; req: string; sync_ms: number; write_ms: number; backend_fsync: string }>('SELECT checkpoints_timed AS timed, checkpoints_req AS req, checkpoint_sync_time AS sync_ms, checkpoint_write_time AS write_ms, buffers_backend_fsync AS backend_fsync FROM pg_stat_bgwriter')).rows[0]!;
  const wal = (await admin.query<{ syncs: string; writes: string; full: string }>('SELECT wal_sync AS syncs, wal_write AS writes, wal_buffers_full AS full FROM pg_stat_wal')).rows[0]!;
  const t = (await admin.query<{ vac: string; avac: string; aan: string; dead: string }>("SELECT vacuum_count AS vac, autovacuum_count AS avac, autoanalyze_count AS aan, n_dead_tup AS dead FROM pg_stat_user_tables WHERE relname = 'bookings'")).rows[0]!;
  return { checkpoints: Number(bg.timed) + Number(bg.req), checkpointSyncMs: bg.sync_ms, checkpointWriteMs: bg.write_ms, backendFsync: Number(bg.backend_fsync), walSyncs: Number(wal.syncs), walWrites: Number(wal.writes), walBuffersFull: Number(wal.full), autovacuums: Number(t.avac), autoanalyzes: Number(t.aan), vacuums: Number(t.vac), deadTuples: Number(t.dead), pressure: { cpu: readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0], io: readFileSync('/proc/pressure/io', 'utf8').split('\n')[0] } };
}

function traceReport(r: number, open: { pairs: number; slowPairs: number; p99: number; traces: PairTrace[] }, slow: ReturnType<typeof explainSlowPairs>, sampled: Awaited<ReturnType<ReturnType<typeof startSampler>['stop']>>, before: Awaited<ReturnType<typeof pgCounters>>, after: Awaited<ReturnType<typeof pgCounters>>) {
  const s = summariseSlowPairs(slow);
  const newConns = open.traces.reduce((n, p) => n + (p.hold.reused ? 0 : 1) + (p.confirm && !p.confirm.reused ? 1 : 0), 0);
  const d = (k: keyof typeof before) => Number(after[k]) - Number(before[k]);
  const f = (x: number) => x.toFixed(0);
  return [
    `Trace run ${r + 1}: ${open.pairs} pairs, ${s.slow} over ${SLOW_MS} ms (p99 ${open.p99.toFixed(1)} ms). Dominant phase: ${s.dominant.map(([p, n]) => `${p} ${n}`).join(', ') || '—'}. Of the slow pairs: ${s.withServiceLag} overlap a service event-loop stall ≥ 10 ms, ${s.withServiceGc} a GC ≥ 5 ms, ${s.withBenchLag} a bench event-loop stall ≥ 10 ms, ${s.withNewConnection} a new TCP connection; PostgreSQL waits seen during them: ${s.pgWaits.map(([w, n]) => `${w} ×${n}`).join(', ') || 'none'}.`,
    `  New TCP connections in the run: ${newConns}. PostgreSQL during the run: checkpoints +${d('checkpoints')}, WAL syncs +${d('walSyncs')}, WAL buffers full +${d('walBuffersFull')}, backend fsyncs +${d('backendFsync')}, autovacuum of bookings +${d('autovacuums')}, autoanalyze +${d('autoanalyzes')}, dead tuples in bookings ${before.deadTuples} → ${after.deadTuples}; bench event-loop stalls ≥ 10 ms: ${sampled.benchLag.filter((l) => l.dur >= 10).length}; pressure before ${before.pressure.cpu} / ${before.pressure.io}, after ${after.pressure.cpu} / ${after.pressure.io}.`,
    ...slow.slice(0, 8).map((p) => `  ${f(p.latency)} ms: ${Object.entries(p.phases).filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${f(v)}`).join(', ')}; service lag ${f(p.serviceLag)}, GC ${f(p.serviceGc)}, bench lag ${f(p.benchLag)}, CPU pressure ${f(p.cpuPressure)} ms; pg: ${p.pgWaits.join(', ') || '—'}`),
  ].join('\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runPairsBench(): Promise<string> {
  const title = '## Lean writes: hold + confirm and slots.find on PostgreSQL, 2 processes';
  if (!process.env.DATABASE_URL) return `${title}\n\nNot run: set DATABASE_URL (PostgreSQL) to measure.`;
  const today = new Date();
  const { env, cleanup } = await prepareDatabase('postgres', today);
  const admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
  const serviceEnv = { ...env, SEED_DEMO: 'false', APP_SECRET: 'b'.repeat(40), JOBS: 'false', RATE_LIMIT_PER_IP: '100000000', RATE_LIMIT_PER_SITE: '100000000', MAX_CONNECTIONS_PER_IP: '0' };
  const traceFiles = [0, 1].map((n) => join(tmpdir(), `pairs-trace-${process.pid}-${n}.jsonl`));
  for (const f of traceFiles) rmSync(f, { force: true });
  const preload = fileURLToPath(new URL('./pairs-trace-service.ts', import.meta.url));
  const start = (n: number) => (TRACE ? startService({ ...serviceEnv, BENCH_TRACE_FILE: traceFiles[n]! }, { nodeArgs: ['--import', 'tsx', '--import', preload] }) : startService(serviceEnv));
  const services = [await start(0), await start(1)];
  const traceLines: string[] = [];
  const loadBefore = loadavg();
  const floors: Array<{ stop: () => void }> = [];
  try {
    const staffIds = (await admin.query<{ id: string }>('SELECT staff_id AS id FROM service_staff WHERE service_id = $1 ORDER BY staff_id', [SERVICE])).rows.map((r) => r.id);
    const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    const findInput = { siteKey: SITE, serviceId: SERVICE, from, days: 7 };
    const targets = await freeTargets(services[0]!.url, staffIds, from);
    // Warm-up: JIT, connection pools, prepared statements in both processes, and the same open
    // loop as a measured run (unmeasured): with only the closed loop before it, run 1 measured
    // the warm-up's end (7.5 ms CPU per pair against 5.2 in runs 2 and 3, 2026-12-07 18:03).
    // Everything booked from here on (warm-up included) is removed before each measured run, so
    // every run starts on the seeded data (bench/pairs-cleanup.ts); the warm-up's ~1,000 pairs
    // used to stay for all three runs.
    const runStart = (await admin.query<{ t: Date }>('SELECT now() AS t')).rows[0]!.t;
    const warm = { i: 0 };
    await closedLoopPairs(services, targets, warm, 2);
    await openLoopPairs(services, targets, warm, PAIR_RATE, WARM_OPEN_SECONDS);
    for (let k = 0; k < 400; k++) await request(services[k % 2]!.url, `slots.find?input=${encodeURIComponent(JSON.stringify(findInput))}`);
    await removeRowsSince(admin, runStart);
    const findPath = `slots.find?input=${encodeURIComponent(JSON.stringify(findInput))}`;
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    // Memo misses (what a visitor's first search pays): more distinct searches than the memo keeps
    // (services/slot-memo.ts, oldest out first), asked in turn, so none is found there.
    const missPaths = Array.from({ length: 24 * 3 }, (_, i) => {
      const f = new Date(Date.parse(`${from}T00:00:00Z`) + Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10);
      return `slots.find?input=${encodeURIComponent(JSON.stringify({ ...findInput, from: f, days: 6 + (i % 3) }))}`;
    });
    const bare = await bareServer(await request(services[0]!.url, findPath));
    floors.push(bare);
    const bareBrowser = await bareServer(await request(services[0]!.url, findPath, undefined, browser));
    floors.push(bareBrowser);
    for (let k = 0; k < 400; k++) await request(bare.url, findPath);
    const runs: Array<{
      open: Awaited<ReturnType<typeof openLoopPairs>>;
      closed: Awaited<ReturnType<typeof closedLoopPairs>>;
      overlaps: number;
      find1: Awaited<ReturnType<typeof findRamp>>;
      find2: Awaited<ReturnType<typeof findRamp>>;
      findCpu: { service: number; bare: number; serviceBrowser: number; bareBrowser: number; serviceMiss: number };
    }> = [];
    for (let r = 0; r < RUNS; r++) {
      const next = { i: warm.i };
      const sampler = TRACE ? new pg.Client({ connectionString: env.DATABASE_URL }) : undefined;
      await sampler?.connect();
      const before = TRACE ? await pgCounters(admin) : undefined;
      const sampling = sampler ? startSampler(sampler) : undefined;
      const open = await openLoopPairs(services, targets, next, PAIR_RATE, OPEN_SECONDS, TRACE ? `r${r}` : undefined);
      if (sampling && sampler && before) {
        const sampled = await sampling.stop();
        await sampler.end();
        const after = await pgCounters(admin);
        await new Promise((res) => setTimeout(res, 500)); // the services flush their trace every 250 ms
        const slow = explainSlowPairs(open.traces, traceFiles.map(readServiceTrace), sampled, SLOW_MS);
        traceLines.push(traceReport(r, open, slow, sampled, before, after));
        writeFileSync(join(tmpdir(), `pairs-trace-run${r + 1}.json`), JSON.stringify({ slow, sampled }, null, 1));
      }
      const closed = await closedLoopPairs(services, targets, next, CLOSED_SECONDS);
      const overlaps = Number(
        (
          await admin.query<{ n: string }>(`
            SELECT count(*) AS n FROM bookings a JOIN bookings b
              ON a.staff_id = b.staff_id AND a.id < b.id
             AND tstzrange(a.occupied_from, a.occupied_to, '[)') && tstzrange(b.occupied_from, b.occupied_to, '[)')
            WHERE a.status IN ('held', 'confirmed') AND b.status IN ('held', 'confirmed') AND NOT a.released AND NOT b.released`)
        ).rows[0]!.n,
      );
      // CPU per search (one process, 100 req/s, steady state) beside the bare floor, for a client
      // without Accept-Encoding (the ramp's) and for a browser's (brotli).
      const rate = FIND_RATES[0]!;
      if (TRACE) {
        runs.push({ open, closed, overlaps, find1: { steps: [], passedAt: null }, find2: { steps: [], passedAt: null }, findCpu: { service: NaN, bare: NaN, serviceBrowser: NaN, bareBrowser: NaN, serviceMiss: NaN } });
        await removeRowsSince(admin, runStart);
        continue;
      }
      const findCpu = {
        service: await cpuPerRequestAt(services[0]!.url, services[0]!.child.pid!, findPath, rate),
        bare: await cpuPerRequestAt(bare.url, bare.pid, findPath, rate),
        serviceBrowser: await cpuPerRequestAt(services[0]!.url, services[0]!.child.pid!, findPath, rate, browser),
        bareBrowser: await cpuPerRequestAt(bareBrowser.url, bareBrowser.pid, findPath, rate, browser),
        serviceMiss: await cpuPerRequestAt(services[0]!.url, services[0]!.child.pid!, missPaths, rate),
      };
      const find1 = await findRamp([services[0]!], findInput);
      const find2 = await findRamp(services, findInput);
      runs.push({ open, closed, overlaps, find1, find2, findCpu });
      await removeRowsSince(admin, runStart);
    }
    const loadAfter = loadavg();
    const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
    const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
    const passedAt = (x: number | null) => (x === null ? `> ${FIND_RATES.at(-1)}` : String(x));
    const passedMedian = (f: (r: (typeof runs)[number]) => number | null) => {
      const xs = runs.map(f).map((x) => x ?? Infinity);
      const v = median(xs);
      return Number.isFinite(v) ? String(v) : `> ${FIND_RATES.at(-1)}`;
    };
    const lines = [
      title,
      '',
      `Machine: ${machineLine()}; load average (1/5/15 min) ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} before, ${loadAfter.map((x) => x.toFixed(1)).join(' / ')} after — 2 cores shared by several engineers' work: wall-clock figures (p50, p99, rates) move with that load, CPU per pair/request much less.`,
      '',
      '`BENCH_ONLY=pairs npm run bench` (bench/pairs.ts): two service processes (`node --import tsx src/main.ts`, job worker off, rate limits lifted) on one fresh PostgreSQL database with the HTTP bench\'s data (barber shop, 20 staff, 5,000 bookings). A pair is `booking.hold` on one process and `booking.confirm` on the other, over keep-alive HTTP; each pair books its own free start (so a 409 would be a bug). Median of 3 runs; each run\'s figures in the second table.',
      '',
      '| measure | median of 3 | target |',
      '|---|---:|---:|',
      `| pairs/s reached, closed loop (${CLOSED_VISITORS} visitors back to back, ${CLOSED_SECONDS} s) | ${fmt(m((r) => r.closed.perSecond), 0)} | |`,
      `| … 5xx / 409 / overlapping active bookings (SQL) in those runs | ${runs.reduce((s, r) => s + r.closed.fivexx + r.open.fivexx, 0)} / ${runs.reduce((s, r) => s + r.closed.conflicts + r.open.conflicts, 0)} / ${runs.reduce((s, r) => s + r.overlaps, 0)} | 0 / 0 / 0 |`,
      `| pair latency at ${PAIR_RATE} pairs/s open loop, p50 | ${fmt(m((r) => r.open.p50))} ms | |`,
      `| pair latency at ${PAIR_RATE} pairs/s open loop, **p99** | **${fmt(m((r) => r.open.p99))} ms** | ≤ 50 ms |`,
      `| service CPU per pair (both processes, at ${PAIR_RATE} pairs/s; HTTP, tRPC, JSON included) | ${fmt(m((r) => r.open.cpuPerPair), 2)} ms | ≤ 5 ms |`,
      `| \`slots.find\` service CPU per request ("anyone" of 20, 7 days, 1 process at ${FIND_RATES[0]} req/s, steady state; no Accept-Encoding) | ${fmt(m((r) => r.findCpu.service), 2)} ms | ≤ 1.5 ms |`,
      `| … the floor: a bare Node HTTP server answering the same bytes at the same rate | ${fmt(m((r) => r.findCpu.bare), 2)} ms | |`,
      `| … a memo miss, what a visitor's first search pays (${missPaths.length} searches in turn, 1–24 days ahead, 6–8 days; no Accept-Encoding) | ${fmt(m((r) => r.findCpu.serviceMiss), 2)} ms | |`,
      `| … the same search as a browser asks it (Accept-Encoding: gzip, deflate, br → brotli) / its bare floor | ${fmt(m((r) => r.findCpu.serviceBrowser), 2)} / ${fmt(m((r) => r.findCpu.bareBrowser), 2)} ms | |`,
      `| \`slots.find\`: first rate (req/s) whose p99 passes ${FIND_P99_LIMIT_MS} ms, 1 process | ${passedMedian((r) => r.find1.passedAt)} | |`,
      `| \`slots.find\`: first rate (req/s) whose p99 passes ${FIND_P99_LIMIT_MS} ms, 2 processes | ${passedMedian((r) => r.find2.passedAt)} | |`,
      '',
      '| run | pairs/s closed | p50 / p99 at 100/s (ms) | CPU/pair (ms) | slots.find CPU/req, steady (ms) | slots.find p99 by rate, 1 process | … 2 processes |',
      '|---:|---:|---:|---:|---:|---|---|',
      ...runs.map(
        (r, i) =>
          `| ${i + 1} | ${fmt(r.closed.perSecond, 0)} | ${fmt(r.open.p50)} / ${fmt(r.open.p99)} | ${fmt(r.open.cpuPerPair, 2)} | ${fmt(r.findCpu.service, 2)} (bare ${fmt(r.findCpu.bare, 2)}, miss ${fmt(r.findCpu.serviceMiss, 2)}) | ${r.find1.steps.map((s) => `${s.rate}: ${fmt(s.p99, 0)}`).join(', ')} (passes at ${passedAt(r.find1.passedAt)}) | ${r.find2.steps.map((s) => `${s.rate}: ${fmt(s.p99, 0)}`).join(', ')} (passes at ${passedAt(r.find2.passedAt)}) |`,
      ),
      '',
      'Database round trips per pair are counted, not timed, in `test/write-round-trips.test.ts` (PGlite and PostgreSQL; fails above 6): 4 — the hold is the slot search\'s one query plus one statement (closed-day check, expired holds cleared, insert), the confirm one read (hold, allowed origins, the idempotency key\'s booking, reminder leads, Google connection, webhook endpoints) plus one statement (the conditional update, the customer, every job, the KPI event, the webhook deliveries). Before (BENCHMARKS "Booking writes" below, 2026-12-07 03:10): 20 round trips and 9.91 ms CPU per pair in-process. `slots.find` CPU is the service process\'s user + system time (/proc) over 400 searches at 100/s, after ' + FIND_WARM_SECONDS + ' s at that rate unmeasured (steady state: V8 optimises the request path only after thousands of calls — under load one A/B saw the figure fall for ~40 s of traffic, though the quiet run of 2026-12-08 02:00 still spread 1.43–2.88 ms across its three runs — and the step used to begin right after the pairs and paid their garbage collection), beside a bare Node server in its own process answering the same bytes and headers at the same rate — what any HTTP answer of that size costs here. A repeated search is answered from the process\'s memo of recent answers (services/slot-memo.ts, keyed by the database\'s whole answer for the search, so never stale), and its JSON and brotli/gzip bytes are written once per answer (http/trpc-handler.ts, http/compress-json.ts); the search itself (the engine) runs only when bookings, hours, config or the notice bounds change. Stable across machines: the round-trip count, zero 5xx and zero overlaps. Not stable: every latency and rate here (this machine\'s other load), and CPU per pair to a lesser degree.',
      '',
      'Stalls, traced (`BENCH_PAIRS_TRACE=1`, bench/pairs-trace.ts; add `BENCH_PAIRS_RATE=30` when the closed loop reaches less than 100 pairs/s): each slow pair (over 50 ms) is split into the bench\'s scheduler lag, time outside the service (client and server event loops, network, connection setup), pool wait, statements (driver time, per statement) and service JS, beside event-loop stalls and GC pauses in each service process, PostgreSQL\'s sampled wait events (every 20 ms), autovacuum, checkpointer and WAL writer, the kernel\'s CPU pressure, and new TCP connections. Six traced runs on 2026-12-08 01:07–01:18 UTC (100 and 30 pairs/s; machine saturated: CPU pressure "some" 98 %, load 12–16, another session generating 20 M rows on the same PostgreSQL server): autovacuum of bookings 0 times, checkpoints completed 0 (one in progress through one run), lock waits on the exclusion constraint none (one `Lock:extend` sample), new TCP connections 0 whenever the rate was below capacity (keep-alive 65 s; they appear only once requests queue past the warm-up\'s sockets), and the bench\'s own scheduler starved too (at 30 pairs/s a pair was sent 5–16 ms late at the median, up to 65–251 ms; its event loop stalled ≥ 10 ms 186–319 times a run). Of the bench database\'s sampled backend waits (four runs examined), 88–92 % were commits waiting for the WAL flush (`IO:WALSync`, `LWLock:WALWrite`: the server has one WAL, shared with every database\'s writes) and the rest data-file writes; statement times at 30 pairs/s (run 3, p50 / p99) were 21 / 158 ms for the slot query, 29 / 177 for the hold, 32 / 180 for the confirm — reads as slow as writes, so CPU starvation as much as fsync. On that machine the stalls were the machine\'s (shared WAL fsync and CPU), not a lock, vacuum, pool or connection of ours; PostgreSQL\'s durability settings stay as they are. Fixed in the bench: the warm-up\'s ~1,000 pairs stayed in bookings through all three runs (the data was not the stated 5,000 bookings); every cleanup now removes everything booked since the warm-up began and ends in VACUUM (ANALYZE), so no autovacuum of those dead rows can start inside a measured window (bench/pairs-cleanup.ts). Not yet traced: a quiet machine, where run 1 has been the slow one (p99 264 and 371 ms against 68 and 45 in runs 2 and 3, 2026-12-07).',
    ];
    if (TRACE) lines.push('', ...traceLines);
    return lines.join('\n');
  } finally {
    await admin.end();
    for (const f of floors) f.stop();
    await Promise.all(services.map((s) => s.stop()));
    await cleanup();
  }
}
