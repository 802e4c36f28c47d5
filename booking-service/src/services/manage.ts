/**
 * What a visitor can do with their manage link: see, reschedule, cancel.
 * The link is an HMAC-signed token naming the booking; it stops working a day after the
 * appointment ends (judged against the booking's current end, so rescheduling keeps it alive).
 */
import { eq } from 'drizzle-orm';
import { bookings, businesses, customers, services, sites, staff } from '../adapters/db/schema.js';
import { utcToZoned, type Lang } from '@frontdesk/shared';
import { bookingRange, changeDeadline, visitorMayChange } from '../domain/booking/rules.js';
import { cancelBooking as storeCancel, moveBooking } from './booking-store/store.js';
import { toBookingView, type BookingView } from './booking-view.js';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';
import { unavailable } from './unavailable.js';
import { nearestSlots, searchSlots } from './slots.js';
import { isOriginAllowed } from './site.js';
import { verifyToken } from './tokens.js';
import { startOutsideHorizon } from './booking-window.js';

const MIN = 60_000;
/** How long after the appointment ends its manage link still opens (to show "cancelled"/"done"). */
export const MANAGE_LINK_GRACE_MS = 24 * 60 * MIN;

async function loadByToken(deps: Deps, token: string, origin: string | undefined) {
  const id = verifyToken(deps.secret, token, 'manage');
  if (!id) return fail('TOKEN_INVALID', 'This link is not valid', { field: 'manageToken' });
  const rows = await deps.db
    .select({ booking: bookings, business: businesses, service: services, staff, customer: customers, site: sites })
    .from(bookings)
    .innerJoin(businesses, eq(businesses.id, bookings.businessId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(staff, eq(staff.id, bookings.staffId))
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    .leftJoin(sites, eq(sites.id, bookings.siteId))
    .where(eq(bookings.id, id))
    .limit(1);
  const row = rows[0];
  if (!row || row.booking.status === 'held') return fail('BOOKING_NOT_FOUND', 'Booking not found', { field: 'manageToken' });
  if (row.site && !isOriginAllowed(deps, row.site, origin)) return fail('ORIGIN_NOT_ALLOWED', 'Origin not allowed');
  if (deps.clock.now().getTime() > row.booking.endsAt.getTime() + MANAGE_LINK_GRACE_MS) {
    return fail('TOKEN_EXPIRED', 'This link has expired', { field: 'manageToken' });
  }
  return ok(row);
}

type Loaded = Extract<Awaited<ReturnType<typeof loadByToken>>, { ok: true }>['value'];

export interface ManagedBookingView {
  booking: BookingView & { serviceName: string; staffName: string; customerName: string | null };
  business: { name: string; address: string; phone: string | null; timeZone: string; currency: string };
  siteKey: string | null;
  lang: Lang;
  cancellation: { allowed: boolean; deadline: string; windowMin: number };
}

function view(deps: Deps, r: Loaded, lang?: Lang): ManagedBookingView {
  const l = lang ?? r.booking.lang ?? r.business.defaultLang;
  const deadline = new Date(changeDeadline(r.booking.startsAt.getTime(), r.business.cancellationWindowMin));
  return {
    booking: {
      ...toBookingView(r.booking),
      serviceName: r.service.names[l] ?? r.service.names[r.business.defaultLang] ?? Object.values(r.service.names)[0] ?? '',
      staffName: r.staff.name,
      customerName: r.customer?.name ?? null,
    },
    business: {
      name: r.business.name,
      address: r.business.address,
      phone: r.business.phone,
      timeZone: r.business.timeZone,
      currency: r.business.currency,
    },
    siteKey: r.site?.siteKey ?? null,
    lang: l,
    cancellation: {
      allowed: r.booking.status === 'confirmed' && deps.clock.now() < deadline,
      deadline: deadline.toISOString(),
      windowMin: r.business.cancellationWindowMin,
    },
  };
}

export async function getManagedBooking(deps: Deps, token: string, origin: string | undefined, lang?: Lang): Promise<Result<ManagedBookingView>> {
  const r = await loadByToken(deps, token, origin);
  return r.ok ? ok(view(deps, r.value, lang)) : r;
}

function checkChangeable(r: Loaded, now: Date) {
  const blocked = visitorMayChange({ status: r.booking.status, startsAt: r.booking.startsAt.getTime() }, r.business.cancellationWindowMin, now.getTime());
  if (!blocked) return null;
  if (blocked.reason === 'CANCELLATION_WINDOW_PASSED') {
    return fail(
      'CANCELLATION_WINDOW_PASSED',
      `Changes online are possible until ${r.business.cancellationWindowMin / 60} h before the appointment; please call the business`,
      { deadline: new Date(blocked.deadline).toISOString(), phone: r.business.phone },
    );
  }
  return fail('BOOKING_NOT_ACTIVE', `This booking is ${r.booking.status}`, { status: r.booking.status });
}

/** The row as the caller read it: the version the visitor was shown, when the client sends it. */
const asSeen = (r: Loaded, version: number | undefined) => ({ ...r.booking, version: version ?? r.booking.version });

export async function rescheduleBooking(
  deps: Deps,
  input: { manageToken: string; start: string; version?: number | undefined },
  origin: string | undefined,
): Promise<Result<{ booking: BookingView }>> {
  const loaded = await loadByToken(deps, input.manageToken, origin);
  if (!loaded.ok) return loaded;
  const r = loaded.value;
  const now = deps.clock.now();
  const blocked = checkChangeable(r, now);
  if (blocked) return blocked;
  const far = startOutsideHorizon(r.business, now, input.start, 'start');
  if (far) return far;

  const start = Date.parse(input.start);
  const date = utcToZoned(start, r.business.timeZone).date;
  // The booking's own current range must not block moving it by a few minutes.
  const free = await searchSlots(deps, r.business, r.service, [r.staff], date, 1, r.booking.id);
  // Not free: closed that day, outside the opening hours, or taken — with the nearest free times.
  const taken = async () =>
    unavailable(deps.db, r.business, bookingRange(r.service, start), {
      alternatives: await nearestSlots(deps, r.business, r.service, [r.staff], start),
    });
  if (!free.some((s) => s.start === start)) return taken();

  // Conditional on the row as read here: a concurrent move or cancel changes it and this one loses.
  const moved = await moveBooking(deps.db, asSeen(r, input.version), { ...bookingRange(r.service, start), staffId: r.booking.staffId }, { by: 'visitor' }, now);
  if (moved.ok) return ok({ booking: toBookingView(moved.value) });
  return moved.reason === 'SLOT_TAKEN' || moved.reason === 'CLOSED' ? taken() : moved;
}

export async function cancelBooking(
  deps: Deps,
  input: { manageToken: string; reason?: string | undefined; version?: number | undefined },
  origin: string | undefined,
): Promise<Result<{ booking: BookingView }>> {
  const loaded = await loadByToken(deps, input.manageToken, origin);
  if (!loaded.ok) return loaded;
  const r = loaded.value;
  // Cancelling twice is not an error: the visitor sees the same, cancelled, booking.
  if (r.booking.status === 'cancelled') return ok({ booking: toBookingView(r.booking) });
  const now = deps.clock.now();
  const blocked = checkChangeable(r, now);
  if (blocked) return blocked;
  const done = await storeCancel(deps.db, asSeen(r, input.version), input.reason ?? null, { by: 'visitor' }, now);
  return done.ok ? ok({ booking: toBookingView(done.value) }) : done;
}
