/**
 * WhatsApp delivery statuses of booking notices (issue 16), against the WhatsApp Cloud API emulator
 * and the fake SMS provider, through the real clients and the real webhook: Meta accepts a message
 * and says later, in `statuses[]`, that it failed. A failed notice is told to staff once
 * (`notice_failed` for WhatsApp: the booking panel's delivery line) and falls back to SMS through a
 * job enqueued in the transaction that learns of the failure — once, however often the webhook
 * comes and whichever of the send's record and the status arrives first. A free-form message
 * refused as outside the 24-hour window (131047) is re-sent as the business's template when it has
 * one for the language; otherwise it falls back too. Delivered statuses are recorded.
 * `notice_failed` is unique per (booking, message, version, channel) in the database: two racing
 * recorders write one event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { bookings, channelConnections, conversations, events, jobs, sites, whatsappNotices } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startSmsEmulator, type SmsEmulator } from '../src/dev/sms-emulator.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../src/dev/whatsapp-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { recordEventOnce } from '../src/services/events.js';
import { connectWhatsApp, verifyTokenOf } from '../src/services/channels/whatsapp-connection.js';
import { calendarOf } from '../src/services/console/desk.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const barber = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut' };
/** The phone `book()` leaves, as a WhatsApp id. */
const PHONE_WA = '79001234567';

