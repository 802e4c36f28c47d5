/**
 * Heartbeats that keep this worker's leases alive while it is busy (issue 12, defect 7):
 * - keepLease(deps, job): one job while a slow step runs (an SMTP send can outlast the lease: a
 *   slow server, a large message). Without it a second worker claims the job when the lease
 *   lapses and does the step again.
 * - keepLeases(deps, ids): every job of a claimed batch that has not been run yet. The runner
 *   claims up to 20 jobs at once and runs them one after another; while the first is slow, the
 *   others' leases would lapse and a second process would claim and send them too.
 * Every `heartbeatMs` (default a quarter lease) the leases are moved to now + lease, `now` from
 * the injected clock. A beat that fails (database unreachable) is logged and the next one tries
 * again; the runner also re-checks ownership before running each job (run-due-jobs.ts), so a
 * beat that never came costs a duplicate nothing.
 */
import { extendLease, extendLeases, type JobRow } from '../adapters/job-queue/queue.js';
import type { JobDeps } from './deps.js';

type LeaseDeps = Pick<JobDeps, 'db' | 'clock' | 'workerId' | 'leaseMs' | 'heartbeatMs' | 'log'>;

export interface LeaseKeeper {
  /** True once a beat found the job no longer ours. */
  readonly lost: boolean;
  /** Stops the heartbeat and waits for a beat in flight. */
  stop(): Promise<void>;
}

/** Calls `beat` every heartbeat until stopped; a slow beat is not queued behind. */
function heartbeat(deps: LeaseDeps, what: string, beat: (until: Date) => Promise<void>): { stop(): Promise<void> } {
  let inFlight: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    // A slow beat (a database under load) is not queued behind: the next tick tries again.
    if (busy) return;
    busy = true;
    inFlight = beat(new Date(deps.clock.now().getTime() + deps.leaseMs))
      .catch((err: unknown) => deps.log(`[jobs] could not extend the lease of ${what}`, err instanceof Error ? err.message : err))
      .finally(() => (busy = false));
  }, deps.heartbeatMs ?? Math.max(1_000, Math.floor(deps.leaseMs / 4)));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}

export function keepLease(deps: LeaseDeps, job: Pick<JobRow, 'id'>): LeaseKeeper {
  let lost = false;
  const h = heartbeat(deps, job.id, async (until) => {
    if (!(await extendLease(deps.db, job, deps.workerId, until))) lost = true;
  });
  return {
    get lost() {
      return lost;
    },
    stop: () => h.stop(),
  };
}

/** Keeps the leases of the jobs `waiting()` names (read at each beat: the runner removes each job it has run). */
export function keepLeases(deps: LeaseDeps, waiting: () => readonly string[]): { stop(): Promise<void> } {
  return heartbeat(deps, 'a claimed batch', async (until) => {
    const ids = waiting();
    if (ids.length > 0) await extendLeases(deps.db, ids, deps.workerId, until);
  });
}
