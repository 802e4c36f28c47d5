/**
 * Staff marking a visit attended or a no-show. The follow-up (no-show: a polite note with
 * one-click rebooking; attended: "how was it", where the business wants it) is enqueued in the
 * same transaction. Staff-only: not on the public API until staff sign-in exists.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { bookings, businesses } from '../adapters/db/schema.js';
import { toBookingView, type BookingView } from './booking-view.js';
import type { Deps } from './deps.js';
import { onAttendanceMarked } from './notifications/enqueue.js';
import { fail, ok, type Result } from './result.js';
import { bookingEvent, recordEvent } from './events.js';

export async function markAttendance(
  deps: Deps,
  input: { businessId: string; bookingId: string; status: 'attended' | 'no_show' },
): Promise<Result<{ booking: BookingView }>> {
  const now = deps.clock.now();
  const updated = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(bookings)
      .set({ status: input.status, updatedAt: now })
      .where(
        and(
          eq(bookings.id, input.bookingId),
          eq(bookings.businessId, input.businessId),
          // Staff may correct a mark (attended ↔ no-show); cancelled or held rows are not visits.
          inArray(bookings.status, ['confirmed', 'attended', 'no_show']),
        ),
      )
      .returning();
    const b = rows[0];
    if (!b) return undefined;
    const biz = await tx.select({ feedback: businesses.feedbackEnabled }).from(businesses).where(eq(businesses.id, b.businessId));
    await onAttendanceMarked(tx, b, input.status, biz[0]?.feedback ?? false, now);
    // A corrected mark records a second event; the dashboard counts each booking's latest one.
    await recordEvent(tx, bookingEvent(b, input.status, now));
    return b;
  });
  return updated ? ok({ booking: toBookingView(updated) }) : fail('BOOKING_NOT_FOUND', 'No such visit to mark');
}
