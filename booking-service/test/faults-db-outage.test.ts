/**
 * PostgreSQL unreachable under load: the service answers 503 SERVICE_UNAVAILABLE with a
 * Retry-After header (never 500, never a hang) while the database is gone, and serves again
 * once it is back — the same process, not restarted. The outage is real at the network level:
 * the service reaches PostgreSQL through a loopback TCP proxy that the test cuts and restores
 * (restarting the shared PostgreSQL server would break other engineers' tests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { startService, type RunningService } from './support/spawn-service.js';
import { startTcpProxy, viaProxy, type TcpProxy } from './support/tcp-proxy.js';

const SITE = 'demo-barber-nyc';
const SERVICE = 'barber-haircut';

interface Answer {
  status: number;
  code?: string;
  retryAfter: string | null;
  at: number;
}

async function slotsFind(base: string, from: string): Promise<Answer> {
  const input = encodeURIComponent(JSON.stringify({ siteKey: SITE, serviceId: SERVICE, from, days: 7 }));
  const res = await fetch(`${base}/trpc/slots.find?input=${input}`, { signal: AbortSignal.timeout(15_000) });
  const body = (await res.json()) as { error?: { data?: { code?: string } } };
  return { status: res.status, code: body.error?.data?.code, retryAfter: res.headers.get('retry-after'), at: Date.now() };
}

async function hold(base: string, start: string): Promise<Answer> {
  const res = await fetch(`${base}/trpc/booking.hold`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: SITE, serviceId: SERVICE, start }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as { error?: { data?: { code?: string } } };
  return { status: res.status, code: body.error?.data?.code, retryAfter: res.headers.get('retry-after'), at: Date.now() };
}

/** `workers` loops of requests until stopped: steady load across the outage. */
function load(base: string, from: string, workers: number) {
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, i) => {
    while (running) {
      try {
        answers.push(i % 4 === 0 ? await hold(base, `${from}T15:00:00.000Z`) : await slotsFind(base, from));
      } catch {
        answers.push({ status: 0, retryAfter: null, at: Date.now() });
      }
    }
  });
  return {
    answers,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(done: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await sleep(50);
}

describe.runIf(process.env.DATABASE_URL)('PostgreSQL unreachable under load (loopback proxy cut)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let svc: RunningService;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const target = new URL(database.url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    svc = await startService({
      DATABASE_URL: viaProxy(database.url!, proxy),
      SEED_DEMO: 'true',
      APP_SECRET: 'o'.repeat(40),
      JOBS: 'false',
      RATE_LIMIT_PER_IP: '1000000',
      MAX_CONNECTIONS_PER_IP: '0',
      RATE_LIMIT_PER_SITE: '1000000',
    });
  }, 120_000);

  afterAll(async () => {
    await svc?.stop();
    await proxy?.stop();
    await database?.close();
  });

  it('answers 503 + Retry-After while the database is gone, and 200 again after, without a restart', async () => {
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const pid = svc.child.pid;
    const traffic = load(svc.url, from, 8);

    // Phases last until enough answers came back, not a fixed time: a busy CI machine is slow.
    await until(() => traffic.answers.length >= 20);
    const cutAt = Date.now();
    await proxy.stop();
    await until(() => traffic.answers.filter((a) => a.at > cutAt + 500).length >= 20);
    // The console too: its session lookup is a query, and must fail the same clean way.
    const consoleAnswer = await fetch(`${svc.url}/console/trpc/auth.me`, { headers: { cookie: 'fd_session=some-session-token' } });
    const consoleBody = (await consoleAnswer.json()) as { error?: { data?: { code?: string } } };
    const restoredAt = Date.now();
    await proxy.start();
    // Recovery: the pool drops its dead connections and opens new ones on demand.
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - restoredAt < 15_000) {
      expect(svc.child.exitCode, `the service died:\n${svc.output().slice(-3000)}`).toBeNull();
      if ((await slotsFind(svc.url, from)).status === 200) recoveredAt = Date.now();
      else await sleep(100);
    }
    await until(() => traffic.answers.filter((a) => a.at > recoveredAt + 200).length >= 20);
    await traffic.stop();

    const logs = svc.output().slice(-3000);
    const before = traffic.answers.filter((a) => a.at < cutAt);
    // Answers from well inside the outage (in-flight requests at the cut may still have finished).
    const during = traffic.answers.filter((a) => a.at > cutAt + 500 && a.at < restoredAt);
    const after = traffic.answers.filter((a) => a.at > recoveredAt + 200);

    expect(recoveredAt, logs).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((a) => a.status === 200 || a.status === 409), JSON.stringify(before.filter((a) => a.status >= 500).slice(0, 3))).toBe(true);

    expect(during.length).toBeGreaterThan(10);
    for (const a of during) {
      expect(a.status, logs).toBe(503);
      expect(a.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    expect(consoleAnswer.status, logs).toBe(503);
    expect(consoleBody.error?.data?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(consoleAnswer.headers.get('retry-after'))).toBeGreaterThan(0);
    // Never a 500 or a dropped connection, at any point.
    expect(traffic.answers.filter((a) => a.status === 500 || a.status === 0)).toEqual([]);

    expect(after.length).toBeGreaterThan(10);
    expect(after.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(svc.child.pid).toBe(pid);
    expect(svc.child.exitCode).toBeNull();
  }, 60_000);
});
