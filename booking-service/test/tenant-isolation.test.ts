/**
 * Tenant isolation: every public procedure, called with another tenant's site key, ids, tokens
 * or from another tenant's origin, is refused — and the other tenant's booking is untouched.
 *
 * The demo sites all allow loopback origins; here each gets its own origin, as real sites do.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, sites } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { book } from './support/booking.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = { siteKey: 'demo-salon-spb', origin: 'https://salon.example', serviceId: 'salon-haircut-men', staffId: 'salon-anna', treeId: 'haircut' };
const BARBER = { siteKey: 'demo-barber-nyc', origin: 'https://barber.example', serviceId: 'barber-haircut', staffId: 'barber-marcus' };

describe.each(dbKinds)('tenant isolation on %s', (kind) => {
  let h: Harness;
  let salonBooking: { id: string; manageToken: string; start: string };
  let salonHold: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    const done = await book(h, { day: '2026-03-04', name: 'Anna' });
    salonBooking = { id: done.booking.id, manageToken: done.manageToken, start: done.booking.start };
    const { slots } = await h.caller().slots.find({ siteKey: SALON.siteKey, serviceId: SALON.serviceId, from: '2026-03-05', days: 1 });
    salonHold = (await h.caller().booking.hold({ siteKey: SALON.siteKey, serviceId: SALON.serviceId, start: slots[0]!.start })).holdToken;
    await h.deps.db.update(sites).set({ allowedOrigins: [SALON.origin] }).where(eq(sites.siteKey, SALON.siteKey));
    await h.deps.db.update(sites).set({ allowedOrigins: [BARBER.origin] }).where(eq(sites.siteKey, BARBER.siteKey));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the barber site, from its own origin, reaches nothing of the salon', async () => {
    const barber = h.caller(BARBER.origin);
    const customer = { name: 'Mallory', phone: '+1 718 555 0100' };
    const attempts: Array<[string, () => Promise<unknown>, string]> = [
      // The salon's site key from the barber's origin.
      ['site.get', () => barber.site.get({ siteKey: SALON.siteKey }), 'FORBIDDEN'],
      ['slots.find', () => barber.slots.find({ siteKey: SALON.siteKey, serviceId: SALON.serviceId, from: '2026-03-05' }), 'FORBIDDEN'],
      ['booking.hold', () => barber.booking.hold({ siteKey: SALON.siteKey, serviceId: SALON.serviceId, start: '2026-03-05T08:00:00Z' }), 'FORBIDDEN'],
      ['handoff.request', () => barber.handoff.request({ siteKey: SALON.siteKey, message: 'hi', contact: customer, lang: 'en' }), 'FORBIDDEN'],
      ['quote.evaluate', () => barber.quote.evaluate({ siteKey: SALON.siteKey, treeId: SALON.treeId, answers: {}, lang: 'en' }), 'FORBIDDEN'],
      ['chat.interpret', () => barber.chat.interpret({ siteKey: SALON.siteKey, text: 'haircut tomorrow', lang: 'en' }), 'FORBIDDEN'],
      ['events.record', () => barber.events.record({ siteKey: SALON.siteKey, conversationId: 'c-tenant', kind: 'widget_opened' }), 'FORBIDDEN'],
      // The barber's own site key with the salon's ids.
      ['slots.find (salon service)', () => barber.slots.find({ siteKey: BARBER.siteKey, serviceId: SALON.serviceId, from: '2026-03-05' }), 'NOT_FOUND'],
      ['slots.find (salon staff)', () => barber.slots.find({ siteKey: BARBER.siteKey, serviceId: BARBER.serviceId, staffId: SALON.staffId, from: '2026-03-05' }), 'NOT_FOUND'],
      ['booking.hold (salon service)', () => barber.booking.hold({ siteKey: BARBER.siteKey, serviceId: SALON.serviceId, start: '2026-03-05T08:00:00Z' }), 'NOT_FOUND'],
      ['booking.hold (salon staff)', () => barber.booking.hold({ siteKey: BARBER.siteKey, serviceId: BARBER.serviceId, staffId: SALON.staffId, start: '2026-03-05T16:00:00Z' }), 'NOT_FOUND'],
      ['quote.evaluate (salon tree)', () => barber.quote.evaluate({ siteKey: BARBER.siteKey, treeId: SALON.treeId, answers: {}, lang: 'en' }), 'NOT_FOUND'],
      // The salon's hold and manage token, from the barber's origin.
      ['booking.confirm', () => barber.booking.confirm({ holdToken: salonHold, customer, consent: true, lang: 'en', idempotencyKey: 'tenant-confirm-1' }), 'FORBIDDEN'],
      ['booking.get', () => barber.booking.get({ manageToken: salonBooking.manageToken }), 'FORBIDDEN'],
      ['booking.reschedule', () => barber.booking.reschedule({ manageToken: salonBooking.manageToken, start: '2026-03-06T08:00:00Z' }), 'FORBIDDEN'],
      ['booking.cancel', () => barber.booking.cancel({ manageToken: salonBooking.manageToken }), 'FORBIDDEN'],
    ];
    for (const [name, call, code] of attempts) {
      const e = await failureOf(call());
      expect(e.code, name).toBe(code);
      // Refusals name no data of the other tenant (business, staff or customer names).
      expect(e.message, name).not.toMatch(/\bAnna\b|Анна|Лаванда|Смирнова/);
    }
    // Every procedure of the router was walked.
    const walked = new Set(attempts.map(([n]) => n.split(' ')[0]));
    expect([...walked].sort()).toEqual(
      ['booking.cancel', 'booking.confirm', 'booking.get', 'booking.hold', 'booking.reschedule', 'chat.interpret', 'events.record', 'handoff.request', 'quote.evaluate', 'site.get', 'slots.find'].sort(),
    );
  });

  it('the salon booking and hold are untouched, and still work from the salon origin', async () => {
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, salonBooking.id));
    expect(row!.status).toBe('confirmed');
    expect(row!.startsAt.toISOString()).toBe(new Date(salonBooking.start).toISOString());
    const salon = h.caller(SALON.origin);
    expect((await salon.booking.get({ manageToken: salonBooking.manageToken })).booking.status).toBe('confirmed');
    const done = await salon.booking.confirm({ holdToken: salonHold, customer: { name: 'Vera', phone: '+7 900 000-00-01' }, consent: true, lang: 'ru', idempotencyKey: 'tenant-confirm-2' });
    expect(done.booking.status).toBe('confirmed');
  });
});
