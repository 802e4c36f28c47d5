/**
 * `conversation.booking-card`: a booking changed outside a chat is shown as it is now in every chat
 * that showed it (services/conversation/booking-push.ts); each open widget hears of it over the bus.
 */
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import { pushBookingNow } from '../services/conversation/booking-push.js';
import type { JobDeps } from './deps.js';

export async function pushBookingCard(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const bookingId = job.bookingId;
  if (!bookingId) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:no_booking'));
  const r = await deps.db.transaction(async (tx) => {
    const pushed = await pushBookingNow({ ...deps, db: tx }, bookingId, now);
    await complete(tx, job, deps.workerId, now, pushed.pushed.length ? `pushed:${pushed.pushed.length}` : `skipped:${pushed.skipped[0] ?? 'same'}`);
    return pushed;
  });
  for (const p of r.pushed) await deps.bus?.publish({ businessId: p.businessId, conversationId: p.conversationId, seq: p.seq, kind: 'messages' });
}
