/**
 * The bytes of a `slots.find` answer: the full shape and the compact one (`slots.findCompact`),
 * raw JSON and as the service sends it (brotli quality 4 and gzip level 6, what
 * http/compress-json.ts does per request), for the HTTP bench's data (the barber shop with 20
 * staff and 5,000 bookings, "anyone" and one staff member over a week), and the CPU one call
 * costs in-process (PGlite in memory; tRPC caller, no HTTP) for each shape. Byte counts are exact
 * and machine-independent; CPU is a median of 5 batches of 100 calls.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { openDatabase } from '../src/adapters/db/client.js';
import { createCaller } from '../src/api/router.js';
import { manualClock } from '../src/ports/clock.js';
import type { Deps } from '../src/services/deps.js';
import { seedLoad } from './http.js';
import { machineLine } from './report.js';

const TARGET_RAW = 6 * 1024;

export async function runSlotsShapeBench(): Promise<string> {
  const today = new Date();
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await seedLoad(database, today);
    const deps: Deps = { db: database.db, clock: manualClock(today.toISOString()), secret: 'bench-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000' };
    const caller = createCaller({ deps, origin: undefined, ip: '127.0.0.1' });
    const from = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
    const searches = [
      { label: '"anyone" of 20 staff, 7 days', input: { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', from, days: 7 } },
      { label: 'one staff member, 7 days', input: { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: 'barber-marcus', from, days: 7 } },
    ];
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const rows: string[] = [];
    const cpu: string[] = [];
    for (const { label, input } of searches) {
      const shapes = [
        { name: '`slots.find`', call: () => caller.slots.find(input) },
        { name: '`slots.findCompact`', call: () => caller.slots.findCompact(input) },
      ];
      for (const shape of shapes) {
        // The body tRPC writes for a query: {"result":{"data":…}}.
        const body = Buffer.from(JSON.stringify({ result: { data: await shape.call() } }));
        const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
        const gz = gzipSync(body).length;
        rows.push(`| ${label} | ${shape.name} | ${kb(body.length)} | ${kb(br)} | ${kb(gz)} |`);
        const batches: number[] = [];
        for (let b = 0; b < 6; b++) {
          const c0 = process.cpuUsage();
          for (let i = 0; i < 100; i++) await shape.call();
          const c = process.cpuUsage(c0);
          if (b > 0) batches.push((c.user + c.system) / 1000 / 100); // the first batch warms up
        }
        batches.sort((a, b) => a - b);
        cpu.push(`${label}, ${shape.name}: ${batches[2]!.toFixed(2)} ms`);
      }
    }
    const anyoneCompact = JSON.stringify({ result: { data: await caller.slots.findCompact(searches[0]!.input) } }).length;
    return [
      '## slots.find: bytes of an answer',
      '',
      `Machine: ${machineLine()}; 1-minute load average ${loadavg()[0]!.toFixed(1)}.`,
      '',
      '`npm run bench` (bench/slots-shape.ts). The same slots (start, end, serving staff) in both shapes; `slots.findCompact` answers `CompactSlots` (@frontdesk/shared: one length, start-to-start gaps in seconds, indexes into one staff list; `decodeSlots` gives back `slots.find`\'s list, test/slots-compact.test.ts). Data: the HTTP bench\'s barber shop (20 staff, 5,000 bookings). "Sent" is what the service puts on the wire per request (http/compress-json.ts: brotli q4 or gzip 6, for answers over 1 KB). Byte counts are exact and hold on any machine.',
      '',
      '| search | procedure | raw JSON | sent, brotli | sent, gzip |',
      '|---|---|---:|---:|---:|',
      ...rows,
      '',
      `Target: ≤ 6 KB raw for "anyone" over a week — ${anyoneCompact <= TARGET_RAW ? '**met**' : '**not met**'} (${kb(anyoneCompact)}).`,
      '',
      `Service CPU per call, in-process on PGlite (tRPC caller: search and shaping; no JSON, HTTP or compression), median of 5 batches of 100: ${cpu.join('; ')}. Wall-clock-free, but still the shared machine's CPU: compare the shapes with each other, not across machines.`,
    ].join('\n');
  } finally {
    await database.close();
  }
}
