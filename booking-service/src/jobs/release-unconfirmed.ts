/**
 * The `booking.release-unconfirmed` sweep (services/reconfirm/release.ts): releases what is due,
 * then moves itself 5 minutes ahead.
 */
import type { JobRow } from '../adapters/job-queue/queue.js';
import { releaseDueBookings, rescheduleReleaseJob } from '../services/reconfirm/release.js';
import type { JobDeps } from './deps.js';

export async function releaseUnconfirmedSlots(deps: JobDeps, _job: JobRow, now: Date): Promise<void> {
  await releaseDueBookings(deps.db, now);
  await rescheduleReleaseJob(deps.db, deps.workerId, now);
}
