/**
 * TRUST_PROXY: behind a load balancer every request arrives from the balancer's address, so
 * per-IP limits must read the client from X-Forwarded-For — but only from proxies we were told
 * to trust, or any client could name its own IP and never be limited.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { readEnv } from '../src/env.js';
import { createRateLimiter } from '../src/http/rate-limit.js';
import { memoryStore } from '../src/http/memory-store.js';
import { createHarness, type Harness } from './support/harness.js';

const siteGet = (url: string, forwardedFor: string) =>
  fetch(`${url}/trpc/site.get?input=${encodeURIComponent(JSON.stringify({ siteKey: 'demo-salon-spb' }))}`, { headers: { 'x-forwarded-for': forwardedFor } });

async function statuses(trustProxy: number | string[] | undefined): Promise<number[]> {
  const now = Date.parse('2026-03-02T06:00:00Z');
  const limiter = createRateLimiter({ store: memoryStore(), rules: [{ scope: 'ip', limit: 2, windowMs: 60_000 }], now: () => now });
  // One app per setting on the same database: only the Express option differs.
  const app = createApp(h.deps, { log: () => {}, rateLimiter: limiter, ...(trustProxy === undefined ? {} : { trustProxy }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out: number[] = [];
  // Three clients behind the balancer, two requests each: within a limit of 2 per IP each.
  for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) for (let i = 0; i < 2; i++) out.push((await siteGet(url, ip)).status);
  await new Promise<void>((r) => server.close(() => r()));
  return out;
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness('pglite');
});
afterAll(async () => {
  await h?.close();
});

describe('trust proxy', () => {
  it('with TRUST_PROXY=1, per-IP limits count each forwarded client separately', async () => {
    expect(await statuses(1)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('with a proxy address list that includes the balancer (loopback here), the same', async () => {
    expect(await statuses(['loopback'])).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('without it, X-Forwarded-For is ignored: everyone is the socket address and shares one budget', async () => {
    expect(await statuses(undefined)).toEqual([200, 200, 429, 429, 429, 429]);
  });

  it('reads TRUST_PROXY as hops or a list, and refuses "trust everyone" and garbage', () => {
    expect(readEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(readEnv({ TRUST_PROXY: '10.0.0.0/8, loopback,192.168.1.7' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback', '192.168.1.7']);
    expect(readEnv({}).TRUST_PROXY).toBeUndefined();
    for (const bad of ['true', '10.0.0.0/99', 'evil.example', '1,2']) expect(() => readEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});
