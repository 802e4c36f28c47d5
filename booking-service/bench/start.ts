/**
 * Start-up: `npm start` when only runtime variables changed (turbo must replay its build cache,
 * not rebuild), and the built service alone (`node dist/main.js`, as `npm start` runs it) on the
 * embedded database: a fresh data folder and a second start on the same folder, to /healthz,
 * with the service's CPU time (load-independent) beside the wall clock, and its idle RSS.
 * Medians of BENCH_RUNS (default 3) runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/spawn-service.js';
import { openDatabase } from '../src/adapters/db/client.js';
import { LOCK_FILE } from '../src/adapters/db/dir-lock.js';
import { PGLITE_SHARED_BUFFERS } from '../src/adapters/db/pglite-template.js';
import { createCaller } from '../src/api/router.js';
import { systemClock } from '../src/ports/clock.js';
import { createConfigCache } from '../src/services/config-cache.js';
import { seedLoad } from './http.js';
import { machineLine } from './report.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const service = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** User + system CPU of a process so far, ms (/proc/<pid>/stat; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function untilHealthy(url: string, child: ChildProcess, out: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited early (${child.exitCode}):\n${out()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not healthy in time:\n${out()}`);
    await sleep(50);
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** `npm start` from the repository root with these runtime variables: wall time to /healthz and turbo's cache verdicts. */
async function npmStart(env: Record<string, string>): Promise<{ ms: number; hits: number; misses: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), DEMO_PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await untilHealthy(`http://127.0.0.1:${port}`, child, () => out);
  const ms = performance.now() - t0;
  await stopGroup(child);
  return { ms, hits: out.match(/:build: cache hit/g)?.length ?? 0, misses: out.match(/:build: cache miss/g)?.length ?? 0 };
}

export interface ServiceStart {
  ms: number;
  cpuMs: number;
  rssIdle: number;
}

/** The built service alone on a data folder: wall and CPU time to /healthz, RSS after 3 s idle. */
export async function serviceStart(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ServiceStart> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, JOBS: 'false', ...extraEnv };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: service, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  await untilHealthy(`http://127.0.0.1:${port}`, child, () => out);
  const ms = performance.now() - t0;
  const cpu = cpuMs(child.pid!);
  await sleep(3_000);
  const rssIdle = rssMiB(child.pid!);
  await stopGroup(child);
  return { ms, cpuMs: cpu, rssIdle };
}

/**
 * PGlite's shared_buffers against `slots.find`: the HTTP bench's data (20 staff, 5,000 bookings)
 * in two copies, opened side by side in this process with 16 MB and with the setting we ship, and
 * `slots.find` (one staff and anyone, 7 days) called N times on each, in alternating order for
 * `rounds` rounds. CPU time of this process per call, so the machine's load does not decide it.
 */
export async function sharedBuffersAB(scratch: string, rounds = 6, n = 100): Promise<Array<{ size: string; msPerCall: number[] }>> {
  const today = new Date();
  const seeded = join(scratch, 'ab-seeded');
  const seeding = await openDatabase({ kind: 'pglite', dataDir: seeded });
  await seedLoad(seeding, today);
  await seeding.close();
  const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  const inputs = [{ siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from, days: 7, staffId: 'barber-marcus' }, { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from, days: 7 }];
  const arms = await Promise.all(
    ['16MB', PGLITE_SHARED_BUFFERS].map(async (size) => {
      const dataDir = join(scratch, `ab-${size}`);
      cpSync(seeded, dataDir, { recursive: true, filter: (src) => !src.endsWith(LOCK_FILE) });
      const database = await openDatabase({ kind: 'pglite', dataDir, sharedBuffers: size });
      // As in a running service: the config cache warm, bookings read every time.
      const caller = createCaller({ deps: { db: database.db, clock: systemClock, secret: 'b'.repeat(40), publicUrl: 'http://localhost:3000', configCache: createConfigCache() }, origin: undefined, ip: '127.0.0.1' });
      return { size, database, caller, msPerCall: [] as number[] };
    }),
  );
  try {
    for (const arm of arms) for (let i = 0; i < 50; i++) await arm.caller.slots.find(inputs[i % 2]!);
    for (let r = 0; r < rounds; r++) {
      for (const arm of r % 2 === 0 ? arms : [...arms].reverse()) {
        const c0 = process.cpuUsage();
        for (let i = 0; i < n; i++) await arm.caller.slots.find(inputs[i % 2]!);
        const c = process.cpuUsage(c0);
        arm.msPerCall.push((c.user + c.system) / 1000 / n);
      }
    }
  } finally {
    for (const arm of arms) await arm.database.close();
  }
  return arms.map(({ size, msPerCall }) => ({ size, msPerCall }));
}

