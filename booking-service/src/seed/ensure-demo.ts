/**
 * The demo at start: seeded only when the database does not hold this code's demo already.
 * Upserting every demo row on each start cost ~0.8 s of CPU, and the PGlite code it ran was
 * then compiled by V8's optimising tier in the background, leaving the idle service ~40 MiB
 * larger than a fresh one (BENCHMARKS.md: start-up). seedDemo records a fingerprint of what it
 * wrote; a start whose demo has the same fingerprint writes nothing, a changed demo (rows, quote
 * trees, password hash, or SEED_FORMAT) is upserted as before.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { appSettings } from '../adapters/db/schema.js';
import { DEMO, DEMO_PASSWORD_HASH, LOOPBACK_ORIGINS, seedDemo } from './demo.js';
import { demoQuoteTrees } from './quote-trees.js';

/** The app_settings row holding the fingerprint of the demo last seeded. */
export const DEMO_SEED_KEY = 'demo_seed';

/** Bump when seedDemo writes the same data differently (another table, another rule), so existing databases are seeded again. */
const SEED_FORMAT = 1;

/** A fingerprint of everything seedDemo writes. */
export function demoFingerprint(): string {
  const written = { format: SEED_FORMAT, demo: DEMO, quoteTrees: demoQuoteTrees, passwordHash: DEMO_PASSWORD_HASH, origins: LOOPBACK_ORIGINS };
  return createHash('sha256').update(JSON.stringify(written)).digest('base64url');
}

/**
 * Seeds the demo unless the database's recorded fingerprint is `fingerprint` (this code's by
 * default); then records it. Says which happened.
 */
export async function ensureDemo(db: Db, fingerprint: string = demoFingerprint()): Promise<'seeded' | 'current'> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, DEMO_SEED_KEY));
  if (row?.value === fingerprint) return 'current';
  await seedDemo(db);
  await db
    .insert(appSettings)
    .values({ key: DEMO_SEED_KEY, value: fingerprint })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: fingerprint } });
  return 'seeded';
}
