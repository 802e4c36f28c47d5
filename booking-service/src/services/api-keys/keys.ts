/**
 * API keys of the REST API: created, named, scoped and revoked by the owner in the console;
 * checked on every REST request (no cache, so a revoked key is refused at once).
 *
 * A key reads `fdk_<id>_<secret>`: the id finds the row, the secret is compared by its sha256
 * in constant time. The secret is returned once, at creation, and never stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export type ApiScope = 'read' | 'write';

export interface ApiKeyView {
  id: string;
  name: string;
  scope: ApiScope;
  rateLimitPerMinute: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** What the console shows of a key: its public part, never the secret. */
  preview: string;
}

export interface ApiPrincipal {
  keyId: string;
  businessId: string;
  scope: ApiScope;
  rateLimitPerMinute: number;
}

const KEY_RE = /^fdk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function view(r: typeof apiKeys.$inferSelect): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope,
    rateLimitPerMinute: r.rateLimitPerMinute,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    preview: `fdk_${r.id}_…`,
  };
}

export async function listApiKeys(deps: Pick<Deps, 'db'>, businessId: string): Promise<ApiKeyView[]> {
  const rows = await deps.db.select().from(apiKeys).where(eq(apiKeys.businessId, businessId)).orderBy(desc(apiKeys.createdAt), apiKeys.id);
  return rows.map(view);
}

export async function createApiKey(
  deps: Pick<Deps, 'db' | 'clock'>,
  businessId: string,
  userId: string | null,
  input: { name: string; scope: ApiScope; rateLimitPerMinute?: number | undefined },
): Promise<{ key: ApiKeyView; secret: string }> {
  // 16 lowercase alphanumerics (~80 bits) for the id, 32 random bytes for the secret.
  const id = Array.from(randomBytes(16), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  const secret = `fdk_${id}_${randomBytes(32).toString('base64url')}`;
  const [row] = await deps.db
    .insert(apiKeys)
    .values({
      id,
      businessId,
      name: input.name,
      scope: input.scope,
      secretHash: sha256(secret),
      ...(input.rateLimitPerMinute ? { rateLimitPerMinute: input.rateLimitPerMinute } : {}),
      createdByUserId: userId,
      createdAt: deps.clock.now(),
    })
    .returning();
  return { key: view(row!), secret };
}

export async function revokeApiKey(deps: Pick<Deps, 'db' | 'clock'>, businessId: string, id: string): Promise<Result<ApiKeyView>> {
  const rows = await deps.db
    .update(apiKeys)
    .set({ revokedAt: deps.clock.now() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.businessId, businessId), isNull(apiKeys.revokedAt)))
    .returning();
  if (rows[0]) return ok(view(rows[0]));
  // Revoking twice is not an error; another business's key is "not found".
  const again = await deps.db.select().from(apiKeys).where(and(eq(apiKeys.id, id), eq(apiKeys.businessId, businessId)));
  return again[0] ? ok(view(again[0])) : fail('API_KEY_NOT_FOUND', 'No such API key', { field: 'id' });
}

/** The business and scope a presented key stands for, or null (unknown, wrong or revoked). */
export async function authenticateApiKey(deps: Pick<Deps, 'db' | 'clock'>, presented: string): Promise<ApiPrincipal | null> {
  const m = KEY_RE.exec(presented);
  if (!m) return null;
  const [row] = await deps.db.select().from(apiKeys).where(eq(apiKeys.id, m[1]!));
  if (!row || row.revokedAt) return null;
  const a = Buffer.from(row.secretHash, 'hex');
  const b = Buffer.from(sha256(presented), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const now = deps.clock.now();
  // "Last used" to the minute is enough for the console and saves a write per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await deps.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return { keyId: row.id, businessId: row.businessId, scope: row.scope, rateLimitPerMinute: row.rateLimitPerMinute };
}
