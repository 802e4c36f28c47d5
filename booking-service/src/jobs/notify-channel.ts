/**
 * The `notify.*` jobs: a booking message on the client's messenger or by SMS (services/channels/
 * notify.ts), skipped when no longer wanted by the same rules as the e-mail (send-mail.ts).
 */
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import { loadBookingContext } from '../services/notifications/context.js';
import type { MailJobPayload } from '../services/notifications/enqueue.js';
import { sendNotice } from '../services/channels/notify.js';
import type { JobDeps } from './deps.js';
import { irrelevance } from './send-mail.js';

export async function sendChannelNotice(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const c = job.bookingId ? await loadBookingContext(deps.db, job.bookingId) : undefined;
  if (!c) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:no_booking'));
  const why = irrelevance(c, job.payload as unknown as MailJobPayload, now);
  if (why) return void (await complete(deps.db, job, deps.workerId, now, `skipped:${why}`));
  await sendNotice(deps, deps.channels, job, c, now);
}
