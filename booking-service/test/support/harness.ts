/**
 * A seeded database, deps with a manual clock, a createCaller and (on demand) a real HTTP
 * server on loopback — one per test file, disposed after. No rate limits unless a test passes
 * a limiter: most tests fire many calls from 127.0.0.1 and measure other things.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createApp, type AppOptions } from '../../src/app.js';
import { createCaller, type AppRouter } from '../../src/api/router.js';
import { manualClock } from '../../src/ports/clock.js';
import { seedDemo } from '../../src/seed/demo.js';
import type { Deps } from '../../src/services/deps.js';
import type { RateLimiter } from '../../src/http/rate-limit.js';
import { createTestDatabase, type DbKind, type TestDatabase } from './db.js';

/** A Monday. 06:00Z is 09:00 in Moscow and 10:00 in Yerevan; 01:00 in New York (EST). */
export const T0 = '2026-03-02T06:00:00.000Z';

export interface Harness {
  database: TestDatabase;
  deps: Deps;
  clock: ReturnType<typeof manualClock>;
  caller: (origin?: string) => ReturnType<typeof createCaller>;
  /** Starts the HTTP server on first call; `app` options apply to that first call. */
  http(app?: Omit<AppOptions, 'log'>): Promise<{ url: string; client: (origin?: string) => ReturnType<typeof createTRPCClient<AppRouter>> }>;
  close(): Promise<void>;
}

export async function createHarness(kind: DbKind, opts: { seed?: boolean; now?: string; rateLimiter?: RateLimiter } = {}): Promise<Harness> {
  const database = await createTestDatabase(kind);
  if (opts.seed !== false) await seedDemo(database.db);
  const clock = manualClock(opts.now ?? T0);
  const deps: Deps = { db: database.db, clock, secret: 'test-secret-'.padEnd(40, 'x'), publicUrl: 'http://localhost:3000' };
  let server: Server | undefined;
  return {
    database,
    deps,
    clock,
    caller: (origin) => createCaller({ deps, origin, ip: '127.0.0.1' }),
    async http(appOptions = {}) {
      if (!server) {
        const app = createApp(deps, { log: () => {}, ...(opts.rateLimiter ? { rateLimiter: opts.rateLimiter } : {}), ...appOptions });
        server = await new Promise<Server>((resolve) => {
          const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
      }
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {
        url,
        client: (origin) =>
          createTRPCClient<AppRouter>({
            links: [httpLink({ url: `${url}/trpc`, headers: origin ? { origin } : {} })],
          }),
      };
    },
    async close() {
      if (server) await new Promise<void>((r) => server!.close(() => r()));
      await database.close();
    },
  };
}