describe.each(dbKinds)('WhatsApp notice statuses on %s', (kind) => {
  let h: Harness;
  let sms: SmsEmulator;
  let wa: WhatsAppEmulator;
  let d: JobDeps;
  let number: { phoneNumberId: string };
  let businessId = '';

  beforeAll(async () => {
    h = await createHarness(kind);
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    wa = await startWhatsAppEmulator({ now: () => h.clock.now().getTime() });
    const channels = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', whatsappApiRoot: wa.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid', sms: { apiUrl: sms.apiUrl, apiKey: sms.apiKey } });
    const url = (await h.http({ channels })).url;
    h.deps.publicUrl = url;
    channels.publicUrl = url;
    d = { ...jobDeps(h, 'outbox'), channels };
    const n = wa.createNumber('+1 555 0123', 'Bedford Blade Barbershop');
    number = n;
    wa.approveTemplate(n.phoneNumberId, 'booking_update', 'en_US');
    businessId = (await h.deps.db.select().from(sites).where(eq(sites.siteKey, barber.siteKey)))[0]!.businessId;
    const r = await connectWhatsApp(h.deps, channels, businessId, { phoneNumberId: n.phoneNumberId, accessToken: n.accessToken, appSecret: n.appSecret, templates: { en: { code: 'en_US', reminder: 'booking_update', notice: 'booking_update' } } });
    expect(r.ok).toBe(true);
    const conn = (await h.deps.db.select().from(channelConnections).where(and(eq(channelConnections.businessId, businessId), eq(channelConnections.channel, 'whatsapp'))))[0]!;
    expect(await wa.subscribe(n.phoneNumberId, `${url}/channels/whatsapp/${conn.id}`, verifyTokenOf(h.deps.secret, conn.id))).toEqual({ ok: true, status: 200 });
  });
  afterAll(async () => {
    await wa?.close();
    await sms?.close();
    await h?.close();
  });

  const eventsOf = async (bookingId: string, k: 'notice_fallback' | 'notice_failed') =>
    h.deps.db.select().from(events).where(and(eq(events.kind, k), eq(events.bookingId, bookingId)));
  const noticeJobs = async (bookingId: string, kind = 'notify.%') =>
    h.deps.db.select().from(jobs).where(and(like(jobs.kind, kind), eq(jobs.bookingId, bookingId))).orderBy(jobs.runAt);
  const deskOf = async (bookingId: string) => {
    const view = await calendarOf(h.deps, businessId, 'en', { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-10T00:00:00Z') });
    return view.bookings.find((b) => b.id === bookingId)!;
  };
  /** Runs the due jobs, lets the emulator's status webhooks land, and runs what they queued. */
  const settle = async () => {
    await runNow(d, h);
    await wa.settled();
    await runNow(d, h);
    await wa.settled();
  };
  const statusBody = (id: string, status: string, errors?: unknown[]) => ({
    object: 'whatsapp_business_account',
    entry: [{ id: 'waba', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550123', phone_number_id: number.phoneNumberId }, statuses: [{ id, status, timestamp: '1', recipient_id: PHONE_WA, ...(errors ? { errors } : {}) }] } }] }],
  });

  it('an undeliverable template (131026): notice_failed for WhatsApp, the SMS fallback goes once, the panel says so; a replayed or racing webhook changes nothing', async () => {
    wa.unreachable(number.phoneNumberId, PHONE_WA);
    const done = await book(h, { ...barber, lang: 'en', day: '2026-03-03', email: '' });
    await settle();
    // WhatsApp accepted the template, then said it failed; the fallback job sent the SMS.
    const [sent, ...moreSends] = wa.sends(number.phoneNumberId);
    expect(moreSends).toEqual([]);
    expect(wa.chat(number.phoneNumberId, PHONE_WA).at(-1)).toMatchObject({ type: 'template', status: 'failed' });
    expect(sms.sent).toHaveLength(1);
    const failed = await eventsOf(done.booking.id, 'notice_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ channel: 'whatsapp', meta: { message: 'booking_confirmed', version: 0, tried: ['whatsapp'], code: 131026 } });
    const [fallback, ...moreFallbacks] = await eventsOf(done.booking.id, 'notice_fallback');
    expect(moreFallbacks).toEqual([]);
    expect(fallback).toMatchObject({ channel: 'sms', meta: { message: 'booking_confirmed', failed: ['whatsapp'], sentBy: 'sms' } });
    expect((await deskOf(done.booking.id)).delivery).toMatchObject({ kind: 'fallback', failed: ['whatsapp'], sentBy: 'sms' });
    // The original job and the one fallback job, both done.
    const js = await noticeJobs(done.booking.id, 'notify.booking_confirmed');
    expect(js.map((j) => [j.outcome, j.payload.skip ?? null]).sort()).toEqual([['sent:sms', ['whatsapp']], ['sent:whatsapp', null]]);
    expect((await h.deps.db.select().from(whatsappNotices).where(eq(whatsappNotices.messageId, sent!.id)))[0]).toMatchObject({ bookingId: done.booking.id, status: 'failed', errorCode: 131026, template: true });

    // Meta redelivers the status, twice at once: nothing more is queued, told or sent.
    const again = statusBody(sent!.id, 'failed', [{ code: 131026, title: 'Message undeliverable' }]);
    const answers = await Promise.all([wa.deliver(number.phoneNumberId, again), wa.deliver(number.phoneNumberId, again)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await settle();
    expect(await noticeJobs(done.booking.id, 'notify.booking_confirmed')).toHaveLength(2);
    expect(await eventsOf(done.booking.id, 'notice_failed')).toHaveLength(1);
    expect(sms.sent).toHaveLength(1);
  });

  /** The client wrote in WhatsApp (by our record, an hour ago; by Meta's, more than a day ago). */
  async function chatOf(bookingId: string, waId: string) {
    const b = (await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;
    const now = h.clock.now();
    await h.deps.db.insert(conversations).values({
      id: randomUUID(), businessId, siteId: b.siteId, channel: 'whatsapp', externalRef: waId, tokenHash: randomUUID(), lang: b.lang ?? 'en', state: {},
      customerId: b.customerId, lastVisitorAt: new Date(now.getTime() - 3_600_000), createdAt: now, updatedAt: now,
    });
  }

  it('131047 on a free-form reminder: sent again as the template (no staff alert); a delivered status is recorded', async () => {
    const done = await book(h, { ...barber, lang: 'en', day: '2026-03-04', email: '' });
    await settle();
    const before = wa.sends(number.phoneNumberId).length;
    // The 24-hour reminder is due: our record says the window is open, so it goes free-form first.
    const startsAt = (await h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id)))[0]!.startsAt;
    h.clock.set(new Date(startsAt.getTime() - 24 * 60 * 60_000));
    await chatOf(done.booking.id, '15550001111');
    await settle();
    const lines = wa.chat(number.phoneNumberId, '15550001111');
    expect(lines.map((l) => [l.type, l.status])).toEqual([['interactive:button', 'failed'], ['template', 'delivered']]);
    expect(wa.sends(number.phoneNumberId)).toHaveLength(before + 2);
    // (Its confirmation went to the unreachable phone of the first test: only the reminder matters here.)
    expect((await eventsOf(done.booking.id, 'notice_failed')).filter((e) => e.meta?.message === 'reminder')).toEqual([]);
    const rows = (await h.deps.db.select().from(whatsappNotices).where(eq(whatsappNotices.bookingId, done.booking.id))).filter((r) => r.payload?.message === 'reminder');
    expect(rows.map((r) => [r.template, r.status === 'failed' ? 'failed' : 'accepted', r.errorCode]).sort()).toEqual([[false, 'failed', 131047], [true, 'accepted', null]]);
    // "delivered" moves a recorded notice forward (one that overtakes the send's record is not kept: only failures are).
    const template = rows.find((r) => r.template)!;
    await wa.deliver(number.phoneNumberId, statusBody(template.messageId, 'delivered'));
    expect((await h.deps.db.select().from(whatsappNotices).where(eq(whatsappNotices.messageId, template.messageId)))[0]!.status).toBe('delivered');
    const reminders = (await noticeJobs(done.booking.id, 'notify.reminder')).filter((j) => j.doneAt);
    expect(reminders.map((j) => j.payload.whatsapp ?? 'as first sent').sort()).toEqual(['as first sent', 'template']);
  });

  it('131047 with no template for the client’s language: falls back to SMS, and staff see it', async () => {
    const done = await book(h, { ...barber, lang: 'ru', day: '2026-03-05', email: '' });
    await chatOf(done.booking.id, '15550002222');
    const smsBefore = sms.sent.length;
    await settle();
    expect(wa.chat(number.phoneNumberId, '15550002222').map((l) => [l.type, l.status])).toEqual([['text', 'failed']]);
    expect(sms.sent).toHaveLength(smsBefore + 1);
    expect(await eventsOf(done.booking.id, 'notice_failed')).toMatchObject([{ channel: 'whatsapp', meta: { code: 131047 } }]);
    expect((await deskOf(done.booking.id)).delivery).toMatchObject({ kind: 'fallback', failed: ['whatsapp'], sentBy: 'sms' });
  });

  it('notice_failed is once in the database: two racing recorders write one event', async () => {
    const done = await book(h, { ...barber, lang: 'en', day: '2026-03-06', index: 1, email: '' });
    const b = done.booking;
    const e = { businessId, kind: 'notice_failed' as const, at: h.clock.now(), bookingId: b.id, channel: 'sms' as const, meta: { message: 'reminder', version: 3, tried: ['sms'] } };
    const recorded = await Promise.all([recordEventOnce(h.deps.db, e), recordEventOnce(h.deps.db, e), h.deps.db.transaction((tx) => recordEventOnce(tx, e))]);
    expect(recorded.filter(Boolean)).toHaveLength(1);
    expect((await eventsOf(b.id, 'notice_failed')).filter((x) => x.meta?.message === 'reminder')).toHaveLength(1);
    // Another channel or version is another fact.
    expect(await recordEventOnce(h.deps.db, { ...e, channel: 'whatsapp' })).toBe(true);
    expect(await recordEventOnce(h.deps.db, { ...e, meta: { ...e.meta, version: 4 } })).toBe(true);
  });
});
