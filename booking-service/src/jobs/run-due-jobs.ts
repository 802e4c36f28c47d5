/**
 * runDueJobs(deps, now): claim the jobs due at `now` and run each once. Time is an argument,
 * so tests move a manual clock and call this instead of waiting; worker.ts calls it in a loop.
 */
import { claimDue, complete, failAttempt } from '../adapters/job-queue/queue.js';
import type { JobDeps } from './deps.js';
import { handlerOf, JOB_HANDLERS, type JobTable } from './registry.js';

export interface RunSummary {
  claimed: number;
  failed: number;
}

/** `handlers` is the job table (tests pass their own). */
export async function runDueJobs(deps: JobDeps, now: Date, handlers: JobTable = JOB_HANDLERS, limit = 20): Promise<RunSummary> {
  const batch = await claimDue(deps.db, deps.workerId, now, deps.leaseMs, limit);
  let failed = 0;
  for (const job of batch) {
    // Attempts are counted at claim: one beyond the limit means earlier tries crashed the process.
    if (job.attempts > job.maxAttempts) {
      await complete(deps.db, job, deps.workerId, now, 'failed');
      continue;
    }
    const handler = handlerOf(handlers, job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(deps, job, now);
    } catch (err) {
      failed++;
      deps.log(`[jobs] ${job.kind} ${job.id} attempt ${job.attempts} failed`, err instanceof Error ? err.message : err);
      await failAttempt(deps.db, job, deps.workerId, now, err).catch((e: unknown) => deps.log('[jobs] could not record failure', e));
    }
  }
  return { claimed: batch.length, failed };
}

/** Runs until nothing is due at `now` (tests: "everything that should have happened by now"). */
export async function drainDueJobs(deps: JobDeps, now: Date, handlers: JobTable = JOB_HANDLERS): Promise<number> {
  let total = 0;
  for (;;) {
    const { claimed } = await runDueJobs(deps, now, handlers);
    total += claimed;
    if (claimed === 0) return total;
  }
}
