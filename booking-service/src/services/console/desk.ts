/**
 * The front desk in the console: the calendar of a business, and staff creating, moving,
 * cancelling bookings for clients who phone.
 *
 * Same guarantees as the widget: every write is the booking store's (services/booking-store/): the
 * exclusion constraint is the check, and the jobs and KPI event a change causes commit with it. Staff are
 * not bound by minimum notice, the booking horizon or the visitors' cancellation window; they
 * are bound by working hours and the slot grid (the engine), so bookings stay where the
 * widget's own availability expects them.
 */
import { and, asc, eq, gt, gte, lt, lte, ne } from 'drizzle-orm';
import { bookings, businessClosures, businesses, customers, externalBusy, googleConnections, services, staff } from '../../adapters/db/schema.js';
import { bookingRange, staffMayChange, type AttendanceMark } from '../../domain/booking/rules.js';
import { priceText, servicePrice } from '../../domain/booking/price.js';
import { findSlots, type Slot } from '../../domain/availability/find-slots.js';
import { addDays, utcToZoned, zonedToUtc, type BookingChannel, type BookingStatus, type Lang, type WeeklyHours } from '@frontdesk/shared';
import { markAttendance } from '../attendance.js';
import type { Deps } from '../deps.js';
import { bookDirect, cancelBooking as storeCancel, moveBooking } from '../booking-store/store.js';
import { fail, ok, type Result } from '../result.js';
import type { ConfirmationState } from '../../domain/booking/reconfirm.js';
import { confirmationStates } from '../reconfirm/state.js';
import { deliveryNotices, type DeliveryNotice } from './delivery-notices.js';
import { unavailable } from '../unavailable.js';
import { loadSchedules, rulesFor } from '../schedule.js';
import { loadService, pickStaff, type BusinessRow, type ServiceRow, type StaffRow } from '../site.js';

/** Staff may book as far ahead as they like; the engine still needs a finite horizon. */
const STAFF_HORIZON_DAYS = 3_660;

export interface DeskBooking {
  id: string;
  staffId: string;
  serviceId: string;
  serviceName: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  customer: { name: string; phone: string | null; email: string | null };
  note: string | null;
  channel: BookingChannel;
  /** Send it back with a change: the change applies only to the booking as shown. */
  version: number;
  /** The price agreed at booking time, formatted in the viewer's language (null: booked before prices were kept). */
  price: string | null;
  /** Issue 17: confirmed by the client / not yet / no answer (asked once more at the last reminder, no reply). */
  confirmation: ConfirmationState;
  /** Issue 16: the latest message that went by another channel, or by none (null: all went the usual way). */
  delivery: DeliveryNotice | null;
}

export interface CalendarView {
  /** The business's weekly hours: the grid's rows and the day the calendar opens on. */
  openingHours: WeeklyHours;
  /** `hours`: the person's weekly hours, read in the business's zone (the grid shades the rest). */
  staff: Array<{ id: string; name: string; hours: WeeklyHours }>;
  bookings: DeskBooking[];
  busy: Array<{ staffId: string; startsAt: string; endsAt: string; source: 'google' }>;
  /** Days the business is closed that touch the range (local dates, both ends included): shaded whole. */
  closures: Array<{ from: string; to: string; note: string }>;
}

async function loadBusiness(deps: Pick<Deps, 'db'>, businessId: string): Promise<BusinessRow> {
  const b = (await deps.db.select().from(businesses).where(eq(businesses.id, businessId)))[0];
  if (!b) throw new Error(`business ${businessId} of a signed-in user is missing`);
  return b;
}

