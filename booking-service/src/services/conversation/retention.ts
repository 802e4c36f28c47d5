/**
 * Transcript retention: a conversation's messages are kept for the business's
 * `transcriptRetentionDays` after its last activity (`conversations.purge_after`), then a durable
 * job deletes them and empties the engine's state. The conversation row (its outcome, for the
 * KPIs) and the lead (the business's record of the person; erased only on request) stay.
 *
 * One recurring job: a fixed id, inserted (or revived) when a conversation is created, and moved
 * a day ahead by its handler each run, so every process can ensure it exists without duplicates.
 */
import { and, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { conversationMessages, conversations, jobs } from '../../adapters/db/schema.js';
import type { Queryable } from '../../adapters/db/client.js';
import { purgeLookupCodes } from './lookup-codes.js';

export const PURGE_JOB_ID = 'conversation-purge';
export const PURGE_JOB_KIND = 'conversation.purge';
/** Conversations purged per batch; a run goes on until none is due. */
const BATCH = 200;
const DAY = 86_400_000;

export async function ensurePurgeJob(db: Queryable, now: Date): Promise<void> {
  await db.execute(purgeJobWrite(db, now));
}

/** `ensurePurgeJob` as a write for another statement's WITH clause (a conversation's first turn). */
export function purgeJobWrite(db: Queryable, now: Date): SQL {
  return db
    .insert(jobs)
    .values({ id: PURGE_JOB_ID, kind: PURGE_JOB_KIND, payload: {}, runAt: new Date(now.getTime() + DAY) })
    // A purge job that gave up (failed attempts) comes back to life: retention must not stop.
    .onConflictDoUpdate({ target: jobs.id, set: { doneAt: null, attempts: 0, runAt: now, outcome: null }, setWhere: isNotNull(jobs.doneAt) })
    .getSQL();
}

/** Empties every conversation whose retention ended before `now`; returns how many. */
export async function purgeExpiredTranscripts(db: Queryable, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const due = await db.select({ id: conversations.id }).from(conversations).where(and(isNotNull(conversations.purgeAfter), lt(conversations.purgeAfter, now))).limit(BATCH);
    if (due.length === 0) return total;
    const ids = due.map((r) => r.id);
    await db.transaction(async (tx) => {
      await tx.delete(conversationMessages).where(inArray(conversationMessages.conversationId, ids));
      await tx.update(conversations).set({ state: {}, purgeAfter: null, updatedAt: now }).where(inArray(conversations.id, ids));
    });
    total += ids.length;
  }
}

/** What the daily purge does: transcripts past retention, and lookup codes of no use any more. */
export async function purgeExpired(db: Queryable, now: Date): Promise<{ conversations: number; codes: number }> {
  return { conversations: await purgeExpiredTranscripts(db, now), codes: await purgeLookupCodes(db, now) };
}

/** Moves the recurring purge job a day ahead (it never completes; see above). */
export async function reschedulePurgeJob(db: Queryable, workerId: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt: new Date(now.getTime() + DAY), attempts: 0, lockedUntil: null, lockedBy: null, lastError: null })
    .where(and(eq(jobs.id, PURGE_JOB_ID), eq(jobs.lockedBy, workerId), sql`${jobs.doneAt} IS NULL`));
}
