/**
 * The cost of one booking (hold + confirm) on PostgreSQL, counted rather than timed: database round
 * trips (every query message the service sends and waits for, BEGIN and COMMIT included) and the
 * service's CPU per pair, in-process through the tRPC caller (no HTTP). Round trips are exact and
 * hold on any machine; CPU is a median of 3 batches. Needs DATABASE_URL (a fresh database is made
 * and dropped). The target: ≤ 6 round trips and ≤ 5 ms CPU per pair.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { createCaller } from '../src/api/router.js';
import { manualClock } from '../src/ports/clock.js';
import { createConfigCache } from '../src/services/config-cache.js';
import type { Deps } from '../src/services/deps.js';
import { seedDemo } from '../src/seed/demo.js';
import { createBenchDatabase } from './http.js';
import { machineLine } from './report.js';

const PAIRS_PER_BATCH = 30;

export async function runWritesBench(): Promise<string> {
  if (!process.env.DATABASE_URL) return '## Booking writes (hold + confirm)\n\nNot run: set DATABASE_URL (PostgreSQL) to measure.';
  const { database, drop } = await createBenchDatabase();
  let queries = 0;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored unchanged in finally; called with its own `this` below
  const original = pg.Client.prototype.query;
  // Every Client.query is one message sent and one answer awaited (Pool.query goes through it).
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    queries++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await seedDemo(database.db);
    const now = new Date();
    const deps: Deps = { db: database.db, clock: manualClock(now.toISOString()), secret: 'bench-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000', configCache: createConfigCache() };
    const caller = createCaller({ deps, origin: undefined, ip: '127.0.0.1' });
    const from = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const service = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut' };
    const { slots } = await caller.slots.find({ ...service, from, days: 14 });
    // Distinct starts, so every hold finds its slot free (each start books one barber).
    const starts = [...new Set(slots.map((s) => s.start))];
    const perHold: number[] = [];
    const perConfirm: number[] = [];
    const perFind: number[] = [];
    const cpuPerPair: number[] = [];
    let n = 0;
    let failures = 0;
    for (let batch = 0; batch < 4; batch++) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < PAIRS_PER_BATCH; i++) {
        const start = starts[n++ % starts.length]!;
        let q = queries;
        const hold = await caller.booking.hold({ ...service, start }).catch(() => undefined);
        perHold.push(queries - q);
        if (!hold) {
          failures++;
          continue;
        }
        q = queries;
        await caller.booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Bench Visitor', phone: '+1 212 555 0100' }, consent: true, lang: 'en', idempotencyKey: `bench-${batch}-${i}-${n}` });
        perConfirm.push(queries - q);
      }
      const c = process.cpuUsage(c0);
      if (batch > 0) cpuPerPair.push((c.user + c.system) / 1000 / PAIRS_PER_BATCH); // batch 0 warms up
      const q = queries;
      await caller.slots.find({ ...service, from, days: 7 });
      perFind.push(queries - q);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const hold = median(perHold);
    const confirm = median(perConfirm);
    const cpu = median(cpuPerPair);
    return [
      '## Booking writes (hold + confirm)',
      '',
      `Machine: ${machineLine()}; 1-minute load average ${loadavg()[0]!.toFixed(1)}.`,
      '',
      `\`npm run bench\` (bench/writes.ts), PostgreSQL, in-process through the tRPC caller (no HTTP): ${PAIRS_PER_BATCH * 4} hold + confirm pairs on the demo barber shop, each on its own start. Round trips = query messages sent to PostgreSQL and awaited (BEGIN/COMMIT included), counted on the driver: exact, machine-independent. CPU = the process's user + system time per pair (service and driver), median of 3 batches of ${PAIRS_PER_BATCH} after a warm-up batch; it moves with the machine's load (PostgreSQL's own CPU is not in it).`,
      '',
      '| step | round trips (median) | min | max |',
      '|---|---:|---:|---:|',
      `| \`booking.hold\` | ${hold} | ${Math.min(...perHold)} | ${Math.max(...perHold)} |`,
      `| \`booking.confirm\` | ${confirm} | ${Math.min(...perConfirm)} | ${Math.max(...perConfirm)} |`,
      `| **pair** | **${hold + confirm}** | | |`,
      `| \`slots.find\` (config cached) | ${median(perFind)} | ${Math.min(...perFind)} | ${Math.max(...perFind)} |`,
      '',
      `CPU per pair: ${cpu.toFixed(2)} ms. Failed holds: ${failures}. Targets: ≤ 6 round trips per pair — ${hold + confirm <= 6 ? '**met**' : '**not met**'}; ≤ 5 ms CPU per pair — ${cpu <= 5 ? 'met' : 'not met'} on this machine.`,
    ].join('\n');
  } finally {
    pg.Client.prototype.query = original;
    await drop();
  }
}