/** Bookings (not holds) and synced Google busy times overlapping [from, to). */
export async function calendarOf(
  deps: Pick<Deps, 'db'>,
  businessId: string,
  lang: Lang,
  range: { from: Date; to: Date; staffId?: string | undefined },
): Promise<CalendarView> {
  const biz = await loadBusiness(deps, businessId);
  const people = await deps.db.select({ id: staff.id, name: staff.name, hours: staff.weeklyHours }).from(staff).where(and(eq(staff.businessId, businessId), eq(staff.active, true))).orderBy(asc(staff.sort), asc(staff.id));
  const rows = await deps.db
    .select({ b: bookings, names: services.names, c: customers })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    .where(
      and(
        eq(bookings.businessId, businessId),
        ne(bookings.status, 'held'),
        lt(bookings.startsAt, range.to),
        gt(bookings.endsAt, range.from),
        range.staffId ? eq(bookings.staffId, range.staffId) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  const busy = await deps.db
    .select({ staffId: externalBusy.staffId, startsAt: externalBusy.startsAt, endsAt: externalBusy.endsAt })
    .from(externalBusy)
    .innerJoin(googleConnections, and(eq(googleConnections.staffId, externalBusy.staffId), eq(googleConnections.status, 'ok')))
    .where(
      and(
        eq(googleConnections.businessId, businessId),
        lt(externalBusy.startsAt, range.to),
        gt(externalBusy.endsAt, range.from),
        range.staffId ? eq(externalBusy.staffId, range.staffId) : undefined,
      ),
    )
    .orderBy(asc(externalBusy.startsAt));
  // The range in the business's own days: a closure is a list of local dates.
  const firstDay = utcToZoned(range.from.getTime(), biz.timeZone).date;
  const lastDay = utcToZoned(range.to.getTime() - 1, biz.timeZone).date;
  const closures = await deps.db
    .select({ from: businessClosures.startsOn, to: businessClosures.endsOn, note: businessClosures.note })
    .from(businessClosures)
    .where(and(eq(businessClosures.businessId, businessId), lte(businessClosures.startsOn, lastDay), gte(businessClosures.endsOn, firstDay)))
    .orderBy(asc(businessClosures.startsOn));
  return {
    openingHours: biz.openingHours,
    staff: people,
    closures,
    bookings: await withConfirmation(deps, biz, rows, lang),
    busy: busy.map((x) => ({ staffId: x.staffId, startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString(), source: 'google' as const })),
  };
}

type DeskRow = { b: typeof bookings.$inferSelect; names: ServiceRow['names']; c: typeof customers.$inferSelect | null };

async function withConfirmation(deps: Pick<Deps, 'db'>, biz: BusinessRow, rows: DeskRow[], lang: Lang): Promise<DeskBooking[]> {
  const states = await confirmationStates(deps.db, biz.reminderLeadsMin, rows.map((r) => r.b));
  const notices = await deliveryNotices(deps.db, biz.id, rows.map((r) => r.b.id));
  return rows.map((r) => ({ ...deskView(r.b, r.names, r.c, lang, biz.defaultLang, states.get(r.b.id) ?? 'pending'), delivery: notices.get(r.b.id) ?? null }));
}

function deskView(
  b: typeof bookings.$inferSelect,
  names: ServiceRow['names'],
  c: typeof customers.$inferSelect | null,
  lang: Lang,
  defaultLang: Lang,
  confirmation: ConfirmationState,
): Omit<DeskBooking, 'delivery'> {
  return {
    id: b.id,
    staffId: b.staffId,
    serviceId: b.serviceId,
    serviceName: names[lang] ?? names[defaultLang] ?? Object.values(names)[0] ?? '',
    status: b.status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    customer: { name: c?.name ?? '', phone: c?.phone ?? null, email: c?.email ?? null },
    note: b.note,
    channel: b.channel,
    version: b.version,
    price: b.price ? priceText(b.price, lang) : null,
    confirmation,
  };
}

async function bookingView(deps: Pick<Deps, 'db'>, businessId: string, bookingId: string, lang: Lang): Promise<DeskBooking> {
  const biz = await loadBusiness(deps, businessId);
  const r = (
    await deps.db
      .select({ b: bookings, names: services.names, c: customers })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .leftJoin(customers, eq(customers.id, bookings.customerId))
      .where(and(eq(bookings.id, bookingId), eq(bookings.businessId, businessId)))
  )[0]!;
  return (await withConfirmation(deps, biz, [r], lang))[0]!;
}

/** Free starts on one business-local date, without notice or horizon (staff book by phone, now). */
async function staffSlots(deps: Deps, business: BusinessRow, service: ServiceRow, staffRows: StaffRow[], date: string, excludeBookingId?: string): Promise<Slot[]> {
  const now = deps.clock.now();
  const range = { start: zonedToUtc(date, 0, business.timeZone), end: zonedToUtc(addDays(date, 1), 0, business.timeZone) };
  const schedules = await loadSchedules(deps.db, business, staffRows, range, now, excludeBookingId);
  return findSlots({
    ...schedules,
    rules: { ...rulesFor(business, service), minNoticeMin: 0, horizonDays: STAFF_HORIZON_DAYS },
    window: { from: date, days: 1, timeZone: business.timeZone },
    now: now.getTime(),
    fillGaps: business.fillGaps,
  });
}

export async function deskSlots(
  deps: Deps,
  businessId: string,
  input: { serviceId: string; staffId?: string | undefined; date: string },
): Promise<Result<{ slots: Array<{ start: string; staffId: string }> }>> {
  const business = await loadBusiness(deps, businessId);
  const service = await loadService(deps.db, businessId, input.serviceId);
  if (!service.ok) return service;
  const people = await pickStaff(deps.db, businessId, input.serviceId, input.staffId);
  if (!people.ok) return people;
  const slots = await staffSlots(deps, business, service.value, people.value, input.date);
  return ok({ slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), staffId: s.staffIds[0]! })) });
}

