/**
 * One-click rebooking from a no-show follow-up, a cancellation or a "how was it" message:
 * the same service for the same visitor, at a time they pick from a short list. The link's
 * token is good for this only and for REBOOK_LINK_DAYS after the original appointment.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { bookings } from '../adapters/db/schema.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../adapters/db/errors.js';
import { addDays, utcToZoned } from '@frontdesk/shared';
import { toBookingView, type BookingView } from './booking-view.js';
import type { Deps } from './deps.js';
import { insertExclusive } from './hold.js';
import { loadBookingContext, type BookingContext } from './notifications/context.js';
import { onBookingConfirmed } from './notifications/enqueue.js';
import { fail, ok, type Result } from './result.js';
import { pickStaff } from './site.js';
import { searchSlots, toView, type SlotView } from './slots.js';
import { startOutsideHorizon } from './booking-window.js';
import { signToken, verifyToken } from './tokens.js';

const MIN = 60_000;
export const REBOOK_LINK_DAYS = 90;

async function loadRebook(deps: Deps, token: string): Promise<Result<BookingContext>> {
  const id = verifyToken(deps.secret, token, 'rebook');
  if (!id) return fail('TOKEN_INVALID', 'This link is not valid');
  const c = await loadBookingContext(deps.db, id);
  if (!c || c.booking.status === 'held' || !c.customer) return fail('BOOKING_NOT_FOUND', 'Booking not found');
  if (deps.clock.now().getTime() > c.booking.endsAt.getTime() + REBOOK_LINK_DAYS * 1440 * MIN) {
    return fail('TOKEN_EXPIRED', 'This link has expired');
  }
  return ok(c);
}

export async function rebookOptions(
  deps: Deps,
  token: string,
  day: string | undefined,
): Promise<Result<{ context: BookingContext; day: string; slots: SlotView[] }>> {
  const loaded = await loadRebook(deps, token);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  const today = utcToZoned(deps.clock.now().getTime(), c.business.timeZone).date;
  const from = day && day >= today && day <= addDays(today, c.business.horizonDays) ? day : today;
  const staffRows = await pickStaff(deps.db, c.business.id, c.service.id, undefined);
  if (!staffRows.ok) return staffRows;
  const slots = await searchSlots(deps, c.business, c.service, staffRows.value, from, 1);
  return ok({ context: c, day: from, slots: slots.map(toView) });
}

export async function rebook(
  deps: Deps,
  input: { token: string; start: string },
): Promise<Result<{ booking: BookingView; manageToken: string }>> {
  const loaded = await loadRebook(deps, input.token);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  const far = startOutsideHorizon(c.business, deps.clock.now(), input.start, 'start');
  if (far) return far;
  const start = Date.parse(input.start);
  // Same page submitted twice: the second answer is the booking the first one made.
  const key = `rebook:${c.booking.id}:${new Date(start).toISOString()}`;
  const existing = async () => {
    const rows = await deps.db.select().from(bookings).where(and(eq(bookings.businessId, c.business.id), eq(bookings.idempotencyKey, key)));
    return rows[0];
  };
  const prior = await existing();
  if (prior) return ok({ booking: toBookingView(prior), manageToken: signToken(deps.secret, prior.id, 'manage') });

  const staffRows = await pickStaff(deps.db, c.business.id, c.service.id, undefined);
  if (!staffRows.ok) return staffRows;
  const date = utcToZoned(start, c.business.timeZone).date;
  const free = await searchSlots(deps, c.business, c.service, staffRows.value, date, 1);
  const slot = free.find((s) => s.start === start);
  if (!slot) return fail('SLOT_TAKEN', 'This time is no longer available');
  // The visitor's previous specialist first, if free.
  const order = [...slot.staffIds].sort((a, b) => Number(b === c.staff.id) - Number(a === c.staff.id));
  const now = deps.clock.now();
  const svc = c.service;
  for (const staffId of order) {
    const id = randomUUID();
    try {
      const inserted = await insertExclusive(
        deps.db,
        {
          id,
          businessId: c.business.id,
          siteId: c.booking.siteId,
          serviceId: svc.id,
          staffId,
          customerId: c.customer!.id,
          status: 'confirmed',
          startsAt: new Date(start),
          endsAt: new Date(start + svc.durationMin * MIN),
          occupiedFrom: new Date(start - svc.bufferBeforeMin * MIN),
          occupiedTo: new Date(start + (svc.durationMin + svc.bufferAfterMin) * MIN),
          idempotencyKey: key,
          lang: c.booking.lang,
        },
        now,
        async (tx) => {
          const row = (await tx.select().from(bookings).where(eq(bookings.id, id)))[0]!;
          await onBookingConfirmed(tx, row, now);
        },
      );
      if (inserted) {
        const row = (await deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
        return ok({ booking: toBookingView(row), manageToken: signToken(deps.secret, id, 'manage') });
      }
    } catch (err) {
      if (pgErrorCode(err) !== PG_UNIQUE_VIOLATION) throw err;
      const winner = await existing();
      if (winner) return ok({ booking: toBookingView(winner), manageToken: signToken(deps.secret, winner.id, 'manage') });
      throw err;
    }
  }
  return fail('SLOT_TAKEN', 'This time is no longer available');
}
