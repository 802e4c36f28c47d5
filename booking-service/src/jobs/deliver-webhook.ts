/**
 * The `webhook.deliver` job: one attempt at one message (services/webhooks/deliver.ts decides
 * sent / retry at / failed); the job is completed or released to run again at that time.
 */
import { complete, retryAt, type JobRow } from '../adapters/job-queue/queue.js';
import { attemptDelivery } from '../services/webhooks/deliver.js';
import type { JobDeps } from './deps.js';

export async function deliverWebhook(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const id = typeof job.payload.deliveryId === 'string' ? job.payload.deliveryId : null;
  if (!id) {
    await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload');
    return;
  }
  const r = await attemptDelivery(deps, id, now);
  if (r.kind === 'done') await complete(deps.db, job, deps.workerId, now, r.outcome);
  else await retryAt(deps.db, job, deps.workerId, r.at, r.note);
}