/** CLOSED, OUTSIDE_HOURS or SLOT_TAKEN, with up to three free starts of that day for that staff member. */
async function taken(deps: Deps, business: BusinessRow, service: ServiceRow, person: StaffRow, start: number, excludeBookingId?: string) {
  const date = utcToZoned(start, business.timeZone).date;
  const free = await staffSlots(deps, business, service, [person], date, excludeBookingId);
  const alternatives = free
    .map((s) => ({ s, d: Math.abs(s.start - start) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => ({ start: new Date(x.s.start).toISOString(), staffId: person.id }))
    .sort((a, b) => a.start.localeCompare(b.start));
  return unavailable(deps.db, business, bookingRange(service, start), { alternatives });
}

export interface PhoneBookingInput {
  serviceId: string;
  staffId: string;
  startsAt: Date;
  customer: { name: string; phone?: string | undefined; email?: string | undefined };
  lang: Lang;
  note?: string | undefined;
}

export async function createPhoneBooking(deps: Deps, businessId: string, userId: string, viewLang: Lang, input: PhoneBookingInput): Promise<Result<DeskBooking>> {
  const business = await loadBusiness(deps, businessId);
  const service = await loadService(deps.db, businessId, input.serviceId);
  if (!service.ok) return service;
  const people = await pickStaff(deps.db, businessId, input.serviceId, input.staffId);
  if (!people.ok) return people;
  const person = people.value[0]!;
  const start = input.startsAt.getTime();
  const free = await staffSlots(deps, business, service.value, [person], utcToZoned(start, business.timeZone).date);
  if (!free.some((s) => s.start === start)) return taken(deps, business, service.value, person, start);

  const made = await bookDirect(
    deps.db,
    {
      businessId,
      siteId: null,
      serviceId: service.value.id,
      staffId: person.id,
      ...bookingRange(service.value, start),
      // The same confirmation (sent only when there is an e-mail), staff notice, reminders and calendar write as a widget booking.
      customer: { ...input.customer, lang: input.lang },
      lang: input.lang,
      note: input.note ?? null,
      channel: 'phone',
      price: servicePrice(service.value),
    },
    { by: 'staff', userId },
    deps.clock.now(),
  );
  if (!made.ok) return made.reason === 'SLOT_TAKEN' || made.reason === 'CLOSED' ? taken(deps, business, service.value, person, start) : made;
  return ok(await bookingView(deps, businessId, made.value.id, viewLang));
}

async function loadOwnBooking(deps: Pick<Deps, 'db'>, businessId: string, bookingId: string) {
  return (await deps.db.select().from(bookings).where(and(eq(bookings.id, bookingId), eq(bookings.businessId, businessId), ne(bookings.status, 'held'))))[0];
}

export async function rescheduleByStaff(
  deps: Deps,
  businessId: string,
  userId: string,
  viewLang: Lang,
  input: { bookingId: string; startsAt: Date; staffId?: string | undefined; version?: number | undefined },
): Promise<Result<DeskBooking>> {
  const b = await loadOwnBooking(deps, businessId, input.bookingId);
  if (!b) return fail('BOOKING_NOT_FOUND', 'No such booking', { field: 'bookingId' });
  if (staffMayChange(b)) return fail('BOOKING_NOT_ACTIVE', `This booking is ${b.status}`, { status: b.status });
  const business = await loadBusiness(deps, businessId);
  // The booking's own service, even if archived since: moving a booking is not selling the service anew.
  const service = (await deps.db.select().from(services).where(and(eq(services.id, b.serviceId), eq(services.businessId, businessId))))[0]!;
  const staffId = input.staffId ?? b.staffId;
  let person: StaffRow | undefined;
  if (staffId === b.staffId) {
    person = (await deps.db.select().from(staff).where(and(eq(staff.id, staffId), eq(staff.businessId, businessId))))[0];
  } else {
    const people = await pickStaff(deps.db, businessId, b.serviceId, staffId);
    if (!people.ok) return people;
    person = people.value[0];
  }
  if (!person) return fail('STAFF_NOT_FOUND', 'No such staff member', { field: 'staffId' });
  const start = input.startsAt.getTime();
  const free = await staffSlots(deps, business, service, [person], utcToZoned(start, business.timeZone).date, b.id);
  if (!free.some((s) => s.start === start)) return taken(deps, business, service, person, start, b.id);

  // Conditional on the row as read: a concurrent move or cancel changes it and this one loses.
  const moved = await moveBooking(deps.db, { ...b, version: input.version ?? b.version }, { ...bookingRange(service, start), staffId: person.id }, { by: 'staff', userId }, deps.clock.now());
  if (!moved.ok) return moved.reason === 'SLOT_TAKEN' || moved.reason === 'CLOSED' ? taken(deps, business, service, person, start, b.id) : moved;
  return ok(await bookingView(deps, businessId, b.id, viewLang));
}

export async function cancelByStaff(
  deps: Deps,
  businessId: string,
  userId: string,
  viewLang: Lang,
  input: { bookingId: string; reason?: string | undefined; version?: number | undefined },
): Promise<Result<DeskBooking>> {
  const b = await loadOwnBooking(deps, businessId, input.bookingId);
  if (!b) return fail('BOOKING_NOT_FOUND', 'No such booking', { field: 'bookingId' });
  // Cancelling twice is not an error: the same, cancelled, booking.
  if (b.status === 'cancelled') return ok(await bookingView(deps, businessId, b.id, viewLang));
  if (staffMayChange(b)) return fail('BOOKING_NOT_ACTIVE', `This booking is ${b.status}`, { status: b.status });
  const done = await storeCancel(deps.db, { ...b, version: input.version ?? b.version }, input.reason ?? null, { by: 'staff', userId }, deps.clock.now());
  if (!done.ok) return done;
  return ok(await bookingView(deps, businessId, b.id, viewLang));
}

export async function markAttendanceByStaff(
  deps: Deps,
  businessId: string,
  userId: string,
  viewLang: Lang,
  input: { bookingId: string; status: AttendanceMark },
): Promise<Result<DeskBooking>> {
  const r = await markAttendance(deps, { businessId, bookingId: input.bookingId, status: input.status, actor: { by: 'staff', userId } });
  if (!r.ok) return { ...r, details: { ...r.details, field: 'bookingId' } };
  return ok(await bookingView(deps, businessId, input.bookingId, viewLang));
}
