/**
 * Issue 12, limits (slow clients), against the real service (src/main.ts in its own process):
 * 800 slow connections — half slowloris heads, half slow bodies — from 16 loopback addresses
 * (50 each, under the per-IP cap of 64), while normal visitors keep asking for slots from
 * another address. Before: 800 slow-body connections were still held after 110 s (Node allows
 * 300 s). Now each slow client is cut by the headers or the request timeout (408).
 * The bounds are derived from the configuration and Node's defaults, not from timings seen on
 * one machine, so a loaded 2-core CI passes them and a regression still fails them:
 * - not before its timeout: a head is cut no earlier than HEADERS_TIMEOUT_S, a body no earlier
 *   than REQUEST_TIMEOUT_S — it was the configured timeout that cut it;
 * - well before Node's defaults: every one is cut within a third of Node's own 60 s headers
 *   default (and so a fifteenth of its 300 s request default, a fifth of the 110 s the attack
 *   saw), which only our limits can do; the slack above the timeouts is for a shared machine
 *   checking 800 sockets late;
 * - normal visitors are answered, each before a slow body's own timeout has run out.
 * One address over the cap is refused at accept: closed without a byte, where an accepted
 * socket would have got a 408 from the headers timeout.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from './support/spawn-service.js';
import { trpc } from './support/trpc-http.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SLOW = 800;
const ADDRESSES = 16;
const HEADERS_TIMEOUT_S = 2;
const REQUEST_TIMEOUT_S = 4;
/** Node's own default http.Server headersTimeout (its requestTimeout is 300 s): the attack's slow heads and bodies ran into these. */
const NODE_HEADERS_TIMEOUT_MS = 60_000;
/** Every slow client is cut within a third of Node's head default (see above). */
const CUT_BOUND_MS = NODE_HEADERS_TIMEOUT_MS / 3;
/** A normal visitor waits less than a slow body is allowed to hold its socket. */
const NORMAL_BOUND_MS = REQUEST_TIMEOUT_S * 1000;

interface SlowResult {
  kind: 'head' | 'body';
  /** Milliseconds from connect to the server closing the socket. */
  ms: number;
  got: string;
}

/** A client that opens, writes a start, then one more byte every second and never finishes (sparse: 800 of them must not load the test's own process). */
function slowClient(port: number, localAddress: string, kind: 'head' | 'body', connected = () => {}): Promise<SlowResult> {
  return new Promise((resolve) => {
    let t0 = performance.now();
    let got = '';
    let drip: NodeJS.Timeout | undefined;
    const s: Socket = connect({ port, host: '127.0.0.1', localAddress }, () => {
      t0 = performance.now();
      connected();
      s.write(kind === 'head' ? 'GET /healthz HTTP/1.1\r\nHost: x\r\n' : 'POST /trpc/booking.hold HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
      drip = setInterval(() => {
        if (!s.destroyed) s.write(kind === 'head' ? 'X-Slow: 1\r\n' : ' ');
      }, 1_000);
    });
    s.on('data', (d) => (got += String(d)));
    s.on('error', () => {});
    s.on('close', () => {
      clearInterval(drip);
      resolve({ kind, ms: performance.now() - t0, got });
    });
  });
}

describe('limits: 800 slow clients against the running service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-slow-'));
  let svc: RunningService;
  beforeAll(async () => {
    svc = await startService({
      DATA_DIR: join(dir, 'data'),
      APP_SECRET: 'slow-clients-secret-'.padEnd(40, 'z'),
      JOBS: 'false',
      HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_S),
      REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_S),
      MAX_CONNECTIONS_PER_IP: '64',
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_SITE: '1000000',
    });
  }, 90_000);
  afterAll(async () => {
    await svc?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('cuts every slow client by its timeout (408) while normal requests are answered within the bound', async () => {
    const port = Number(new URL(svc.url).port);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const ask = () => trpc(svc.url, 'slots.find', { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from, days: 3 });
    await ask(); // warm: the first search loads the business's configuration
    let connected = 0;
    const slow = Array.from({ length: SLOW }, (_, i) => slowClient(port, `127.0.0.${2 + (i % ADDRESSES)}`, i % 2 === 0 ? 'head' : 'body', () => connected++));
    // All 800 at once overflow the listen backlog (511): the kernel drops SYNs and clients retry
    // after 1, 2, 4 s. Normal visitors start once the slow ones are in, as in a real slow attack.
    while (connected < SLOW) await new Promise((r) => setTimeout(r, 20));

    // Normal visitors from 127.0.0.1 for as long as the slow ones are held: slots, one after another.
    const normal: { ms: number; ok: boolean }[] = [];
    let finished = 0;
    for (const p of slow) void p.then(() => finished++);
    while (finished < SLOW) {
      const t = performance.now();
      const ok = await ask().then(
        (r: { slots?: unknown[] }) => Array.isArray(r.slots),
        () => false,
      );
      normal.push({ ms: performance.now() - t, ok });
      await new Promise((r) => setTimeout(r, 50));
    }
    const results = await Promise.all(slow);

    expect(normal.length).toBeGreaterThanOrEqual(3);
    expect(normal.filter((n) => !n.ok)).toEqual([]);
    const worst = Math.max(...normal.map((n) => n.ms));
    expect(worst, normal.map((n) => Math.round(n.ms)).join(' ')).toBeLessThan(NORMAL_BOUND_MS);

    const heads = results.filter((r) => r.kind === 'head');
    const bodies = results.filter((r) => r.kind === 'body');
    // Every slow client was closed by the server (none is still open), each with a 408.
    expect(results.filter((r) => !/^HTTP\/1\.1 408/.test(r.got))).toHaveLength(0);
    // Cut by the configured timeouts: not before them…
    expect(Math.min(...heads.map((r) => r.ms))).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_S * 1000 - 500);
    expect(Math.min(...bodies.map((r) => r.ms))).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_S * 1000 - 500);
    // …and long before Node's defaults could have (60 s for a head, 300 s for a body).
    expect(Math.max(...heads.map((r) => r.ms))).toBeLessThan(CUT_BOUND_MS);
    expect(Math.max(...bodies.map((r) => r.ms))).toBeLessThan(CUT_BOUND_MS);
    console.log(
      `[slow-clients] ${SLOW} slow (${heads.length} heads, ${bodies.length} bodies) from ${ADDRESSES} addresses: heads cut at ≤ ${Math.round(Math.max(...heads.map((r) => r.ms)))} ms, bodies at ≤ ${Math.round(Math.max(...bodies.map((r) => r.ms)))} ms; ${normal.length} normal slots.find, worst ${Math.round(worst)} ms`,
    );
    expect(svc.child.exitCode).toBeNull();
  }, 60_000);

  it('one address over MAX_CONNECTIONS_PER_IP is refused at accept; the others are unaffected', async () => {
    const port = Number(new URL(svc.url).port);
    const held = await Promise.all(
      Array.from({ length: 64 }, () => new Promise<Socket>((r) => {
        const s = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.99' }, () => r(s));
        s.on('error', () => {});
      })),
    );
    const extra = await slowClient(port, '127.0.0.99', 'head');
    // Closed without a byte: an accepted socket would have been answered 408 by the headers timeout.
    expect(extra.got).toBe('');
    expect(extra.ms).toBeLessThan(CUT_BOUND_MS);
    expect((await fetch(`${svc.url}/healthz`)).ok).toBe(true);
    for (const s of held) s.destroy();
  });
});
