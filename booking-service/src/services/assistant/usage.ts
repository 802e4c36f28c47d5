/**
 * The assistant's daily token count per business (the cap in turn.ts). One row per business and
 * UTC day, added to with an upsert, so concurrent turns each add their own tokens.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { assistantUsage } from '../../adapters/db/schema.js';

export async function tokensToday(db: Db, businessId: string, day: string): Promise<number> {
  const row = (await db.select({ tokens: assistantUsage.tokens }).from(assistantUsage).where(and(eq(assistantUsage.businessId, businessId), eq(assistantUsage.day, day))).limit(1))[0];
  return row?.tokens ?? 0;
}

export async function addTokens(db: Db, businessId: string, day: string, tokens: number): Promise<void> {
  await db.insert(assistantUsage).values({ businessId, day, tokens })
    .onConflictDoUpdate({ target: [assistantUsage.businessId, assistantUsage.day], set: { tokens: sql`${assistantUsage.tokens} + ${tokens}` } });
}
