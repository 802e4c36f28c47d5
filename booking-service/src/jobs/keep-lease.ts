/**
 * keepLease(deps, job): a heartbeat that keeps this worker's lease on a job while a slow step
 * runs (an SMTP send can outlast the lease: a slow server, a large message). Without it a
 * second worker claims the job when the lease lapses and does the step again (issue 12,
 * defect 7). Every `heartbeatMs` (default a quarter lease) the lease is moved to now + lease,
 * `now` from the injected clock. A beat that fails (database unreachable) is logged and the
 * next one tries again; `lost` tells whether another worker has taken the job meanwhile.
 */
import { extendLease, type JobRow } from '../adapters/job-queue/queue.js';
import type { JobDeps } from './deps.js';

export interface LeaseKeeper {
  /** True once a beat found the job no longer ours. */
  readonly lost: boolean;
  /** Stops the heartbeat and waits for a beat in flight. */
  stop(): Promise<void>;
}

export function keepLease(deps: Pick<JobDeps, 'db' | 'clock' | 'workerId' | 'leaseMs' | 'heartbeatMs' | 'log'>, job: Pick<JobRow, 'id'>): LeaseKeeper {
  let lost = false;
  let inFlight: Promise<void> = Promise.resolve();
  const beat = async () => {
    try {
      const ours = await extendLease(deps.db, job, deps.workerId, new Date(deps.clock.now().getTime() + deps.leaseMs));
      if (!ours) lost = true;
    } catch (err) {
      deps.log(`[jobs] could not extend the lease of ${job.id}`, err instanceof Error ? err.message : err);
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    // A slow beat (a database under load) is not queued behind: the next tick tries again.
    if (busy) return;
    busy = true;
    inFlight = beat().finally(() => (busy = false));
  }, deps.heartbeatMs ?? Math.max(1_000, Math.floor(deps.leaseMs / 4)));
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