export async function runStartBench(): Promise<string> {
  const load0 = loadavg()[0]!;
  const scratch = mkdtempSync(join(tmpdir(), 'frontdesk-start-bench-'));
  try {
    // Warm turbo's cache with one start, then start again with other runtime variables.
    const first = await npmStart({ DATA_DIR: join(scratch, 'npm-0') });
    const again: Array<{ ms: number; hits: number; misses: number }> = [];
    for (let i = 1; i <= RUNS; i++) again.push(await npmStart({ DATA_DIR: join(scratch, `npm-${i}`), PUBLIC_URL: `http://127.0.0.1:${40000 + i}` }));

    const fresh: ServiceStart[] = [];
    const second: ServiceStart[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dir = join(scratch, `svc-${i}`);
      fresh.push(await serviceStart(dir));
      second.push(await serviceStart(dir));
    }
    const ab = await sharedBuffersAB(scratch);
    const load1 = loadavg()[0]!;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const row = (label: string, r: ServiceStart[]) =>
      `| ${label} | ${s(median(r.map((x) => x.ms)))} | ${Math.round(median(r.map((x) => x.cpuMs)))} ms | ${Math.round(median(r.map((x) => x.rssIdle)))} MiB |`;
    return [
      '## Start-up',
      '',
      `Machine: ${machineLine()}`,
      '',
      `\`npm run bench\` (bench/start.ts), medians of ${RUNS} runs. 1-minute load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after (2 cores shared with other work: wall-clock figures move with the load; CPU time and cache verdicts do not).`,
      '',
      '`npm start` from the repository root, timed from the command to the booking service answering /healthz (turbo checks its build cache, then the service starts on a fresh embedded database and seeds the demo):',
      '',
      '| start | wall to /healthz | build tasks replayed from cache | rebuilt |',
      '|---|---:|---:|---:|',
      `| once, to fill the cache (not a fresh clone: the cache may already be warm) | ${s(first.ms)} | ${first.hits} | ${first.misses} |`,
      `| again with other PORT, DEMO_PORT, DATA_DIR, PUBLIC_URL | ${s(median(again.map((x) => x.ms)))} | ${median(again.map((x) => x.hits))} | ${Math.max(...again.map((x) => x.misses))} |`,
      '',
      'Target: a second start ≤ 8 s and no rebuild when only runtime variables change (turbo.json: runtime settings are `globalPassThroughEnv`, outside the build key; `test/start-cache-key.test.ts` checks the key).',
      '',
      'The built service alone (`node dist/main.js`, job worker off), embedded database:',
      '',
      '| start | wall to /healthz | service CPU to /healthz | RSS after 3 s idle |',
      '|---|---:|---:|---:|',
      row('fresh data folder (first start)', fresh),
      row('same folder again', second),
      '',
      `PGlite's \`shared_buffers\` against search (\`sharedBuffersAB\`): the HTTP bench's data (20 staff, 5,000 bookings) in two copies opened side by side in the bench process, \`slots.find\` (one staff and anyone, 7 days) called 100 times on each per round, in alternating order, ${ab[0]!.msPerCall.length} rounds; CPU per call (median, min–max): ${ab.map((a) => `${a.size} ${median(a.msPerCall).toFixed(2)} ms (${Math.min(...a.msPerCall).toFixed(2)}–${Math.max(...a.msPerCall).toFixed(2)})`).join(', ')}. The service ships ${PGLITE_SHARED_BUFFERS} (adapters/db/pglite-template.ts).`,
      '',
      'Before the template and the memory setting (same bench and machine, main at 40dc447, load ~18): fresh data folder 16.4 s, 6,870 ms CPU, 498 MiB; same folder again 6.4 s, 3,130 ms CPU, 404 MiB. A new data folder is now a copy of the build\'s migrated template (`dist/pglite-template`, adapters/db/pglite-template.ts): no initdb, no migrations on a user\'s first start (initdb alone was ~4 s of CPU). Targets: fresh start to /healthz ≤ 3 s after the build (wall-clock here is the shared machine\'s load; the CPU column is the comparable figure), idle RSS ≤ 250 MB.',
      '',
      'Where the idle memory goes (re-measured 2026-12-07 12:50 UTC, load 16–19, this machine; `process.memoryUsage()` and /proc/self/smaps inside `node dist/main.js` on a fresh folder, 5 s after /healthz): RSS 279 MiB = V8 heap 46 MiB (41 used) + PGlite\'s WebAssembly memory 128 MiB (`external` 140 MiB; PGlite\'s `HEAPU8.length` is still 128 MiB after start, migrations and seeding: it did not grow) + 46 MiB file-backed (the node binary and mapped code) + the rest (compiled JS and WebAssembly code, PGlite\'s file-system bundle, malloc). Node with PGlite\'s modules loaded idles at 54 MiB; PGlite opened on the template after 20 queries at 166–193 MiB. The 128 MiB is a floor set by PGlite\'s WebAssembly module, not by a setting: it declares 2,048 pages minimum, and `initialMemory: 64 MB` fails with `LinkError: memory import 0 is smaller than initial 2048, got 1024`. PostgreSQL\'s memory settings live inside that floor: lower `work_mem`, `maintenance_work_mem`, `temp_buffers`, `wal_buffers` changed nothing beyond run-to-run noise (±10 MiB); `shared_buffers` 1 MB against 16 MB gave PGlite alone 147–191 against 189–193 MiB (4 alternating runs), and 1 MB does not slow `slots.find` (the A/B above), so the service ships 1 MB (`test/pglite-template.test.ts` checks it is applied). Run from source (`node --import tsx src/main.ts`), tsx and esbuild add ~70 MiB (Node with the modules loaded: 125 MiB). So the idle RSS ≤ 250 MB target is NOT met on the embedded database: ~280 MiB = ~55 MiB Node + the fixed 128 MiB WebAssembly floor + ~100 MiB of the service\'s modules, caches and compiled code; on PostgreSQL the same service idles far lower because the database lives in another process. What could still close the gap: loading fewer modules at start.',
    ].join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
