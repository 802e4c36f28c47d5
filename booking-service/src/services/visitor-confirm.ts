/**
 * "I'll be there" from a reminder: records that the visitor confirmed (the no-show KPI's
 * input). The link's token is good for this only; pressing it twice keeps the first time.
 */
import { eq } from 'drizzle-orm';
import { bookings } from '../adapters/db/schema.js';
import { toBookingView, type BookingView } from './booking-view.js';
import { markVisitorConfirmed } from './booking-store/store.js';
import type { Deps } from './deps.js';
import { MANAGE_LINK_GRACE_MS } from './manage.js';
import { fail, ok, type Result } from './result.js';
import { verifyToken } from './tokens.js';

export async function confirmAttendance(
  deps: Deps,
  token: string,
): Promise<Result<{ booking: BookingView; confirmedAt: string; bookingId: string }>> {
  const id = verifyToken(deps.secret, token, 'confirm');
  if (!id) return fail('TOKEN_INVALID', 'This link is not valid');
  const now = deps.clock.now();
  const rows = await deps.db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
  const b = rows[0];
  if (!b || b.status === 'held') return fail('BOOKING_NOT_FOUND', 'Booking not found');
  if (now.getTime() > b.endsAt.getTime() + MANAGE_LINK_GRACE_MS) return fail('TOKEN_EXPIRED', 'This link has expired');
  if (b.status !== 'confirmed') return fail('BOOKING_NOT_ACTIVE', `This booking is ${b.status}`, { status: b.status });
  if (b.visitorConfirmedAt) return ok({ booking: toBookingView(b), confirmedAt: b.visitorConfirmedAt.toISOString(), bookingId: b.id });
  const updated = await markVisitorConfirmed(deps.db, b, now);
  const row = updated ?? (await deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  return ok({ booking: toBookingView(row), confirmedAt: (row.visitorConfirmedAt ?? now).toISOString(), bookingId: row.id });
}
