/**
 * The `conversation.purge` job (services/conversation/retention.ts): transcripts past their
 * business's retention period are purged, then the job moves itself a day ahead.
 */
import type { JobRow } from '../adapters/job-queue/queue.js';
import { purgeExpired, reschedulePurgeJob } from '../services/conversation/retention.js';
import type { JobDeps } from './deps.js';

export async function purgeTranscripts(deps: JobDeps, _job: JobRow, now: Date): Promise<void> {
  await purgeExpired(deps.db, now);
  await reschedulePurgeJob(deps.db, deps.workerId, now);
}
