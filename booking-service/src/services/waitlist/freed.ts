/**
 * A booking's time was freed (cancelled, or moved away): the booking store calls this in the
 * transaction of the change, so the offer to the waiting list is as durable as the change. One
 * statement, and a job only when someone waits for that service (most cancellations enqueue
 * nothing); the `waitlist.offer` job then picks the first person in line (services/waitlist/offers.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../adapters/db/client.js';
import { DEFAULT_MAX_ATTEMPTS } from '../../adapters/job-queue/queue.js';
import type { bookings } from '../../adapters/db/schema.js';

type BookingRow = typeof bookings.$inferSelect;

/** What the offer job needs of the freed time (the booking's range as it was). */
export interface FreedTime {
  businessId: string;
  siteId: string | null;
  serviceId: string;
  staffId: string;
  startsAt: string;
  endsAt: string;
  occupiedFrom: string;
  occupiedTo: string;
}

export function freedTime(b: BookingRow): FreedTime {
  return {
    businessId: b.businessId,
    siteId: b.siteId,
    serviceId: b.serviceId,
    staffId: b.staffId,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    occupiedFrom: b.occupiedFrom.toISOString(),
    occupiedTo: b.occupiedTo.toISOString(),
  };
}

/** Enqueues `waitlist.offer` for the time `b` held, if it is ahead and someone waits for its service. */
export async function enqueueFreed(tx: Tx, b: BookingRow, now: Date): Promise<void> {
  if (b.startsAt.getTime() <= now.getTime()) return;
  await tx.execute(sql`
    INSERT INTO jobs (id, kind, payload, run_at, max_attempts)
    SELECT ${randomUUID()}, 'waitlist.offer', ${JSON.stringify(freedTime(b))}::jsonb, ${now}, ${DEFAULT_MAX_ATTEMPTS}
    WHERE EXISTS (SELECT 1 FROM waitlist_entries
                  WHERE business_id = ${b.businessId} AND service_id = ${b.serviceId} AND status = 'waiting'
                    AND (staff_id IS NULL OR staff_id = ${b.staffId}) AND expires_at > ${now})`);
}
