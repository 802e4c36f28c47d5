/**
 * The job loop of one process: poll for due jobs, run them, sleep. Several processes on one
 * database share the work through SKIP LOCKED claims; a stopped or killed process leaves its
 * claimed jobs to be picked up by anyone once their lease lapses.
 */
import type { JobDeps } from './deps.js';
import { runDueJobs } from './run-due-jobs.js';

export interface JobWorker {
  stop(): Promise<void>;
}

export function startJobWorker(deps: JobDeps, options: { pollMs: number }): JobWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      // A full batch means more may be waiting: go again without sleeping.
      for (;;) {
        const { claimed } = await runDueJobs(deps, deps.clock.now());
        if (stopped || claimed < 20) break;
      }
    } catch (err) {
      deps.log('[jobs] poll failed', err);
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = tick();
      }, options.pollMs);
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
