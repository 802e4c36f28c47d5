import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { appSettings } from '../adapters/db/schema.js';

/**
 * The signing secret when APP_SECRET is not set: generated once and kept in the database,
 * so links survive restarts and every process on one database agrees on it.
 */
export async function ensureSecret(db: Db): Promise<string> {
  await db
    .insert(appSettings)
    .values({ key: 'token_secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const rows = await db.select().from(appSettings).where(eq(appSettings.key, 'token_secret'));
  return rows[0]!.value;
}
