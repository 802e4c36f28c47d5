/**
 * One-click rebooking from a no-show follow-up, a cancellation or a "how was it" message:
 * the same service for the same visitor, at a time they pick from a short list. The link's
 * token is good for this only and for REBOOK_LINK_DAYS after the original appointment.
 */
import { and, eq } from 'drizzle-orm';
import { bookings } from '../adapters/db/schema.js';
import { bookingRange } from '../domain/booking/rules.js';
import { servicePrice } from '../domain/booking/price.js';
import { bookDirect, type BookingRow } from './booking-store/store.js';
import { addDays, utcToZoned } from '@frontdesk/shared';
import { toBookingView, type BookingView } from './booking-view.js';
import type { Deps } from './deps.js';
import { loadBookingContext, type BookingContext } from './notifications/context.js';
import { fail, ok, type Result } from './result.js';
import { unavailable } from './unavailable.js';
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

/** What a rebook link offers: times to pick, or — once it has booked — the booking it made. */
export type RebookOptions =
  | { kind: 'pick'; context: BookingContext; day: string; slots: SlotView[] }
  | { kind: 'used'; context: BookingContext; manageToken: string };

export async function rebookOptions(deps: Deps, token: string, day: string | undefined): Promise<Result<RebookOptions>> {
  const loaded = await loadRebook(deps, token);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  // A used link is not a dead end and offers no second booking: it leads to the one it made.
  const prior = await madeBy(deps, c);
  if (prior) return ok({ kind: 'used', context: c, manageToken: signToken(deps.secret, prior.id, 'manage') });
  const today = utcToZoned(deps.clock.now().getTime(), c.business.timeZone).date;
  const asked = day && day >= today && day <= addDays(today, c.business.horizonDays) ? day : undefined;
  const staffRows = await pickStaff(deps.db, c.business.id, c.service.id, undefined);
  if (!staffRows.ok) return staffRows;
  if (asked) return ok({ kind: 'pick', context: c, day: asked, slots: (await searchSlots(deps, c.business, c.service, staffRows.value, asked, 1)).map(toView) });
  // No day asked for: open on the first day with free times (within two weeks), not on an empty today.
  const ahead = await searchSlots(deps, c.business, c.service, staffRows.value, today, 14);
  const first = ahead[0] ? utcToZoned(ahead[0].start, c.business.timeZone).date : today;
  const slots = ahead.filter((s) => utcToZoned(s.start, c.business.timeZone).date === first);
  return ok({ kind: 'pick', context: c, day: first, slots: slots.map(toView) });
}

export async function rebook(
  deps: Deps,
  input: { token: string; start: string },
): Promise<Result<{ booking: BookingView; manageToken: string }>> {
  const loaded = await loadRebook(deps, input.token);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  // The link books once: a second use (a double click, the page submitted again, the link
  // opened later) answers with the booking the first one made.
  const prior = await madeBy(deps, c);
  if (prior) return ok({ booking: toBookingView(prior), manageToken: signToken(deps.secret, prior.id, 'manage') });
  const far = startOutsideHorizon(c.business, deps.clock.now(), input.start, 'start');
  if (far) return far;
  const start = Date.parse(input.start);

  const staffRows = await pickStaff(deps.db, c.business.id, c.service.id, undefined);
  if (!staffRows.ok) return staffRows;
  const date = utcToZoned(start, c.business.timeZone).date;
  const free = await searchSlots(deps, c.business, c.service, staffRows.value, date, 1);
  const slot = free.find((s) => s.start === start);
  if (!slot) return unavailable(deps.db, c.business, bookingRange(c.service, start));
  // The visitor's previous specialist first, if free.
  const order = [...slot.staffIds].sort((a, b) => Number(b === c.staff.id) - Number(a === c.staff.id));
  const now = deps.clock.now();
  for (const staffId of order) {
    const made = await bookDirect(
      deps.db,
      {
        businessId: c.business.id,
        siteId: c.booking.siteId,
        serviceId: c.service.id,
        staffId,
        ...bookingRange(c.service, start),
        customer: { id: c.customer!.id },
        idempotencyKey: rebookKey(c.booking.id),
        price: servicePrice(c.service),
        lang: c.booking.lang,
      },
      { by: 'rebook' },
      now,
    );
    if (made.ok) return ok({ booking: toBookingView(made.value), manageToken: signToken(deps.secret, made.value.id, 'manage') });
    if (made.reason === 'IDEMPOTENCY_KEY_REUSED') {
      // A concurrent use of the same link won: its booking is the answer.
      const winner = await madeBy(deps, c);
      if (winner) return ok({ booking: toBookingView(winner), manageToken: signToken(deps.secret, winner.id, 'manage') });
    }
    if (made.reason !== 'SLOT_TAKEN') return made;
  }
  // A concurrent use of this link may have taken the very slot (exclusion before the key).
  const winner = await madeBy(deps, c);
  if (winner) return ok({ booking: toBookingView(winner), manageToken: signToken(deps.secret, winner.id, 'manage') });
  return fail('SLOT_TAKEN', 'This time is no longer available');
}

/** One booking per rebook link: the key is the original booking's. */
const rebookKey = (originalId: string) => `rebook:${originalId}`;

/** The booking a rebook link already made, if any. */
export async function madeBy(deps: Pick<Deps, 'db'>, c: Pick<BookingContext, 'business' | 'booking'>): Promise<BookingRow | undefined> {
  const rows = await deps.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.businessId, c.business.id), eq(bookings.idempotencyKey, rebookKey(c.booking.id))))
    .limit(1);
  return rows[0];
}
