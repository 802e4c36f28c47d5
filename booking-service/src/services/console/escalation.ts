/**
 * SLA escalation: an `inbox.escalate` job is written with the hand-off, due at its reply-by
 * instant; jobs/escalate-handoff.ts runs it.
 */
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue, type NewJob } from '../../adapters/job-queue/queue.js';

export const ESCALATE_JOB = 'inbox.escalate';

/** The escalation check of a hand-off at its reply-by instant (pure: services/handoff.ts writes it in the hand-off's statement). */
export function escalationJob(handoffId: string, dueAt: Date): NewJob {
  return { kind: ESCALATE_JOB, payload: { handoffId }, runAt: dueAt, handoffId };
}

/** In the caller's transaction: the escalation check of a hand-off at `dueAt`. */
export async function scheduleEscalation(db: Queryable, handoffId: string, dueAt: Date): Promise<void> {
  await enqueue(db, escalationJob(handoffId, dueAt));
}
