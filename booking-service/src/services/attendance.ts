/**
 * Staff marking a visit attended or a no-show, or undoing the mark. Attendance is recorded after
 * the fact (domain/booking/rules.ts mayMarkAttendance): a future booking cannot be a no-show.
 * The follow-up a mark causes (no-show: a polite note with one-click rebooking; attended: "how was
 * it", where the business wants it) commits with it in the booking store.
 */
import { and, eq } from 'drizzle-orm';
import { bookings, businesses } from '../adapters/db/schema.js';
import { mayMarkAttendance, type AttendanceMark } from '../domain/booking/rules.js';
import { markAttendance as storeMark, type Actor } from './booking-store/store.js';
import { toBookingView, type BookingView } from './booking-view.js';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';

export async function markAttendance(
  deps: Deps,
  input: { businessId: string; bookingId: string; status: AttendanceMark; actor?: Actor | undefined },
): Promise<Result<{ booking: BookingView }>> {
  const [r] = await deps.db
    .select({ b: bookings, feedback: businesses.feedbackEnabled })
    .from(bookings)
    .innerJoin(businesses, eq(businesses.id, bookings.businessId))
    .where(and(eq(bookings.id, input.bookingId), eq(bookings.businessId, input.businessId)));
  if (!r || r.b.status === 'held') return fail('BOOKING_NOT_FOUND', 'No such visit to mark');
  const now = deps.clock.now();
  const refused = mayMarkAttendance({ status: r.b.status, startsAt: r.b.startsAt.getTime() }, input.status, now.getTime());
  if (refused?.reason === 'ATTENDANCE_TOO_EARLY') {
    return fail('ATTENDANCE_TOO_EARLY', 'Attendance can be marked once the appointment has started', { startsAt: r.b.startsAt.toISOString() });
  }
  if (refused) return fail('BOOKING_NOT_ACTIVE', `This booking is ${r.b.status}`, { status: r.b.status });
  // Marking it again as it is changes nothing (a second click is not an error, nor a second message).
  if (r.b.status === input.status) return ok({ booking: toBookingView(r.b) });
  const done = await storeMark(deps.db, r.b, input.status, r.feedback, input.actor, now);
  return done.ok ? ok({ booking: toBookingView(done.value) }) : done;
}
