/**
 * Time freed outside the booking store: a busy event in a staff member's Google Calendar removed,
 * moved or shortened (services/calendar-sync/read-sync.ts). A cancellation frees one booking's
 * range, which is itself a slot; a busy event frees a range of any length, so the job first finds
 * the free slots inside it, then offers each the way a cancellation's time is offered
 * (`offerFreed`: first in line, exclusive hold, one-tap link).
 *
 * `enqueueFreedRange` runs in the sync's transaction (the freed time and its offer job commit
 * together) and enqueues only when someone waits for that staff member or anyone.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { addDays, utcToZoned } from '@frontdesk/shared';
import type { Tx } from '../../adapters/db/client.js';
import { DEFAULT_MAX_ATTEMPTS } from '../../adapters/job-queue/queue.js';
import { businesses, waitlistEntries } from '../../adapters/db/schema.js';
import { bookingRange } from '../../domain/booking/rules.js';
import { fits } from '../../domain/waitlist/window.js';
import type { Deps } from '../deps.js';
import { cachedPickStaff, cachedService } from '../site.js';
import { searchSlots } from '../slots.js';
import { offerFreed, type OfferOutcome } from './offers.js';

/** A range of a staff member's time that was busy and no longer is (ISO instants, end exclusive). */
export interface FreedRange {
  businessId: string;
  staffId: string;
  from: string;
  to: string;
}

/** Enqueues `waitlist.offer-range` for a freed range still ahead, if anyone waits for this staff member (or anyone) at the business. */
export async function enqueueFreedRange(tx: Tx, r: FreedRange, now: Date): Promise<void> {
  if (Date.parse(r.to) <= now.getTime() || Date.parse(r.to) <= Date.parse(r.from)) return;
  await tx.execute(sql`
    INSERT INTO jobs (id, kind, payload, run_at, max_attempts)
    SELECT ${randomUUID()}, 'waitlist.offer-range', ${JSON.stringify(r)}::jsonb, ${now}, ${DEFAULT_MAX_ATTEMPTS}
    WHERE EXISTS (SELECT 1 FROM waitlist_entries
                  WHERE business_id = ${r.businessId} AND status = 'waiting'
                    AND (staff_id IS NULL OR staff_id = ${r.staffId}) AND expires_at > ${now})`);
}

/** Entries looked at per freed range: a range offers at most one time per person waiting. */
const MAX_ENTRIES = 50;

/**
 * Offers the free slots inside a freed range, in the order people joined: for each person waiting
 * (for this staff member or anyone), the earliest free start of their service inside the range that
 * fits their window is offered (to the first in line for that service, as `offerFreed` decides).
 * Each offer's hold makes the next search skip its time, so one range can fill several people.
 */
export async function offerFreedRange(deps: Deps, r: FreedRange, now: Date): Promise<OfferOutcome[]> {
  const from = Date.parse(r.from);
  const to = Date.parse(r.to);
  if (!(to > now.getTime())) return [];
  const [business] = await deps.db.select().from(businesses).where(eq(businesses.id, r.businessId));
  if (!business) return [];
  const line = await deps.db
    .select()
    .from(waitlistEntries)
    .where(and(
      eq(waitlistEntries.businessId, r.businessId),
      eq(waitlistEntries.status, 'waiting'),
      or(isNull(waitlistEntries.staffId), eq(waitlistEntries.staffId, r.staffId)),
      gt(waitlistEntries.expiresAt, now),
    ))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(MAX_ENTRIES);
  const firstDay = utcToZoned(Math.max(from, now.getTime()), business.timeZone).date;
  const days = Math.max(1, daysBetween(firstDay, utcToZoned(to - 1, business.timeZone).date) + 1);
  const outcomes: OfferOutcome[] = [];
  for (const entry of line) {
    const [service, people] = await Promise.all([cachedService(deps, r.businessId, entry.serviceId), cachedPickStaff(deps, r.businessId, entry.serviceId, r.staffId)]);
    // The staff member no longer does this service (or it is gone): nothing of this range is theirs to offer.
    if (!service.ok || !people.ok) continue;
    const slots = await searchSlots(deps, business, service.value, people.value, firstDay, days);
    // Inside the freed range: the time the busy event had blocked.
    const slot = slots.find((s) => s.start < to && s.end > from && fits(entry, s.start, business.timeZone, now.getTime()));
    if (!slot) continue;
    const range = bookingRange(service.value, slot.start);
    outcomes.push(
      await offerFreed(
        deps,
        {
          businessId: r.businessId,
          siteId: null,
          serviceId: entry.serviceId,
          staffId: r.staffId,
          startsAt: range.startsAt.toISOString(),
          endsAt: range.endsAt.toISOString(),
          occupiedFrom: range.occupiedFrom.toISOString(),
          occupiedTo: range.occupiedTo.toISOString(),
        },
        now,
      ),
    );
  }
  return outcomes;
}

function daysBetween(a: string, b: string): number {
  let n = 0;
  // Local calendar days (a ≤ b, a few days at most: a busy event's length).
  for (let d = a; d < b && n < 62; d = addDays(d, 1)) n++;
  return n;
}
