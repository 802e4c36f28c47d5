/**
 * `conversation.booking-card`: a booking changed outside its chat is shown there as it is now
 * (services/conversation/booking-push.ts); the open widget hears of it over the conversation bus.
 */
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import { pushBookingNow } from '../services/conversation/booking-push.js';
import type { JobDeps } from './deps.js';

export async function pushBookingCard(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const bookingId = job.bookingId;
  if (!bookingId) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:no_booking'));
  const r = await deps.db.transaction(async (tx) => {
    const pushed = await pushBookingNow({ ...deps, db: tx }, bookingId, now);
    await complete(tx, job, deps.workerId, now, pushed.pushed ? 'pushed' : `skipped:${pushed.why}`);
    return pushed;
  });
  if (r.pushed) await deps.bus?.publish({ businessId: r.businessId, conversationId: r.conversationId, seq: r.seq, kind: 'messages' });
}
