/**
 * SLA escalation: an `inbox.escalate` job is written with the hand-off, due at its reply-by
 * instant; jobs/escalate-handoff.ts runs it.
 */
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue } from '../../adapters/job-queue/queue.js';

export const ESCALATE_JOB = 'inbox.escalate';

/** In the hand-off's own transaction: the escalation check at its reply-by instant. */
export async function scheduleEscalation(db: Queryable, handoffId: string, dueAt: Date): Promise<void> {
  await enqueue(db, { kind: ESCALATE_JOB, payload: { handoffId }, runAt: dueAt, handoffId });
}
