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
const app = createApp(deps, { widgetDist: env.WIDGET_DIST });
const server = app.listen(env.PORT, () => {
  const where = database.kind === 'pglite' ? `embedded database in ${resolve(env.DATA_DIR)}` : 'PostgreSQL';
  console.log(`Frontdesk booking service: ${publicUrl} (${where}, pid ${process.pid})`);
});

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close(() => {
    void database.close().finally(() => process.exit(0));
  });
  // Keep-alive connections may hold close() open; don't wait forever.
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
