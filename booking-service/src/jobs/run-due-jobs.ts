/**
 * runDueJobs(deps, now): claim the jobs due at `now` and run each once. Time is an argument,
 * so tests move a manual clock and call this instead of waiting; worker.ts calls it in a loop.
 */
import { claimDue, complete, failAttempt, renewClaim, type JobRow } from '../adapters/job-queue/queue.js';
import type { JobDeps } from './deps.js';
import { keepLeases } from './keep-lease.js';
import { handlerOf, JOB_HANDLERS, type JobTable } from './registry.js';

export interface RunSummary {
  claimed: number;
  failed: number;
}

/**
 * `handlers` is the job table (tests pass their own). A batch of up to `limit` jobs is claimed on
 * one lease and run one after another; the jobs still waiting keep their leases alive meanwhile
 * (keep-lease.ts), and each is run only if it is still this worker's from this claim — else a
 * slow first job let the others' leases lapse, a second process claimed and sent them, and this
 * one sent them again (issue 12, defect 7).
 */
export async function runDueJobs(deps: JobDeps, now: Date, handlers: JobTable = JOB_HANDLERS, limit = 20): Promise<RunSummary> {
  const batch = await claimDue(deps.db, deps.workerId, now, deps.leaseMs, limit);
  if (batch.length === 0) return { claimed: 0, failed: 0 };
  const waiting = new Set(batch.map((j) => j.id));
  const leases = keepLeases(deps, () => [...waiting]);
  let failed = 0;
  try {
    for (const job of batch) {
      try {
        failed += await runClaimed(deps, job, now, handlers);
      } finally {
        waiting.delete(job.id);
      }
    }
  } finally {
    await leases.stop();
  }
  return { claimed: batch.length, failed };
}

/** Runs one job of a claimed batch; 1 if it failed (also used by dev/job-runner.ts). */
export async function runClaimed(deps: JobDeps, job: JobRow, now: Date, handlers: JobTable): Promise<number> {
  try {
    // Still ours? Renewed from the later of the batch's time and the clock's (a long batch).
    const until = new Date(Math.max(now.getTime(), deps.clock.now().getTime()) + deps.leaseMs);
    if (!(await renewClaim(deps.db, job, deps.workerId, until))) {
      deps.log(`[jobs] ${job.kind} ${job.id}: claimed by another worker while waiting in the batch; not run here`);
      return 0;
    }
    // Attempts are counted at claim: one beyond the limit means earlier tries crashed the process.
    if (job.attempts > job.maxAttempts) {
      await complete(deps.db, job, deps.workerId, now, 'failed');
      return 0;
    }
    const handler = handlerOf(handlers, job.kind);
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    await handler(deps, job, now);
    return 0;
  } catch (err) {
    deps.log(`[jobs] ${job.kind} ${job.id} attempt ${job.attempts} failed`, err instanceof Error ? err.message : err);
    await failAttempt(deps.db, job, deps.workerId, now, err).catch((e: unknown) => deps.log('[jobs] could not record failure', e));
    return 1;
  }
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
