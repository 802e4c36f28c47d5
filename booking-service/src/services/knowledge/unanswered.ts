/**
 * Questions nothing answered (issue 18, the "add missing intents" loop): recorded by the chat's
 * knowledge-base search when it finds no good match, counted per business, language and wording
 * (case, spacing and punctuation folded), listed for the owner most-asked first, and removed when
 * the owner answers one (entries.ts) or dismisses it.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Lang } from '@frontdesk/shared';
import type { Db } from '../../adapters/db/client.js';
import { kbUnanswered } from '../../adapters/db/schema.js';
import { words } from '../../domain/intent/normalize-text.js';

/** Longer questions are kept cut (the CHECK allows 500). */
const MAX_QUESTION = 500;
/** The owner's list shows this many, most asked first. */
export const LIST_LIMIT = 200;

export interface Unanswered {
  id: string;
  lang: Lang;
  question: string;
  count: number;
  lastAt: string;
}

/** "Есть ли  Wi-Fi?" and "есть ли wi fi" are one question. */
export function foldQuestion(text: string): string {
  return words(text).join(' ').slice(0, MAX_QUESTION);
}

export async function recordUnanswered(db: Db, businessId: string, lang: Lang, text: string, now: Date): Promise<void> {
  const question = text.trim().slice(0, MAX_QUESTION);
  const folded = foldQuestion(question);
  // Nothing but punctuation or emoji: not a question an owner could answer.
  if (!folded) return;
  await db
    .insert(kbUnanswered)
    .values({ id: randomUUID(), businessId, lang, question, folded, count: 1, firstAt: now, lastAt: now })
    .onConflictDoUpdate({ target: [kbUnanswered.businessId, kbUnanswered.lang, kbUnanswered.folded], set: { count: sql`${kbUnanswered.count} + 1`, lastAt: now } });
}

export async function listUnanswered(db: Db, businessId: string): Promise<Unanswered[]> {
  const rows = await db
    .select()
    .from(kbUnanswered)
    .where(eq(kbUnanswered.businessId, businessId))
    .orderBy(desc(kbUnanswered.count), desc(kbUnanswered.lastAt), kbUnanswered.id)
    .limit(LIST_LIMIT);
  return rows.map((r) => ({ id: r.id, lang: r.lang, question: r.question, count: r.count, lastAt: r.lastAt.toISOString() }));
}

/** The owner decided it needs no answer. True when it was there. */
export async function dismissUnanswered(db: Db, businessId: string, id: string): Promise<boolean> {
  const gone = await db.delete(kbUnanswered).where(and(eq(kbUnanswered.businessId, businessId), eq(kbUnanswered.id, id))).returning({ id: kbUnanswered.id });
  return gone.length > 0;
}
