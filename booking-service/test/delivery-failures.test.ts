/**
 * The console's count of messages to clients that did not arrive the usual way (issue 16), on
 * both databases, through the console API as staff call it: `dashboard.deliveryFailures` counts
 * the last 7 days' `notice_failed` (nothing delivered) and `notice_fallback` (delivered by another
 * channel) of the session's business only, and lists the bookings behind them — an undelivered
 * one first, and it stays "undelivered" even when a later message to the same client arrived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../src/adapters/db/schema.js';
import { eventRow, type EventInput } from '../src/services/events.js';
import { book } from './support/booking.js';
import { signIn, ownerOf, staffAccount, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const NOW = '2026-03-02T06:00:00.000Z';
const ago = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000);

describe.each(dbKinds)('delivery failures in the console on %s', (kind) => {
  let h: Harness;
  let salonOwner: ConsoleSessionClient;
  let salonStaff: ConsoleSessionClient;
  let barberOwner: ConsoleSessionClient;
  const ids: Record<'a' | 'b' | 'old' | 'barber', string> = { a: '', b: '', old: '', barber: '' };

  const record = async (e: Omit<EventInput, 'at'> & { hoursAgo: number }) => {
    const { hoursAgo, ...rest } = e;
    await h.deps.db.insert(events).values(eventRow({ ...rest, at: ago(hoursAgo) }));
  };

  beforeAll(async () => {
    h = await createHarness(kind, { now: NOW });
    ids.a = (await book(h, { day: '2026-03-03', email: '', name: 'Ольга Без Почты' })).booking.id;
    ids.b = (await book(h, { day: '2026-03-03', index: 2, email: '', name: 'Пётр Телефонов' })).booking.id;
    ids.old = (await book(h, { day: '2026-03-04', email: '', name: 'Давняя Клиентка' })).booking.id;
    ids.barber = (await book(h, { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', lang: 'en', day: '2026-03-03', email: '', name: 'Nick Nophone' })).booking.id;
    const salon = 'biz-salon-spb';
    // A: the confirmation went nowhere a day ago; a later message reached them by SMS.
    await record({ businessId: salon, kind: 'notice_failed', hoursAgo: 24, bookingId: ids.a, channel: 'sms', meta: { message: 'booking_confirmed', version: 1, tried: ['whatsapp', 'sms'], error: 'down' } });
    await record({ businessId: salon, kind: 'notice_fallback', hoursAgo: 2, bookingId: ids.a, channel: 'sms', meta: { message: 'reminder', version: 1, failed: ['whatsapp'], sentBy: 'sms' } });
    // B: a reminder went by SMS instead of WhatsApp three hours ago.
    await record({ businessId: salon, kind: 'notice_fallback', hoursAgo: 3, bookingId: ids.b, channel: 'sms', meta: { message: 'reminder', version: 1, failed: ['whatsapp'], sentBy: 'sms' } });
    // Eight days ago: outside the window.
    await record({ businessId: salon, kind: 'notice_failed', hoursAgo: 8 * 24, bookingId: ids.old, channel: 'sms', meta: { message: 'booking_confirmed', version: 1, tried: ['sms'] } });
    // Another business's failure an hour ago.
    await record({ businessId: 'biz-barber-nyc', kind: 'notice_failed', hoursAgo: 1, bookingId: ids.barber, channel: 'sms', meta: { message: 'booking_confirmed', version: 1, tried: ['sms'] } });
    // Some other event of the salon's: not a delivery problem.
    await record({ businessId: salon, kind: 'booking_made', hoursAgo: 1, bookingId: ids.b });
    const { url } = await h.http();
    salonOwner = await signIn(url, ownerOf('demo-salon-spb'));
    salonStaff = await signIn(url, staffAccount('salon-anna', 'demo-salon-spb'));
    barberOwner = await signIn(url, ownerOf('demo-barber-nyc'));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('counts the last 7 days of the session’s business and lists the bookings, undelivered first', async () => {
    const r = await salonOwner.client.dashboard.deliveryFailures.query();
    expect(r).toMatchObject({ days: 7, since: ago(7 * 24).toISOString(), failed: 1, fallback: 2 });
    expect(r.bookings.map((b) => b.bookingId)).toEqual([ids.a, ids.b]);
    expect(r.bookings[0]).toEqual({
      bookingId: ids.a, customerName: 'Ольга Без Почты', customerPhone: '+7 900 123-45-67', startsAt: expect.stringMatching(/^2026-03-03T/), status: 'confirmed',
      kind: 'failed', message: 'booking_confirmed', failed: ['whatsapp', 'sms'], sentBy: null, at: ago(24).toISOString(),
    });
    expect(r.bookings[1]).toMatchObject({ customerName: 'Пётр Телефонов', kind: 'fallback', message: 'reminder', failed: ['whatsapp'], sentBy: 'sms', at: ago(3).toISOString() });
    // Staff of the business see the same (they are the ones who call).
    expect(await salonStaff.client.dashboard.deliveryFailures.query()).toEqual(r);
  });

  it('never shows another business’s failures', async () => {
    const r = await barberOwner.client.dashboard.deliveryFailures.query();
    expect(r).toMatchObject({ failed: 1, fallback: 0 });
    expect(r.bookings.map((b) => [b.bookingId, b.customerName])).toEqual([[ids.barber, 'Nick Nophone']]);
  });

  it('a failure leaves the window 7 days after it happened', async () => {
    h.clock.set(ago(-(6 * 24 + 1)));
    const r = await salonOwner.client.dashboard.deliveryFailures.query();
    // A's failure (24 h before NOW) is now 7 days and 1 h old; the two fallbacks are still inside.
    expect(r).toMatchObject({ failed: 0, fallback: 2 });
    expect(r.bookings.map((b) => [b.bookingId, b.kind])).toEqual([[ids.a, 'fallback'], [ids.b, 'fallback']]);
  });
});
