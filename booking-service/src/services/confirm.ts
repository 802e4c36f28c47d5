/**
 * Turning a live hold into a booking. The UPDATE that confirms is conditional on the hold
 * still being live, so a hold can be confirmed once; a retry with the same idempotency key
 * returns the booking it made.
 */
import type { Lang } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { TransactionRollbackError, and, eq, gt } from 'drizzle-orm';
import { bookings, customers, sites } from '../adapters/db/schema.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode, retryTransient } from '../adapters/db/errors.js';
import type { Deps } from './deps.js';
import { toBookingView, type BookingView } from './booking-view.js';
import { fail, ok, type Result } from './result.js';
import { isOriginAllowed } from './site.js';
import { hashHoldToken, signToken } from './tokens.js';
import { onBookingConfirmed } from './notifications/enqueue.js';
import { bookingEvent, recordEvent } from './events.js';

export interface ConfirmInput {
  holdToken: string;
  customer: { name: string; phone?: string | undefined; email?: string | undefined };
  lang: Lang;
  note?: string | undefined;
  idempotencyKey: string;
  conversationId?: string | undefined;
}

export interface ConfirmView {
  booking: BookingView;
  manageToken: string;
}

export async function confirmBooking(deps: Deps, input: ConfirmInput, origin: string | undefined): Promise<Result<ConfirmView>> {
  const hold = await findHold(deps, input.holdToken);
  if (!hold) return fail('HOLD_NOT_FOUND', 'This hold does not exist', { field: 'holdToken' });
  if (hold.site && !isOriginAllowed(deps, hold.site, origin)) {
    return fail('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use this site`);
  }
  const row = hold.booking;

  const previous = await byIdempotencyKey(deps, row.businessId, input.idempotencyKey);
  if (previous) return ok(previous);
  if (row.status !== 'held') return fail('HOLD_USED', 'This hold has already been used', { field: 'holdToken' });
  const now = deps.clock.now();
  if (!row.holdExpiresAt || row.holdExpiresAt <= now) {
    return fail('HOLD_EXPIRED', 'The hold on this time has expired; please pick a time again', { field: 'holdToken' });
  }

  try {
    const confirmed = await retryTransient(() => deps.db.transaction(async (tx) => {
      const customerId = randomUUID();
      await tx.insert(customers).values({
        id: customerId,
        businessId: row.businessId,
        name: input.customer.name,
        phone: input.customer.phone ?? null,
        email: input.customer.email ?? null,
        lang: input.lang,
      });
      const updated = await tx
        .update(bookings)
        .set({
          status: 'confirmed',
          customerId,
          holdExpiresAt: null,
          idempotencyKey: input.idempotencyKey,
          lang: input.lang,
          note: input.note ?? null,
          // The hold's conversation unless the confirm names one (a widget reloaded mid-booking).
          conversationId: input.conversationId ?? row.conversationId,
          updatedAt: now,
        })
        .where(and(eq(bookings.id, row.id), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)))
        .returning();
      // Lost a race with another confirm (or the hold just expired): undo the customer row.
      if (updated.length === 0) tx.rollback();
      // The confirmation, staff notice and reminders commit with the booking, or not at all.
      await onBookingConfirmed(tx, updated[0]!, now);
      const b = updated[0]!;
      await recordEvent(tx, bookingEvent(b, 'booking_made', now));
      return b;
    }));
    return ok({ booking: toBookingView(confirmed), manageToken: signToken(deps.secret, confirmed.id, 'manage') });
  } catch (err) {
    const isRollback = err instanceof TransactionRollbackError;
    if (!isRollback && pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
    // Someone else confirmed first: the same visitor retrying (same key) gets their booking.
    const winner = await byIdempotencyKey(deps, row.businessId, input.idempotencyKey);
    if (winner) return ok(winner);
    const again = await findHold(deps, input.holdToken);
    if (again && again.booking.status === 'held') {
      return fail('HOLD_EXPIRED', 'The hold on this time has expired; please pick a time again', { field: 'holdToken' });
    }
    return fail('HOLD_USED', 'This hold has already been used', { field: 'holdToken' });
  }
}

async function findHold(deps: Deps, holdToken: string) {
  const rows = await deps.db
    .select({ booking: bookings, site: sites })
    .from(bookings)
    .leftJoin(sites, eq(sites.id, bookings.siteId))
    .where(eq(bookings.holdTokenHash, hashHoldToken(holdToken)))
    .limit(1);
  return rows[0];
}

async function byIdempotencyKey(deps: Deps, businessId: string, key: string): Promise<ConfirmView | undefined> {
  const rows = await deps.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.businessId, businessId), eq(bookings.idempotencyKey, key)))
    .limit(1);
  const b = rows[0];
  return b ? { booking: toBookingView(b), manageToken: signToken(deps.secret, b.id, 'manage') } : undefined;
}
