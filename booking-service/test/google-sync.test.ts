/**
 * Issue 5: two-way Google Calendar sync, driven through the real @googleapis/calendar client
 * and google-auth-library against the loopback emulator (src/dev/google-emulator.ts).
 * Time is the harness's manual clock; push notifications travel over real loopback HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { bookingCalendarEvents, bookings, externalBusy, googleConnections, jobs, outbox, users } from '../src/adapters/db/schema.js';
import { disconnect, listCalendars, setCalendars } from '../src/services/calendar-sync/connection.js';
import { CANCELLED_IN_GOOGLE } from '../src/services/calendar-sync/inbound.js';
import { issueFeed, revokeFeed } from '../src/services/calendar-sync/ics-feed.js';
import { eventIdFor } from '../src/services/calendar-sync/write-event.js';
import { priceText } from '../src/domain/booking/price.js';
import { book, freeStart } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createGoogleHarness, type GoogleHarness } from './support/google.js';

const MIN = 60_000;
const STAFF = 'salon-anna';
const MONDAY = '2026-03-02';

describe.each(dbKinds)('Google Calendar sync (%s)', (kind) => {
  let g: GoogleHarness;
  afterEach(async () => {
    await g?.close();
  });

  const annaSlots = async (day = MONDAY) =>
    (await g.h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', staffId: STAFF, from: day, days: 1 })).slots.map((s) => s.start);
  const ownEvents = () => g.emu.events('primary').filter((e) => e.extendedProperties?.private?.frontdeskBookingId);
  const bookingRow = async (id: string) => (await g.h.deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!;
  const pendingKinds = async () => (await g.h.deps.db.select({ k: jobs.kind }).from(jobs).where(isNull(jobs.doneAt))).map((r) => r.k);

  it('connects through the consent page, stores the refresh token sealed, and watches the calendar', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const conn = (await g.h.deps.db.select().from(googleConnections).where(eq(googleConnections.staffId, STAFF)))[0]!;
    expect(conn.status).toBe('ok');
    expect(conn.refreshTokenSealed).toMatch(/^v1\./);
    expect(conn.refreshTokenSealed).not.toContain('1//');
    expect(g.emu.channels()).toHaveLength(1);
    expect(g.emu.channels()[0]!.address).toBe(`${g.url}/google/push`);
  });

  it('an event created in Google blocks the slot after the push; free events do not; recurring events block every instance', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const before = await annaSlots();
    const target = before[4]!;
    g.emu.insertEvent('primary', { summary: 'Dentist', start: { dateTime: target }, end: { dateTime: new Date(Date.parse(target) + 30 * MIN).toISOString() } });
    g.emu.insertEvent('primary', { summary: 'Maybe gym', transparency: 'transparent', start: { dateTime: before[0]! }, end: { dateTime: new Date(Date.parse(before[0]!) + 30 * MIN).toISOString() } });
    const nextMonday = await annaSlots('2026-03-09');
    g.emu.insertEvent('primary', {
      summary: 'Weekly lunch',
      start: { dateTime: before[14]! },
      end: { dateTime: new Date(Date.parse(before[14]!) + 60 * MIN).toISOString() },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'],
    });
    await g.emu.flushPushes();
    expect(await pendingKinds()).toContain('gcal.sync');
    await g.settle();
    const after = await annaSlots();
    expect(after).not.toContain(target);
    expect(after).toContain(before[0]);
    expect(after).not.toContain(before[14]);
    const lunchNextWeek = new Date(Date.parse(before[14]!) + 7 * 86_400_000).toISOString();
    expect(nextMonday).toContain(lunchNextWeek);
    expect(await annaSlots('2026-03-09')).not.toContain(lunchNextWeek);
  });

  it('a booking creates exactly one event; reschedule patches it, cancel deletes it', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    // Late enough on the day that the visitor may still change it online (3-hour window).
    const done = await book(g.h, { day: MONDAY, index: 12 });
    await g.settle();
    expect(ownEvents()).toHaveLength(1);
    const ev = ownEvents()[0]!;
    expect(ev.id).toBe(eventIdFor(done.booking.id));
    expect(ev.start.dateTime).toBe(done.booking.start);
    expect(ev.description).toContain('/manage?token=');
    // What was agreed is kept (issue 11): the event says the booking's price, in the business's language.
    expect(ev.description).toContain(priceText(done.booking.price!, 'ru'));
    expect(g.emu.calls.get('POST insert')).toBe(1);
    // Our own event echoed back by the sync is neither a busy time nor a change.
    expect(await g.h.deps.db.select().from(externalBusy)).toHaveLength(0);

    const to = await freeStart(g.h, STAFF, '2026-03-09', { index: 2 });
    await g.h.caller().booking.reschedule({ manageToken: done.manageToken, start: to });
    await g.settle();
    expect(g.emu.event('primary', ev.id)!.start.dateTime).toBe(to);
    expect(g.emu.calls.get('PATCH patch')).toBe(1);
    expect((await bookingRow(done.booking.id)).version).toBe(1);

    await g.h.caller().booking.cancel({ manageToken: done.manageToken });
    await g.settle();
    expect(g.emu.event('primary', ev.id)!.status).toBe('cancelled');
    expect(g.emu.calls.get('DELETE delete')).toBe(1);
    expect(g.emu.calls.get('POST insert')).toBe(1);
  });

  it('an event moved in Google reschedules the booking; deleted in Google cancels it; the visitor is told both times', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const done = await book(g.h, { day: MONDAY, email: 'visitor@example.com' });
    await g.settle();
    const id = eventIdFor(done.booking.id);
    const to = await freeStart(g.h, STAFF, '2026-03-09', { index: 3 });
    g.emu.patchEvent('primary', id, { start: { dateTime: to }, end: { dateTime: new Date(Date.parse(to) + 60 * MIN).toISOString() } });
    await g.settle();
    let b = await bookingRow(done.booking.id);
    expect(b.startsAt.toISOString()).toBe(to);
    expect(b.version).toBe(1);
    const sent = async () => (await g.h.deps.db.select().from(outbox)).filter((m) => m.to.includes('visitor@example.com')).length;
    const afterMove = await sent();
    expect(afterMove).toBeGreaterThanOrEqual(2); // confirmation + reschedule notice

    g.emu.deleteEvent('primary', id);
    await g.settle();
    b = await bookingRow(done.booking.id);
    expect(b.status).toBe('cancelled');
    expect(b.cancelReason).toBe(CANCELLED_IN_GOOGLE);
    expect(await sent()).toBe(afterMove + 1);
    // The slot is free again and no second event was ever made.
    expect(await annaSlots('2026-03-09')).toContain(to);
    expect(g.emu.calls.get('POST insert')).toBe(1);
  });

  it('ten minutes of 429/500 from Google: every booking is made, every event written exactly once after recovery', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    g.emu.setFault({ kind: 'status', status: 429 });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await book(g.h, { day: MONDAY, index: i * 2 }));
    for (let t = 0; t < 20; t++) {
      if (t === 10) g.emu.setFault({ kind: 'rateLimit' });
      if (t === 15) g.emu.setFault({ kind: 'status', status: 500 });
      g.h.clock.advance(30_000);
      await g.settle();
    }
    expect(ownEvents()).toHaveLength(0);
    g.emu.setFault(null);
    for (let t = 0; t < 140; t++) {
      g.h.clock.advance(30_000);
      await g.settle();
    }
    expect(ownEvents().map((e) => e.id).sort()).toEqual(made.map((m) => eventIdFor(m.booking.id)).sort());
    expect(g.emu.calls.get('POST insert')).toBe(3);
    const recs = await g.h.deps.db.select().from(bookingCalendarEvents);
    expect(recs.map((r) => [r.state, r.writtenVersion])).toEqual([['live', 0], ['live', 0], ['live', 0]]);
  });

  it("Google's Retry-After is honoured: no retry before it, even when our backoff would retry sooner", async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    g.emu.setFault({ kind: 'status', status: 429, retryAfterSec: 600 });
    const done = await book(g.h, { day: MONDAY });
    await g.settle();
    expect(g.emu.calls.get('FAULT 429')).toBe(1);
    const job = (await g.h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'gcal.write'), eq(jobs.bookingId, done.booking.id))))[0]!;
    expect(job.runAt.getTime() - g.h.clock.now().getTime()).toBe(600_000);
    // Our own backoff alone would have tried again after 30 s.
    for (let t = 0; t < 9; t++) {
      g.h.clock.advance(60_000);
      await g.settle();
    }
    expect(g.emu.calls.get('FAULT 429')).toBe(1);
    g.emu.setFault(null);
    g.h.clock.advance(60_000);
    await g.settle();
    expect(ownEvents().map((e) => e.id)).toEqual([eventIdFor(done.booking.id)]);
  });

  it('lists every page of the calendar list (more than 250 calendars)', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    for (let i = 0; i < 300; i++) g.emu.insertEvent(`cal-${String(i).padStart(3, '0')}`, { start: { dateTime: '2026-04-01T07:00:00.000Z' }, end: { dateTime: '2026-04-01T08:00:00.000Z' } });
    const listed = await listCalendars(g.sd, STAFF);
    expect(listed).toHaveLength(301);
    expect(new Set(listed.map((c) => c.id)).size).toBe(301);
    expect(g.emu.calls.get('GET calendarList')).toBe(2);
  });

  it('an insert whose answer was lost is not repeated: the retry finds the event (409) and patches it', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    g.emu.setFault({ kind: 'lostResponse' });
    const done = await book(g.h, { day: MONDAY });
    await g.settle();
    g.emu.setFault(null);
    g.h.clock.advance(60_000);
    await g.settle();
    expect(ownEvents().map((e) => e.id)).toEqual([eventIdFor(done.booking.id)]);
    const rec = (await g.h.deps.db.select().from(bookingCalendarEvents))[0]!;
    expect([rec.state, rec.writtenVersion]).toEqual(['live', 0]);
    const outcomes = (await g.h.deps.db.select({ o: jobs.outcome }).from(jobs).where(eq(jobs.kind, 'gcal.write'))).map((r) => r.o);
    expect(outcomes).toContain('patched:after_conflict');
  });

  it('push channels are renewed before they expire, and stopped on disconnect', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const first = g.emu.channels()[0]!;
    g.h.clock.advance(6.5 * 86_400_000);
    await g.settle();
    const now = g.emu.channels();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(first.id);
    expect(now[0]!.expiration).toBeGreaterThan(g.h.clock.now().getTime() + 86_400_000);
    await disconnect(g.sd, STAFF);
    expect(g.emu.channels()).toHaveLength(0);
    expect(await g.h.deps.db.select().from(googleConnections)).toHaveLength(0);
  });

  it('a move in Google onto a taken time is refused: the event goes back to the booking time', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const a = await book(g.h, { day: MONDAY, index: 0 });
    const b = await book(g.h, { day: MONDAY, index: 6 });
    await g.settle();
    const id = eventIdFor(a.booking.id);
    g.emu.patchEvent('primary', id, { start: { dateTime: b.booking.start }, end: { dateTime: b.booking.end } });
    await g.settle();
    expect((await bookingRow(a.booking.id)).startsAt.toISOString()).toBe(a.booking.start);
    expect(g.emu.event('primary', id)!.start.dateTime).toBe(a.booking.start);
  });

  it('staff choose busy calendars and the booking calendar', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    g.emu.insertEvent('family', { start: { dateTime: '2026-03-09T07:00:00.000Z' }, end: { dateTime: '2026-03-09T08:00:00.000Z' } });
    g.emu.insertEvent('work', { start: { dateTime: '2026-03-01T07:00:00.000Z' }, end: { dateTime: '2026-03-01T08:00:00.000Z' } });
    expect((await listCalendars(g.sd, STAFF)).map((c) => c.id).sort()).toEqual(['family', 'primary', 'work']);
    const s = await annaSlots();
    g.emu.insertEvent('family', { start: { dateTime: s[2]! }, end: { dateTime: new Date(Date.parse(s[2]!) + 30 * MIN).toISOString() } });
    expect((await setCalendars(g.sd, STAFF, { busy: ['primary', 'family'], booking: 'work' })).ok).toBe(true);
    await g.settle();
    expect(await annaSlots()).not.toContain(s[2]);
    expect(g.emu.channels().map((c) => c.calendarId).sort()).toEqual(['family', 'primary']);
    const done = await book(g.h, { day: MONDAY, index: 8 });
    await g.settle();
    expect(g.emu.event('work', eventIdFor(done.booking.id))).toBeDefined();
    expect(g.emu.event('primary', eventIdFor(done.booking.id))).toBeUndefined();
    // Dropping a calendar drops its busy times.
    await setCalendars(g.sd, STAFF, { busy: ['primary'], booking: 'work' });
    expect(await annaSlots()).toContain(s[2]);
    expect(g.emu.channels().map((c) => c.calendarId)).toEqual(['primary']);
  });

  it('410 GONE: the stale sync token leads to a full resync with no duplicates', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const s = await annaSlots();
    const ev = (i: number) => ({ start: { dateTime: s[i]! }, end: { dateTime: new Date(Date.parse(s[i]!) + 15 * MIN).toISOString() } });
    const a = g.emu.insertEvent('primary', ev(1));
    g.emu.insertEvent('primary', ev(5));
    await g.settle();
    expect(await g.h.deps.db.select().from(externalBusy)).toHaveLength(2);
    g.emu.invalidateSyncTokens('primary');
    g.emu.insertEvent('primary', ev(9));
    g.emu.deleteEvent('primary', a.id);
    await g.settle();
    const rows = await g.h.deps.db.select().from(externalBusy);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(2);
    expect(rows.map((r) => r.eventId)).not.toContain(a.id);
  });

  it('revoked grant: no crash, connection marked broken, owner and staff member told, availability falls back to own bookings', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    // Anna's console account: where her own notice goes.
    await g.h.deps.db.insert(users).values({ id: 'u-anna', businessId: 'biz-salon-spb', email: 'anna@salon.example', name: 'Anna', role: 'staff', staffId: STAFF });
    const s = await annaSlots();
    g.emu.insertEvent('primary', { start: { dateTime: s[3]! }, end: { dateTime: new Date(Date.parse(s[3]!) + 30 * MIN).toISOString() } });
    await g.settle();
    expect(await annaSlots()).not.toContain(s[3]);

    g.emu.revokeAll();
    g.emu.insertEvent('primary', { start: { dateTime: s[12]! }, end: { dateTime: new Date(Date.parse(s[12]!) + 30 * MIN).toISOString() } });
    await g.settle();
    const conn = (await g.h.deps.db.select().from(googleConnections).where(eq(googleConnections.staffId, STAFF)))[0]!;
    expect(conn.status).toBe('broken');
    expect(conn.brokenReason).toBe('invalid_grant');
    const notices = (await g.h.deps.db.select().from(outbox)).filter((m) => m.to === 'owner@demo-salon-spb.demo' && /Google Calendar/.test(m.subject));
    expect(notices).toHaveLength(1);
    const toAnna = (await g.h.deps.db.select().from(outbox)).filter((m) => m.to === 'anna@salon.example');
    expect(toAnna.map((m) => m.subject)).toEqual([expect.stringContaining('connect your Google Calendar again')]);
    expect(await annaSlots()).toContain(s[3]);
    const done = await book(g.h, { day: MONDAY });
    expect(done.booking.id).toBeTruthy();
    const writes = await g.h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'gcal.write'), eq(jobs.bookingId, done.booking.id)));
    expect(writes).toHaveLength(0);
  });

  it('private iCalendar feed of a staff member: secret URL, revocable', async () => {
    g = await createGoogleHarness(kind);
    const done = await book(g.h, { day: MONDAY, name: 'Feed Visitor' });
    const feed = new URL(await issueFeed(g.h.deps, STAFF));
    const res = await fetch(`${g.url}${feed.pathname}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`${done.booking.id}@frontdesk`);
    expect(text).toContain('Feed Visitor');
    await revokeFeed(g.h.deps.db, STAFF);
    expect((await fetch(`${g.url}${feed.pathname}`)).status).toBe(404);
    expect((await fetch(`${g.url}/calendar/staff/${'x'.repeat(32)}.ics`)).status).toBe(404);
  });

  it('push notifications with a wrong channel token are refused', async () => {
    g = await createGoogleHarness(kind);
    await g.connect(STAFF);
    const ch = g.emu.channels()[0]!;
    const res = await fetch(`${g.url}/google/push`, {
      method: 'POST',
      headers: { 'X-Goog-Channel-ID': ch.id, 'X-Goog-Channel-Token': 'forged', 'X-Goog-Resource-State': 'exists', 'X-Goog-Resource-ID': ch.resourceId },
    });
    expect(res.status).toBe(403);
    expect(await pendingKinds()).not.toContain('gcal.sync');
  });
});
