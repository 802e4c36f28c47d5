/**
 * Composition root: env → adapters → createApp → listen. Nothing else.
 */
import { resolve } from 'node:path';
import { openDatabase } from './adapters/db/client.js';
import { createApp } from './app.js';
import { readEnv } from './env.js';
import { systemClock } from './ports/clock.js';
import { seedDemo } from './seed/demo.js';
import { ensureSecret } from './services/secret.js';
import { hostname } from 'node:os';
import { createOutboxTransport } from './adapters/mail/outbox.js';
import { createSmtpTransport } from './adapters/mail/smtp.js';
import { startJobWorker } from './jobs/worker.js';
import { googleRuntimeFromEnv } from './adapters/google/runtime.js';
import { ensureCalendarTick } from './services/calendar-sync/enqueue.js';
import { createRateLimiter } from './http/rate-limit.js';
import { memoryStore } from './http/memory-store.js';
import { redisStore } from './http/redis-store.js';

const env = readEnv();
const database = await openDatabase(
  env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE }
    : { kind: 'pglite', dataDir: resolve(env.DATA_DIR) },
);
if (env.SEED_DEMO ?? database.kind === 'pglite') await seedDemo(database.db);

const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
const deps = {
  db: database.db,
  clock: systemClock,
  secret: env.APP_SECRET ?? (await ensureSecret(database.db)),
  publicUrl,
};
const leaseMs = env.JOB_LEASE_SECONDS * 1000;
// An SMTP exchange must end well inside the lease, or another process could send it again.
const transport = env.SMTP_URL ? createSmtpTransport(env.SMTP_URL, { timeoutMs: Math.min(20_000, leaseMs / 3) }) : createOutboxTransport(systemClock);
const google = googleRuntimeFromEnv(env, publicUrl, leaseMs);
if (google) await ensureCalendarTick(database.db, systemClock.now());
const worker = env.JOBS
  ? startJobWorker(
      { ...deps, transport, mailFrom: env.MAIL_FROM, workerId: `${hostname()}:${process.pid}`, leaseMs, log: (m, e) => console.error(m, e ?? ''), google },
      { pollMs: env.JOBS_POLL_MS },
    )
  : undefined;
const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
const limitStore = env.REDIS_URL ? redisStore(env.REDIS_URL) : memoryStore();
const rateLimiter = createRateLimiter({
  store: limitStore,
  rules: [
    { scope: 'ip', limit: env.RATE_LIMIT_PER_IP, windowMs },
    { scope: 'site', limit: env.RATE_LIMIT_PER_SITE, windowMs },
  ],
  now: () => systemClock.now().getTime(),
  onStoreError: (e) => console.error('[rate-limit] store unavailable, not limiting', e),
});
const app = createApp(deps, { widgetDist: env.WIDGET_DIST, mailbox: env.MAILBOX ?? !env.SMTP_URL, rateLimiter, google });
const server = app.listen(env.PORT, () => {
  const where = database.kind === 'pglite' ? `embedded database in ${resolve(env.DATA_DIR)}` : 'PostgreSQL';
  console.log(`Frontdesk booking service: ${publicUrl} (${where}, pid ${process.pid})`);
  console.log(env.SMTP_URL ? `Mail: SMTP ${new URL(env.SMTP_URL).host}` : `Mail: outbox, readable at ${publicUrl}/mailbox`);
});

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close(() => {
    void Promise.resolve(worker?.stop())
      .then(() => transport.close?.())
      .then(() => limitStore.close?.())
      .finally(() => database.close().finally(() => process.exit(0)));
  });
  // Keep-alive connections may hold close() open; don't wait forever.
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
