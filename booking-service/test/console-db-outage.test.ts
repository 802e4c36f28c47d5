/**
 * Issue 12 (PostgreSQL outages): the console answered 500 while the database was unreachable —
 * its event streams (`/console/stream`, a conversation's stream) read the session outside tRPC
 * and fell through to Express's last resort. Now every console route answers 503 + Retry-After,
 * like the public API, and serves again once the database is back.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

describe.each(dbKinds)('the console during a database outage (%s)', (kind) => {
  let h: Harness;
  let server: Server;
  let url: string;
  let outage = false;
  beforeAll(async () => {
    h = await createHarness(kind);
    // Every query fails the way pg does when PostgreSQL is gone, while `outage` is on.
    const db = new Proxy(h.deps.db, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (outage) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const app = createApp({ ...h.deps, db }, { log: () => {} });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
  });

  const signedIn = { cookie: 'fd_session=a-session-token-of-someone' };
  const routes = ['/console/stream', `/console/conversations/${randomUUID()}/stream`, '/console/trpc/auth.me', '/console/trpc/inbox.unread'];

  it('answers 503 with Retry-After on every console route, never 500', async () => {
    outage = true;
    for (const path of routes) {
      const res = await fetch(`${url}${path}`, { headers: signedIn });
      expect(res.status, path).toBe(503);
      expect(Number(res.headers.get('retry-after')), path).toBeGreaterThan(0);
      expect(res.headers.get('cache-control'), path).toContain('no-store');
      const body = JSON.stringify(await res.json());
      expect(body, path).not.toMatch(/ECONNREFUSED|5432|Internal error/);
    }
  });

  it('serves again when the database is back (an unknown session: signed out, not 503)', async () => {
    outage = false;
    for (const path of routes) {
      const res = await fetch(`${url}${path}`, { headers: signedIn });
      // auth.me answers "nobody" (null); everything else asks to sign in.
      expect(res.status, path).toBe(path.endsWith('auth.me') ? 200 : 401);
    }
  });
});
