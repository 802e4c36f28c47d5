/**
 * The staff calendar and phone bookings over real HTTP: slots without notice, creating a
 * booking (the exclusion constraint refuses a double booking; jobs and the KPI event commit
 * with it), the calendar with Google busy blocks, moving, cancelling, marking visits.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, businessClosures, events, externalBusy, googleConnections, jobs, outbox } from '../src/adapters/db/schema.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, T0, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const SALON = 'demo-salon-spb';
/** Monday 2026-03-02, 09:00 in Moscow (T0); the salon opens at 10:00, Anna works 10–19. */
const DAY = '2026-03-02';
/** Maria works Tuesday to Saturday, 12:00–21:00 Moscow (09:00–18:00Z). */
const TUESDAY = '2026-03-03';

describe.each(dbKinds)('console calendar and bookings on %s', (kind) => {
  let h: Harness;
  let anna: ConsoleSessionClient;
  let owner: ConsoleSessionClient;
  beforeAll(async () => {
    h = await createHarness(kind);
    const { url } = await h.http();
    anna = await signIn(url, staffAccount('salon-anna', SALON));
    owner = await signIn(url, ownerOf(SALON));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('offers slots within the minimum notice (staff book by phone) but not in the past or outside hours', async () => {
    const { slots } = await anna.client.bookings.slots.query({ serviceId: 'salon-haircut-men', staffId: 'salon-anna', date: DAY });
    // 10:00 Moscow = 07:00Z: one hour from now, inside the 2-hour online notice.
    expect(slots[0]).toEqual({ start: '2026-03-02T07:00:00.000Z', staffId: 'salon-anna' });
    const publicSlots = await h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-anna', from: DAY, days: 1 });
    expect(publicSlots.slots[0]!.start > slots[0]!.start).toBe(true);
    // Tuesday: Anna and Maria both work; without staffId, either may serve.
    const any = await anna.client.bookings.slots.query({ serviceId: 'salon-haircut-men', date: TUESDAY });
    expect(new Set(any.slots.map((s) => s.staffId)).size).toBeGreaterThan(1);
    const bad = await consoleFailure(anna.client.bookings.slots.query({ serviceId: 'salon-haircut-men', date: '2026-3-2' }));
    expect(bad.data.fields[0].path).toBe('date');
    expect((await consoleFailure(anna.client.bookings.slots.query({ serviceId: 'barber-haircut', date: DAY }))).data.reason).toBe('SERVICE_NOT_FOUND');
  });

  it('creates a phone booking: channel phone, creator recorded, event and jobs in the same transaction, no double booking', async () => {
    const start = '2026-03-02T07:00:00.000Z';
    const b = await anna.client.bookings.create.mutate({
      serviceId: 'salon-haircut-men',
      staffId: 'salon-anna',
      startsAt: start,
      customer: { name: 'Пётр', phone: '+7 921 555-00-11', email: 'petr@example.com' },
      lang: 'ru',
      note: 'по телефону',
    });
    expect(b).toMatchObject({
      staffId: 'salon-anna',
      serviceId: 'salon-haircut-men',
      serviceName: 'Мужская стрижка',
      status: 'confirmed',
      startsAt: start,
      channel: 'phone',
      note: 'по телефону',
      customer: { name: 'Пётр', phone: '+7 921 555-00-11', email: 'petr@example.com' },
    });
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, b.id));
    expect(row!.createdByUserId).toBe('user-salon-anna');
    // A phone booking keeps the service's price at booking time, and the console shows it.
    expect(row!.price).toMatchObject({ source: 'service', currency: 'RUB' });
    expect(b.price).toMatch(/₽/);
    const ev = await h.deps.db.select().from(events).where(eq(events.bookingId, b.id));
    expect(ev.map((e) => [e.kind, e.channel])).toEqual([['booking_made', 'phone']]);
    const kinds = (await h.deps.db.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.bookingId, b.id))).map((j) => j.kind);
    expect(kinds).toEqual(expect.arrayContaining(['mail.booking_confirmed', 'mail.staff_new_booking']));
    // The client gets the same confirmation e-mail as a widget booking.
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await h.deps.db.select().from(outbox).where(eq(outbox.to, '"Пётр" <petr@example.com>'))).length).toBe(1);

    // The same time again, by anyone: refused with alternatives.
    const again = await consoleFailure(
      owner.client.bookings.create.mutate({ serviceId: 'salon-haircut-men', staffId: 'salon-anna', startsAt: start, customer: { name: 'Иван' }, lang: 'ru' }),
    );
    expect(again).toMatchObject({ code: 'CONFLICT', data: { reason: 'SLOT_TAKEN' } });
    expect(again.data.alternatives.length).toBeGreaterThan(0);
    expect(again.data.alternatives.every((a: { start: string }) => a.start !== start)).toBe(true);
    // A time off the grid, outside hours, or for a staff member who does not do the service.
    expect((await consoleFailure(owner.client.bookings.create.mutate({ serviceId: 'salon-haircut-men', staffId: 'salon-anna', startsAt: '2026-03-02T17:00:00Z', customer: { name: 'X' }, lang: 'ru' }))).data.reason).toBe('SLOT_TAKEN');
    expect((await consoleFailure(owner.client.bookings.create.mutate({ serviceId: 'salon-manicure', staffId: 'salon-anna', startsAt: start, customer: { name: 'X' }, lang: 'ru' }))).data.reason).toBe('STAFF_NOT_FOUND');
    const bad = await consoleFailure(owner.client.bookings.create.mutate({ serviceId: 'salon-haircut-men', staffId: 'salon-anna', startsAt: 'tomorrow', customer: { name: '', email: 'nope' }, lang: 'de' as never }));
    expect((bad.data.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['customer.email', 'customer.name', 'lang', 'startsAt']);
  });

  it('two racing phone bookings for one slot: exactly one wins', async () => {
    const start = '2026-03-03T12:00:00.000Z';
    const make = (who: ConsoleSessionClient, name: string) =>
      who.client.bookings.create.mutate({ serviceId: 'salon-haircut-men', staffId: 'salon-maria', startsAt: start, customer: { name }, lang: 'ru' }).then(
        () => 'ok',
        (e: { data?: { reason?: string } }) => e.data?.reason,
      );
    const results = await Promise.all([make(anna, 'A'), make(owner, 'B'), make(anna, 'C')]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'SLOT_TAKEN')).toHaveLength(2);
  });

  it('lists the calendar of the whole business with customers and Google busy blocks', async () => {
    const now = h.clock.now();
    await h.deps.db.insert(googleConnections).values({
      staffId: 'salon-maria',
      businessId: 'biz-salon-spb',
      refreshTokenSealed: 'sealed',
      busyCalendarIds: ['primary'],
      bookingCalendarId: 'primary',
      createdAt: now,
      updatedAt: now,
    });
    await h.deps.db.insert(externalBusy).values({ staffId: 'salon-maria', calendarId: 'primary', eventId: 'dentist', startsAt: new Date('2026-03-03T13:00:00Z'), endsAt: new Date('2026-03-03T14:00:00Z') });
    const cal = await anna.client.calendar.list.query({ from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' });
    expect(cal.staff.map((s) => s.id)).toEqual(['salon-anna', 'salon-maria', 'salon-olga']);
    // Each person's weekly hours: the grid shades the time outside them.
    expect(cal.staff.every((s) => Object.keys(s.hours).length > 0)).toBe(true);
    expect(cal.bookings.map((b) => b.staffId).sort()).toEqual(['salon-anna', 'salon-maria']);
    expect(cal.bookings.find((b) => b.staffId === 'salon-anna')!.customer).toEqual({ name: 'Пётр', phone: '+7 921 555-00-11', email: 'petr@example.com' });
    expect(cal.busy).toEqual([{ staffId: 'salon-maria', startsAt: '2026-03-03T13:00:00.000Z', endsAt: '2026-03-03T14:00:00.000Z', source: 'google' }]);
    // The busy block is not bookable from the console either.
    const maria = await anna.client.bookings.slots.query({ serviceId: 'salon-haircut-men', staffId: 'salon-maria', date: TUESDAY });
    expect(maria.slots.length).toBeGreaterThan(0);
    expect(maria.slots.some((s) => s.start === '2026-03-03T13:00:00.000Z')).toBe(false);
    // Filtered by staff member; other days are empty; a too long or reversed range names `to`.
    expect((await anna.client.calendar.list.query({ from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z', staffId: 'salon-anna' })).bookings).toHaveLength(1);
    expect((await anna.client.calendar.list.query({ from: '2026-03-04T00:00:00Z', to: '2026-03-05T00:00:00Z' })).bookings).toEqual([]);
    expect((await consoleFailure(anna.client.calendar.list.query({ from: '2026-03-02T00:00:00Z', to: '2026-06-02T00:00:00Z' }))).data.fields[0].path).toBe('to');
    expect((await consoleFailure(anna.client.calendar.list.query({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }))).data.fields[0].path).toBe('to');
  });

  it('reschedules (also to a colleague) and cancels inside the visitor cancellation window; marks attendance', async () => {
    const cal = await anna.client.calendar.list.query({ from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z', staffId: 'salon-anna' });
    const id = cal.bookings[0]!.id;
    // 07:00Z is an hour away: inside the salon's 3-hour window, which binds visitors only.
    const moved = await anna.client.bookings.reschedule.mutate({ bookingId: id, startsAt: '2026-03-02T07:30:00.000Z' });
    expect(moved).toMatchObject({ id, startsAt: '2026-03-02T07:30:00.000Z', staffId: 'salon-anna', status: 'confirmed' });
    const toMaria = await anna.client.bookings.reschedule.mutate({ bookingId: id, startsAt: '2026-03-03T10:00:00.000Z', staffId: 'salon-maria' });
    expect(toMaria).toMatchObject({ staffId: 'salon-maria', startsAt: '2026-03-03T10:00:00.000Z' });
    // Onto Maria's other booking: refused.
    expect((await consoleFailure(anna.client.bookings.reschedule.mutate({ bookingId: id, startsAt: '2026-03-03T12:00:00.000Z' }))).data.reason).toBe('SLOT_TAKEN');
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row!.version).toBe(2);
    expect((await h.deps.db.select().from(events).where(and(eq(events.bookingId, id), eq(events.kind, 'rescheduled')))).length).toBe(2);

    h.clock.set('2026-03-03T11:00:00Z');
    expect(await anna.client.bookings.markAttendance.mutate({ bookingId: id, status: 'no_show' })).toMatchObject({ id, status: 'no_show' });
    expect(await anna.client.bookings.markAttendance.mutate({ bookingId: id, status: 'attended' })).toMatchObject({ status: 'attended' });
    // An attended visit cannot be cancelled or moved.
    expect((await consoleFailure(anna.client.bookings.cancel.mutate({ bookingId: id }))).data.reason).toBe('BOOKING_NOT_ACTIVE');
    expect((await consoleFailure(anna.client.bookings.reschedule.mutate({ bookingId: id, startsAt: '2026-03-04T10:00:00.000Z' }))).data.reason).toBe('BOOKING_NOT_ACTIVE');

    const other = (await owner.client.calendar.list.query({ from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' })).bookings.find((b) => b.startsAt === '2026-03-03T12:00:00.000Z')!;
    const cancelled = await owner.client.bookings.cancel.mutate({ bookingId: other.id, reason: 'client called' });
    expect(cancelled).toMatchObject({ id: other.id, status: 'cancelled' });
    expect(await owner.client.bookings.cancel.mutate({ bookingId: other.id })).toMatchObject({ status: 'cancelled' });
    const [c] = await h.deps.db.select().from(bookings).where(eq(bookings.id, other.id));
    expect(c!.cancelReason).toBe('client called');
    expect((await h.deps.db.select().from(events).where(and(eq(events.bookingId, other.id), eq(events.kind, 'cancelled')))).length).toBe(1);
    expect((await consoleFailure(owner.client.bookings.markAttendance.mutate({ bookingId: other.id, status: 'attended' }))).data.reason).toBe('BOOKING_NOT_ACTIVE');
    expect((await consoleFailure(owner.client.bookings.cancel.mutate({ bookingId: 'no-such-booking' }))).code).toBe('NOT_FOUND');
    h.clock.set(T0);
  });

  it('lists the days the business is closed that touch the range, read in its zone (the grid shades them whole)', async () => {
    await h.deps.db.insert(businessClosures).values([
      { id: 'c-spring', businessId: 'biz-salon-spb', startsOn: '2026-03-08', endsOn: '2026-03-09', note: 'Праздник' },
      { id: 'c-later', businessId: 'biz-salon-spb', startsOn: '2026-05-01', endsOn: '2026-05-01', note: '' },
    ]);
    // Moscow's 7 March 00:00 is 6 March 21:00Z: the range 7–8 March (local) touches the holiday's first day.
    const cal = await anna.client.calendar.list.query({ from: '2026-03-06T21:00:00Z', to: '2026-03-08T21:00:00Z' });
    expect(cal.closures).toEqual([{ from: '2026-03-08', to: '2026-03-09', note: 'Праздник' }]);
    // The local day before (6 March, up to 21:00Z) does not.
    expect((await anna.client.calendar.list.query({ from: '2026-03-05T21:00:00Z', to: '2026-03-06T21:00:00Z' })).closures).toEqual([]);
    await h.deps.db.delete(businessClosures).where(eq(businessClosures.businessId, 'biz-salon-spb'));
  });
});
