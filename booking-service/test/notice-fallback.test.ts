/**
 * Staff see delivery fallbacks and failures (issue 16): a phone-only client's confirmation goes by
 * WhatsApp (a template) first, then SMS. WhatsApp refusing for good (the number is gone) sends it by
 * SMS at once and records `notice_fallback` (failed: whatsapp, sent by: sms) in the transaction of
 * the send; when the last channel's last attempt fails too, `notice_failed` names every channel
 * tried. Against the WhatsApp Cloud API emulator and the fake SMS provider, through the real clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, like } from 'drizzle-orm';
import { events, jobs, sites } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startSmsEmulator, type SmsEmulator } from '../src/dev/sms-emulator.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../src/dev/whatsapp-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { connectWhatsApp } from '../src/services/channels/whatsapp-connection.js';
import { book } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { dbKinds } from './support/db.js';
import { calendarOf } from '../src/services/console/desk.js';

const barber = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', lang: 'en' as const };

describe.each(dbKinds)('notice fallbacks and failures on %s', (kind) => {
  let h: Harness;
  let sms: SmsEmulator;
  let wa: WhatsAppEmulator;
  let d: JobDeps;

  beforeAll(async () => {
    h = await createHarness(kind);
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    wa = await startWhatsAppEmulator({ now: () => h.clock.now().getTime() });
    const url = (await h.http()).url;
    h.deps.publicUrl = url;
    const channels = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', whatsappApiRoot: wa.apiRoot, appSecret: h.deps.secret, publicUrl: url, sms: { apiUrl: sms.apiUrl, apiKey: sms.apiKey } });
    d = { ...jobDeps(h, 'outbox'), channels };
    const n = wa.createNumber('+1 555 0123', 'Bedford Blade Barbershop');
    wa.approveTemplate(n.phoneNumberId, 'booking_update', 'en_US');
    businessId = (await h.deps.db.select().from(sites).where(eq(sites.siteKey, 'demo-barber-nyc')))[0]!.businessId;
    const r = await connectWhatsApp(h.deps, channels, businessId, { phoneNumberId: n.phoneNumberId, accessToken: n.accessToken, appSecret: n.appSecret, templates: { en: { code: 'en_US', reminder: 'booking_update', notice: 'booking_update' } } });
    expect(r.ok).toBe(true);
    // The number is gone on Meta's side: every WhatsApp send is refused for good (401).
    wa.revoke(n.phoneNumberId);
  });
  afterAll(async () => {
    await h?.close();
    await sms?.close();
    await wa?.close();
  });

  const eventsOf = async (k: 'notice_fallback' | 'notice_failed') => h.deps.db.select().from(events).where(eq(events.kind, k));
  let businessId = '';
  const deskOf = async (bookingId: string) => {
    const view = await calendarOf(h.deps, businessId, 'en', { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-10T00:00:00Z') });
    return view.bookings.find((b) => b.id === bookingId)!;
  };

  it('WhatsApp refused for good: the confirmation goes by SMS at once, and notice_fallback says so', async () => {
    const done = await book(h, { ...barber, day: '2026-03-03', email: '' });
    await runNow(d, h);
    await runNow(d, h);
    expect(sms.sent).toHaveLength(1);
    const [e, ...more] = await eventsOf('notice_fallback');
    expect(more).toEqual([]);
    expect(e).toMatchObject({ channel: 'sms', meta: { message: 'booking_confirmed', failed: ['whatsapp'], sentBy: 'sms' } });
    expect(await eventsOf('notice_failed')).toEqual([]);
    // The booking panel in the console says so.
    expect((await deskOf(done.booking.id)).delivery).toEqual({ kind: 'fallback', failed: ['whatsapp'], sentBy: 'sms', at: e!.at.toISOString() });
  });

  it('SMS down too on the last attempt: notice_failed names every channel tried', async () => {
    const done = await book(h, { ...barber, day: '2026-03-03', index: 2, email: '' });
    sms.outage('down');
    // The job's last attempt (the ones before it went by with the backoff).
    await h.deps.db.update(jobs).set({ attempts: 11 }).where(and(like(jobs.kind, 'notify.%'), isNull(jobs.doneAt)));
    await runNow(d, h);
    const failed = await eventsOf('notice_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ channel: 'sms', meta: { message: 'booking_confirmed', tried: ['whatsapp', 'sms'] } });
    expect(sms.sent).toHaveLength(1);
    expect((await deskOf(done.booking.id)).delivery).toMatchObject({ kind: 'failed', failed: ['whatsapp', 'sms'], sentBy: null });
    // Run again (the lead re-queues it, or a retry slipped through): staff are told once per booking version.
    await h.deps.db.update(jobs).set({ attempts: 11, doneAt: null, outcome: null, lockedUntil: null, runAt: h.clock.now() }).where(and(like(jobs.kind, 'notify.%'), eq(jobs.bookingId, done.booking.id)));
    await runNow(d, h);
    expect(await eventsOf('notice_failed')).toHaveLength(1);
  });
});
