/**
 * Short links for text messages: `/l/<code>` → the signed link. The code is derived from the
 * target (HMAC), so a retried job makes the same link and no second row.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { shortLinks } from '../../adapters/db/schema.js';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHORT_CODE = /^[0-9A-Za-z]{10}$/;

function codeOf(secret: string, target: string): string {
  const h = createHmac('sha256', secret).update(`short-link:${target}`).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += B62[h[i]! % 62];
  return out;
}

export async function shortLink(db: Queryable, deps: { secret: string; publicUrl: string }, businessId: string, target: string, now: Date): Promise<string> {
  const code = codeOf(deps.secret, target);
  await db.insert(shortLinks).values({ code, businessId, target, createdAt: now }).onConflictDoNothing();
  return `${deps.publicUrl.replace(/\/+$/, '')}/l/${code}`;
}

export async function resolveShortLink(db: Queryable, code: string): Promise<string | null> {
  if (!SHORT_CODE.test(code)) return null;
  return (await db.select({ target: shortLinks.target }).from(shortLinks).where(eq(shortLinks.code, code)).limit(1))[0]?.target ?? null;
}
