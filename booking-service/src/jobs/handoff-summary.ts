/**
 * The `assistant.handoff-summary` job (written with the hand-off when the assistant is on;
 * services/assistant/handoff-summary.ts): the model's one-paragraph summary for staff. Any outcome
 * of the model (off, cap, timeout, error) completes the job without a summary; only a thrown error
 * of our own (the database) is retried, up to the job's few attempts.
 */
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import { writeHandoffSummary } from '../services/assistant/handoff-summary.js';
import type { JobDeps } from './deps.js';

export async function summariseHandoff(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const handoffId = typeof job.payload.handoffId === 'string' ? job.payload.handoffId : job.handoffId;
  if (!handoffId) {
    await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload');
    return;
  }
  let done = false;
  const outcome = await writeHandoffSummary(deps, handoffId, async (write) => {
    await deps.db.transaction(async (tx) => {
      const written = await write(tx);
      // Lost the lease meanwhile: undo, the worker holding it writes it once.
      if (!(await complete(tx, job, deps.workerId, now, written ? 'sent' : 'skipped:gone'))) tx.rollback();
      done = true;
    });
  });
  if (!done) await complete(deps.db, job, deps.workerId, now, `skipped:${outcome}`);
}
