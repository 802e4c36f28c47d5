/** What was agreed is kept (issue 11): a booking stores the quoted price, or the service's price at booking time. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, services } from '../src/adapters/db/schema.js';
import { holdSlot } from '../src/services/hold.js';
import { priceText } from '../src/domain/booking/price.js';
import { bookingFacts, loadBookingContext } from '../src/services/notifications/context.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';

describe.each(dbKinds)('price snapshot on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function firstSlot(serviceId: string, from: string) {
    return (await h.caller().slots.find({ siteKey: SALON, serviceId, from, days: 3 })).slots[0]!;
  }

  it('without a quote: the service price at booking time, kept when the price changes later', async () => {
    const slot = await firstSlot('salon-haircut-women', '2026-03-11');
    const hold = await h.caller().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: slot.staffId, start: slot.start });
    const done = await h.caller().booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Вера', phone: '+7 900 000-00-11' }, consent: true, lang: 'ru', idempotencyKey: `price-${kind}-1` });
    const [svc] = await h.deps.db.select().from(services).where(eq(services.id, 'salon-haircut-women'));
    expect(done.booking.price).toEqual({ source: 'service', min: svc!.priceMin, max: svc!.priceMax === svc!.priceMin ? null : svc!.priceMax, currency: 'RUB' });
    await h.deps.db.update(services).set({ priceMin: svc!.priceMin + 1000 }).where(eq(services.id, 'salon-haircut-women'));
    try {
      const got = await h.caller().booking.get({ manageToken: done.manageToken });
      expect(got.booking.price).toEqual(done.booking.price);
      // The manage page shows the agreed price, not today's.
      const { url } = await h.http();
      const page = await (await fetch(`${url}/manage?token=${encodeURIComponent(done.manageToken)}&lang=ru`)).text();
      expect(page).toContain(priceText(done.booking.price!, 'ru'));
      expect(page).toContain('Цена');
      // The calendar file's description and every message's facts carry it too.
      const ics = (await (await fetch(`${url}/booking.ics?token=${encodeURIComponent(done.manageToken)}`)).text()).replace(/\r\n[ \t]/g, '');
      expect(ics).toContain(priceText(done.booking.price!, 'ru'));
      const c = (await loadBookingContext(h.deps.db, done.booking.id))!;
      expect(bookingFacts(c, 'ru').price).toBe(priceText(done.booking.price!, 'ru'));
    } finally {
      await h.deps.db.update(services).set({ priceMin: svc!.priceMin }).where(eq(services.id, 'salon-haircut-women'));
    }
  });

  it('with a quote: the final price and the chosen options, evaluated on the server', async () => {
    const answers: Record<string, string | number> = {};
    let final: { price: number; summary: string } | undefined;
    for (let step = 0; step < 20 && !final; step++) {
      const r = await h.caller().quote.evaluate({ siteKey: SALON, treeId: 'coloring', answers, lang: 'ru' });
      if (r.kind === 'final') final = r;
      else if (r.kind === 'question') answers[r.question.id] = r.question.type === 'choice' ? r.question.options.at(-2)?.id ?? r.question.options[0]!.id : r.question.min;
      else expect.fail(r.kind);
    }
    const slot = await firstSlot('salon-coloring', '2026-03-12');
    const held = await holdSlot(h.deps, { siteKey: SALON, serviceId: 'salon-coloring', staffId: slot.staffId, start: slot.start, quote: { treeId: 'coloring', answers }, lang: 'ru' }, undefined);
    expect(held.ok).toBe(true);
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.serviceId, 'salon-coloring'));
    expect(row!.price).toEqual({ source: 'quote', min: final!.price, max: null, currency: 'RUB', summary: final!.summary });

    // The public booking.hold carries the quote too: the snapshot is the same whatever the path.
    const next = (await h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-coloring', from: '2026-03-16', days: 3 })).slots[0]!;
    const api = await h.caller().booking.hold({ siteKey: SALON, serviceId: 'salon-coloring', staffId: next.staffId, start: next.start, quote: { treeId: 'coloring', answers }, lang: 'ru' });
    const done = await h.caller().booking.confirm({ holdToken: api.holdToken, customer: { name: 'Нина', phone: '+7 900 000-00-12' }, consent: true, lang: 'ru', idempotencyKey: `price-${kind}-quote` });
    expect(done.booking.price).toEqual(row!.price);
    // A quote for another service is not this booking's price: the service's price is kept.
    const other = (await h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-16', days: 3 })).slots[0]!;
    const wrong = await h.caller().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', start: other.start, quote: { treeId: 'coloring', answers } });
    const [w] = await h.deps.db.select().from(bookings).where(and(eq(bookings.startsAt, new Date(other.start)), eq(bookings.serviceId, 'salon-haircut-men')));
    expect(wrong.holdToken).toBeTruthy();
    expect(w!.price).toMatchObject({ source: 'service' });
  });
});
