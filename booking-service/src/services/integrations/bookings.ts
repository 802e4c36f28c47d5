/**
 * The REST API's booking use cases, scoped to one business (the API key's). Every write goes
 * through the services the widget and the console use, so an API booking obeys the same rules
 * and commits its jobs and events with it:
 * - create = holdSlot + confirmBooking (the widget's path: notice, horizon, the exclusion
 *   constraint; the Idempotency-Key becomes the confirm's idempotency key);
 * - reschedule, cancel, attendance = the console desk's (the business acting, as its staff do:
 *   no visitors' cancellation window).
 * Reads are keyset-paginated by (start, id).
 */
import type { Lang } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, lt, ne, or } from 'drizzle-orm';
import { bookings, businesses, customers, sites } from '../../adapters/db/schema.js';
import { confirmBooking } from '../confirm.js';
import { cancelByStaff, markAttendanceByStaff, rescheduleByStaff } from '../console/desk.js';
import type { Deps } from '../deps.js';
import { holdSlot } from '../hold.js';
import { dateOutsideHorizon } from '../booking-window.js';
import { fail, ok, type Result } from '../result.js';
import { cachedPickStaff, cachedService } from '../site.js';
import { searchSlots, toView, type SlotView } from '../slots.js';
import { toApiBooking as toApi, type ApiBooking } from './booking-json.js';

export type { ApiBooking };

