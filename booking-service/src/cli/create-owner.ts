/**
 * npm run create-owner -w @frontdesk/booking-service -- --business <id> --email <e-mail> --password <password>
 *   [--name <business name> --time-zone <IANA zone> --currency <ISO 4217> --lang ru|hy|en]   (for a new business;
 *    defaults: a name from the id, UTC, USD, en)
 *   [--owner-name <name>]   (default: the name in the e-mail address)
 *
 * Uses the same database settings as the service (DATABASE_URL, or the embedded database in
 * DATA_DIR: stop the service first, the embedded database takes one process at a time).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../adapters/db/client.js';
import { DataDirLocked } from '../adapters/db/dir-lock.js';
import { readEnv } from '../env.js';
import { createOwner } from '../services/console/owner-account.js';

const LANGS = ['ru', 'hy', 'en'] as const;

async function main(): Promise<number> {
  const { values: a } = parseArgs({
    options: {
      business: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      currency: { type: 'string' },
      lang: { type: 'string' },
      'owner-name': { type: 'string' },
    },
    strict: true,
  });
  if (!a.business || !a.email || !a.password) {
    console.error('usage: create-owner --business <id> --email <e-mail> --password <password> [--name … --time-zone … --currency … --lang ru|hy|en]');
    return 2;
  }
  const lang = a.lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) {
    console.error('--lang: one of ru, hy, en');
    return 2;
  }
  const env = readEnv();
  let database;
  try {
    database = await openDatabase(
      env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: 2 } : { kind: 'pglite', dataDir: resolve(env.DATA_DIR) },
    );
  } catch (err) {
    // The running service holds the embedded database (adapters/db/dir-lock.ts): say so, no stack.
    if (err instanceof DataDirLocked) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  try {
    // Used only when the business is new; every part has a default (name: from the business id).
    const business = { name: a.name, timeZone: a['time-zone'] ?? 'UTC', currency: (a.currency ?? 'USD').toUpperCase(), lang: lang as (typeof LANGS)[number] };
    const r = await createOwner(database.db, { businessId: a.business, email: a.email, password: a.password, business, name: a['owner-name'] }, new Date());
    console.log(
      `${r.createdBusiness ? `Created business ${a.business}. ` : ''}${r.createdUser ? 'Created' : 'Updated the password of'} owner ${a.email.trim().toLowerCase()}. ` +
        `Sign in at ${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`}/console`,
    );
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
