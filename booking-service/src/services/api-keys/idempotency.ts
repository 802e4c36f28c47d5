/**
 * Idempotency-Key on the REST API's creates (draft-ietf-httpapi-idempotency-key-header):
 * the first request with a key claims it (an INSERT, so of two racing requests one wins);
 * a retry with the same key and the same request gets the stored answer; the same key with
 * another request is refused; a retry while the first is still running is told to wait.
 * Keys are per API key, so two integrations cannot collide.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { apiIdempotency } from '../../adapters/db/schema.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../adapters/db/errors.js';
import type { Deps } from '../deps.js';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' };

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

export async function claimIdempotencyKey(deps: Pick<Deps, 'db' | 'clock'>, apiKeyId: string, key: string, hash: string): Promise<IdempotencyClaim> {
  try {
    await deps.db.insert(apiIdempotency).values({ apiKeyId, key, requestHash: hash, createdAt: deps.clock.now() });
    return { kind: 'claimed' };
  } catch (err) {
    if (pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
  }
  const [row] = await deps.db.select().from(apiIdempotency).where(and(eq(apiIdempotency.apiKeyId, apiKeyId), eq(apiIdempotency.key, key)));
  // Released between our insert and this read (the first request failed): the client may retry.
  if (!row) return { kind: 'in_progress' };
  if (row.requestHash !== hash) return { kind: 'mismatch' };
  if (row.status === null) return { kind: 'in_progress' };
  return { kind: 'replay', status: row.status, body: row.body };
}

/** Stores the answer to replay for this key. */
export async function completeIdempotencyKey(deps: Pick<Deps, 'db'>, apiKeyId: string, key: string, status: number, body: unknown): Promise<void> {
  await deps.db
    .update(apiIdempotency)
    .set({ status, body })
    .where(and(eq(apiIdempotency.apiKeyId, apiKeyId), eq(apiIdempotency.key, key), isNull(apiIdempotency.status)));
}

/** Gives the key back (the request failed unexpectedly: nothing was done, a retry may run it). */
export async function releaseIdempotencyKey(deps: Pick<Deps, 'db'>, apiKeyId: string, key: string): Promise<void> {
  await deps.db.delete(apiIdempotency).where(and(eq(apiIdempotency.apiKeyId, apiKeyId), eq(apiIdempotency.key, key), isNull(apiIdempotency.status)));
}