export interface ListBookingsInput {
  from?: string | undefined;
  to?: string | undefined;
  status?: Array<ApiBooking['status']> | undefined;
  staffId?: string | undefined;
  serviceId?: string | undefined;
  customerId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** An opaque cursor: the (start, id) of the last item of the previous page. */
export function encodeCursor(start: string, id: string): string {
  return Buffer.from(JSON.stringify([start, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { start: Date; id: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') return null;
    const start = new Date(v[0]);
    return Number.isNaN(start.getTime()) ? null : { start, id: v[1] };
  } catch {
    return null;
  }
}

export async function listBookings(deps: Pick<Deps, 'db'>, businessId: string, input: ListBookingsInput): Promise<Result<{ items: ApiBooking[]; nextCursor: string | null }>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after === null) return fail('INVALID_INPUT', 'This cursor was not issued by this API', { field: 'cursor' });
  const rows = await deps.db
    .select({ b: bookings, c: customers })
    .from(bookings)
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    .where(
      and(
        eq(bookings.businessId, businessId),
        ne(bookings.status, 'held'),
        input.from ? gte(bookings.startsAt, new Date(input.from)) : undefined,
        input.to ? lt(bookings.startsAt, new Date(input.to)) : undefined,
        input.status?.length ? inArray(bookings.status, input.status) : undefined,
        input.staffId ? eq(bookings.staffId, input.staffId) : undefined,
        input.serviceId ? eq(bookings.serviceId, input.serviceId) : undefined,
        input.customerId ? eq(bookings.customerId, input.customerId) : undefined,
        after ? or(gt(bookings.startsAt, after.start), and(eq(bookings.startsAt, after.start), gt(bookings.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map(toApi);
  const last = page[page.length - 1];
  return ok({ items: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last.start, last.id) : null });
}

export async function getBooking(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<ApiBooking>> {
  const rows = await deps.db
    .select({ b: bookings, c: customers })
    .from(bookings)
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    .where(and(eq(bookings.id, id), eq(bookings.businessId, businessId), ne(bookings.status, 'held')))
    .limit(1);
  return rows[0] ? ok(toApi(rows[0])) : fail('BOOKING_NOT_FOUND', 'No such booking', { field: 'id' });
}

export interface CreateBookingInput {
  serviceId: string;
  staffId?: string | undefined;
  start: string;
  customer: { name: string; phone?: string | undefined; email?: string | undefined };
  lang: Lang;
  note?: string | undefined;
  /** Which of the business's sites the booking is for; the first one when not given. */
  siteId?: string | undefined;
}

export async function createBooking(
  deps: Deps,
  principal: { businessId: string; keyId: string },
  input: CreateBookingInput,
  idempotencyKey: string | undefined,
): Promise<Result<ApiBooking>> {
  const siteRows = await deps.db
    .select({ id: sites.id, siteKey: sites.siteKey })
    .from(sites)
    .where(and(eq(sites.businessId, principal.businessId), input.siteId ? eq(sites.id, input.siteId) : undefined))
    .orderBy(asc(sites.id))
    .limit(1);
  const site = siteRows[0];
  if (!site) return fail('SITE_NOT_FOUND', input.siteId ? 'No such site' : 'This business has no site to book on', { field: 'siteId' });
  // Namespaced per API key: two integrations may pick the same Idempotency-Key.
  const confirmKey = `api:${principal.keyId}:${idempotencyKey ?? randomUUID()}`;
  const held = await holdSlot(deps, { siteKey: site.siteKey, serviceId: input.serviceId, staffId: input.staffId, start: input.start, channel: 'api' }, undefined);
  if (!held.ok) return withField(held, { SERVICE_NOT_FOUND: 'serviceId', STAFF_NOT_FOUND: 'staffId', SLOT_TAKEN: 'start', CLOSED: 'start', OUTSIDE_HOURS: 'start' });
  const done = await confirmBooking(
    deps,
    { holdToken: held.value.holdToken, customer: input.customer, lang: input.lang, note: input.note, idempotencyKey: confirmKey },
    undefined,
  );
  if (!done.ok) return done;
  return getBooking(deps, principal.businessId, done.value.booking.id);
}

function withField<F extends { ok: false; reason: string; details?: Record<string, unknown> }>(f: F, fields: Record<string, string>): F {
  const field = fields[f.reason];
  return field && !f.details?.field ? { ...f, details: { ...f.details, field } } : f;
}

/** The language staff-desk views are rendered in; the API returns ids, so any will do. */
async function defaultLang(deps: Pick<Deps, 'db'>, businessId: string): Promise<Lang> {
  const [b] = await deps.db.select({ l: businesses.defaultLang }).from(businesses).where(eq(businesses.id, businessId));
  return b?.l ?? 'en';
}

const actor = (keyId: string) => `api-key:${keyId}`;

export async function rescheduleBooking(
  deps: Deps,
  principal: { businessId: string; keyId: string },
  id: string,
  input: { start: string; staffId?: string | undefined },
): Promise<Result<ApiBooking>> {
  const r = await rescheduleByStaff(deps, principal.businessId, actor(principal.keyId), await defaultLang(deps, principal.businessId), {
    bookingId: id,
    startsAt: new Date(input.start),
    staffId: input.staffId,
  });
  if (!r.ok) return withField(r, { BOOKING_NOT_FOUND: 'id', SLOT_TAKEN: 'start', CLOSED: 'start', OUTSIDE_HOURS: 'start' });
  return getBooking(deps, principal.businessId, id);
}

export async function cancelBooking(
  deps: Deps,
  principal: { businessId: string; keyId: string },
  id: string,
  input: { reason?: string | undefined },
): Promise<Result<ApiBooking>> {
  const r = await cancelByStaff(deps, principal.businessId, actor(principal.keyId), await defaultLang(deps, principal.businessId), { bookingId: id, reason: input.reason });
  if (!r.ok) return withField(r, { BOOKING_NOT_FOUND: 'id' });
  return getBooking(deps, principal.businessId, id);
}

export async function markBookingAttendance(
  deps: Deps,
  principal: { businessId: string; keyId: string },
  id: string,
  input: { status: 'attended' | 'no_show' },
): Promise<Result<ApiBooking>> {
  const r = await markAttendanceByStaff(deps, principal.businessId, actor(principal.keyId), await defaultLang(deps, principal.businessId), { bookingId: id, status: input.status });
  if (!r.ok) return { ...r, details: { ...r.details, field: 'id' } };
  return getBooking(deps, principal.businessId, id);
}

export interface AvailabilityInput {
  serviceId: string;
  staffId?: string | undefined;
  from: string;
  days: number;
}

/** Free slots as the widget offers them (notice, horizon, hours), with everyone free per slot. */
export async function availability(deps: Deps, businessId: string, input: AvailabilityInput): Promise<Result<{ timeZone: string; slots: SlotView[] }>> {
  const [business] = await deps.db.select().from(businesses).where(eq(businesses.id, businessId));
  if (!business) return fail('SITE_NOT_FOUND', 'No such business');
  // As slots.find: a `from` outside the bookable days is a 400 naming it (issue 12, defect 2), not an empty list.
  const far = dateOutsideHorizon(business, deps.clock.now(), input.from, 'from');
  if (far) return far;
  const [service, staffRows] = await Promise.all([
    cachedService(deps, businessId, input.serviceId),
    cachedPickStaff(deps, businessId, input.serviceId, input.staffId),
  ]);
  if (!service.ok) return withField(service, { SERVICE_NOT_FOUND: 'serviceId' });
  if (!staffRows.ok) return withField(staffRows, { STAFF_NOT_FOUND: 'staffId', SERVICE_NOT_FOUND: 'serviceId' });
  const slots = await searchSlots(deps, business, service.value, staffRows.value, input.from, input.days);
  return ok({ timeZone: business.timeZone, slots: slots.map(toView) });
}
