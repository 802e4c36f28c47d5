/**
 * Every public procedure through createCaller (no HTTP), on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';
const customer = { name: 'Ирина', phone: '+7 900 123-45-67' };
const MIN = 60_000;

describe.each(dbKinds)('public API on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const api = () => h.caller();
  let n = 0;
  const key = () => `idem-${kind}-${++n}-${Math.random()}`;

  async function firstSlot(serviceId = 'salon-haircut-women', staffId?: string, from = '2026-03-03') {
    const r = await api().slots.find({ siteKey: SALON, serviceId, from, days: 3, ...(staffId ? { staffId } : {}) });
    expect(r.slots.length).toBeGreaterThan(0);
    return r.slots[0]!;
  }

  async function book(serviceId = 'salon-haircut-women', staffId?: string, from?: string) {
    const slot = await firstSlot(serviceId, staffId, from);
    const hold = await api().booking.hold({ siteKey: SALON, serviceId, staffId: staffId ?? slot.staffId, start: slot.start });
    const confirmed = await api().booking.confirm({ holdToken: hold.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: key() });
    return { slot, hold, confirmed };
  }

  describe('site.get', () => {
    it('returns the business, services, staff and widget configuration in the asked language', async () => {
      const ru = await api().site.get({ siteKey: SALON });
      expect(ru.business).toMatchObject({ timeZone: 'Europe/Moscow', currency: 'RUB', defaultLang: 'ru' });
      expect(ru.lang).toBe('ru');
      expect(ru.services.map((s) => s.name)).toContain('Женская стрижка');
      expect(ru.services.find((s) => s.id === 'salon-coloring')!.price).toEqual({ kind: 'range', min: 5000, max: 12000 });
      expect(ru.services.find((s) => s.id === 'salon-manicure')!.staffIds).toEqual(['salon-olga']);
      expect(ru.staff).toHaveLength(3);
      expect(ru.widget.intents.map((i) => i.id)).toEqual(['prices', 'book', 'human', 'my_booking', 'other']);
      expect(ru.business.openingHours['1']).toEqual([{ start: '10:00', end: '21:00' }]);
      const en = await api().site.get({ siteKey: SALON, lang: 'en' });
      expect(en.services.map((s) => s.name)).toContain("Women's haircut");
      expect(en.widget.greeting).toMatch(/Hello/);
    });

    it('answers NOT_FOUND for an unknown site', async () => {
      const e = await failureOf(api().site.get({ siteKey: 'nope' }));
      expect(e.code).toBe('NOT_FOUND');
    });

    it('answers FORBIDDEN for an origin the site does not allow, and serves loopback origins', async () => {
      expect((await failureOf(h.caller('https://evil.example').site.get({ siteKey: SALON }))).code).toBe('FORBIDDEN');
      await expect(h.caller('http://localhost:5173').site.get({ siteKey: SALON })).resolves.toBeTruthy();
    });

    it('names the field of a malformed input', async () => {
      const e = await failureOf(api().site.get({ siteKey: 'has spaces!' }));
      expect(e.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(e.data.fields)).toContain('siteKey');
    });
  });

  describe('slots.find', () => {
    it('returns sorted free slots inside the staff member’s hours, as UTC instants', async () => {
      const r = await api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'salon-anna', from: '2026-03-03', days: 1 });
      expect(r.timeZone).toBe('Europe/Moscow');
      // Anna works 10:00–19:00 Moscow (UTC+3) = 07:00–16:00Z; a 60-min service, 15-min step.
      expect(r.slots[0]).toMatchObject({ start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T08:00:00.000Z', staffId: 'salon-anna' });
      expect(r.slots.at(-1)!.start).toBe('2026-03-03T15:00:00.000Z');
      expect(r.slots).toHaveLength(33);
      const starts = r.slots.map((s) => s.start);
      expect([...starts].sort()).toEqual(starts);
    });

    it('for "anyone" lists every free staff member of a time when asked (allStaff)', async () => {
      const r = await api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-women', from: '2026-03-04', days: 1, allStaff: true });
      const noon = r.slots.find((s) => s.start === '2026-03-04T09:00:00.000Z')!;
      expect([...noon.staffIds!].sort()).toEqual(['salon-anna', 'salon-maria', 'salon-olga']);
      expect(noon.staffIds).toContain(noon.staffId);
    });

    it('for "anyone" answers lean by default: who serves each slot, not everyone free', async () => {
      const r = await api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-women', from: '2026-03-04', days: 1 });
      const noon = r.slots.find((s) => s.start === '2026-03-04T09:00:00.000Z')!;
      expect(noon).toEqual({ start: '2026-03-04T09:00:00.000Z', end: noon.end, staffId: expect.any(String) });
      expect(['salon-anna', 'salon-maria', 'salon-olga']).toContain(noon.staffId);
    });

    it('respects the minimum notice', async () => {
      // now = 09:00 Moscow Monday, notice 120 min: nothing before 11:00 Moscow (08:00Z).
      const r = await api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-02', days: 1 });
      expect(r.slots[0]!.start >= '2026-03-02T08:00:00.000Z').toBe(true);
    });

    it('rejects bad input naming the field, and unknown ids with NOT_FOUND', async () => {
      const days = await failureOf(api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-02', days: 40 }));
      expect(days.code).toBe('BAD_REQUEST');
      expect(days.message).toContain('days');
      const from = await failureOf(api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-02-30' }));
      expect(from.message).toContain('from');
      expect((await failureOf(api().slots.find({ siteKey: SALON, serviceId: 'nope', from: '2026-03-02' }))).code).toBe('NOT_FOUND');
      const staff = await failureOf(api().slots.find({ siteKey: SALON, serviceId: 'salon-manicure', staffId: 'salon-anna', from: '2026-03-02' }));
      expect(staff.code).toBe('NOT_FOUND');
    });

    it('never reaches another tenant’s rows', async () => {
      // The clinic's service and staff do not exist for the salon's site.
      expect((await failureOf(api().slots.find({ siteKey: SALON, serviceId: 'clinic-checkup', from: '2026-03-02' }))).code).toBe('NOT_FOUND');
      expect(
        (await failureOf(api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'clinic-aram', from: '2026-03-02' }))).code,
      ).toBe('NOT_FOUND');
      expect(
        (await failureOf(api().booking.hold({ siteKey: 'demo-clinic-yerevan', serviceId: 'salon-haircut-women', start: '2026-03-03T07:00:00Z' }))).code,
      ).toBe('NOT_FOUND');
    });
  });

  describe('hold → confirm → manage', () => {
    it('books a slot, which then disappears from the free slots', async () => {
      const { slot, confirmed } = await book('salon-haircut-women', 'salon-anna');
      expect(confirmed.booking).toMatchObject({ start: slot.start, staffId: 'salon-anna', status: 'confirmed', serviceId: 'salon-haircut-women' });
      expect(confirmed.manageToken).toMatch(/^[\w-]+\.[\w-]+$/);
      const after = await api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'salon-anna', from: '2026-03-03', days: 1 });
      expect(after.slots.map((s) => s.start)).not.toContain(slot.start);
      // 60 min + 10 min buffer after: the next slot for Anna starts right after, 70 min later (no empty
      // windows: the 15-min grid alone would leave 5 idle minutes), then the grid goes on at 75.
      expect(after.slots.slice(0, 2).map((s) => s.start)).toEqual([70, 75].map((m) => new Date(Date.parse(slot.start) + m * MIN).toISOString()));
    });

    it('a held slot is taken: a second hold gets CONFLICT with up to 3 free alternatives', async () => {
      const slot = await firstSlot('salon-manicure', 'salon-olga', '2026-03-04');
      await api().booking.hold({ siteKey: SALON, serviceId: 'salon-manicure', staffId: 'salon-olga', start: slot.start });
      const e = await failureOf(api().booking.hold({ siteKey: SALON, serviceId: 'salon-manicure', staffId: 'salon-olga', start: slot.start }));
      expect(e.code).toBe('CONFLICT');
      const alts = e.data.alternatives as Array<{ start: string; staffId: string }>;
      expect(alts.length).toBeGreaterThan(0);
      expect(alts.length).toBeLessThanOrEqual(3);
      expect(alts.map((a) => a.start)).not.toContain(slot.start);
      // Each alternative really is holdable.
      await expect(api().booking.hold({ siteKey: SALON, serviceId: 'salon-manicure', staffId: alts[0]!.staffId, start: alts[0]!.start })).resolves.toBeTruthy();
    });

    it('"anyone" picks another free staff member when the first is busy', async () => {
      const start = '2026-03-05T09:00:00.000Z';
      const a = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', start });
      const b = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', start });
      expect(a.staffId).not.toBe(b.staffId);
      const c = await failureOf(api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', start }));
      expect(c.code).toBe('CONFLICT');
    });

    it('rejects a time that is not a slot (outside hours) with CONFLICT and alternatives', async () => {
      const e = await failureOf(api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-anna', start: '2026-03-03T02:00:00Z' }));
      expect(e.code).toBe('CONFLICT');
      expect((e.data.alternatives as unknown[]).length).toBe(3);
    });

    it('an expired hold cannot be confirmed, and frees the slot by itself', async () => {
      const slot = await firstSlot('salon-coloring', 'salon-maria', '2026-03-06');
      const hold = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-coloring', staffId: 'salon-maria', start: slot.start });
      h.clock.advance(10 * MIN + 1);
      try {
        const e = await failureOf(api().booking.confirm({ holdToken: hold.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: key() }));
        expect(e.code).toBe('PRECONDITION_FAILED');
        const again = await api().slots.find({ siteKey: SALON, serviceId: 'salon-coloring', staffId: 'salon-maria', from: '2026-03-06', days: 1 });
        expect(again.slots[0]!.start).toBe(slot.start);
        const other = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-coloring', staffId: 'salon-maria', start: slot.start });
        expect(other.holdToken).not.toBe(hold.holdToken);
      } finally {
        h.clock.set('2026-03-02T06:00:00.000Z');
      }
    });

    it('confirm is idempotent by key; a used hold cannot make a second booking', async () => {
      const slot = await firstSlot('barber-haircut', undefined, '2026-03-03').catch(() => null);
      expect(slot).toBeNull(); // barber-haircut is not the salon's: firstSlot asks the salon
      const s = await firstSlot('salon-haircut-men', 'salon-maria', '2026-03-07');
      const hold = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-maria', start: s.start });
      const k = key();
      const first = await api().booking.confirm({ holdToken: hold.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: k });
      const retry = await api().booking.confirm({ holdToken: hold.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: k });
      expect(retry.booking.id).toBe(first.booking.id);
      const other = await failureOf(api().booking.confirm({ holdToken: hold.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: key() }));
      expect(other.code).toBe('CONFLICT');
    });

    it('defect 4 (issue 12): an idempotency key is bound to its hold — another visitor’s key is a CONFLICT, never their booking', async () => {
      const s = await firstSlot('salon-haircut-men', 'salon-maria', '2026-03-08');
      const theirs = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-maria', start: s.start });
      const theirKey = key();
      const their = await api().booking.confirm({ holdToken: theirs.holdToken, customer: { name: 'Their Name', phone: '+7 900 000-00-09' }, consent: true, lang: 'ru', idempotencyKey: theirKey });
      const mine = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-anna', start: s.start });
      const stolen = await failureOf(api().booking.confirm({ holdToken: mine.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: theirKey }));
      expect(stolen.code).toBe('CONFLICT');
      expect(stolen.data.reason).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(JSON.stringify(stolen)).not.toContain(their.booking.id);
      expect(JSON.stringify(stolen)).not.toContain('Their Name');
      // My hold is untouched by the refused attempt: my own key confirms it.
      const own = await api().booking.confirm({ holdToken: mine.holdToken, customer, consent: true, lang: 'ru', idempotencyKey: key() });
      expect(own.booking.id).not.toBe(their.booking.id);
      expect(own.booking.staffId).toBe('salon-anna');
    });

    it('validates the visitor’s details, naming each field', async () => {
      const s = await firstSlot('salon-haircut-men', 'salon-anna', '2026-03-09');
      const hold = await api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-men', staffId: 'salon-anna', start: s.start });
      const base = { holdToken: hold.holdToken, lang: 'ru' as const, idempotencyKey: key() };
      const noContact = await failureOf(api().booking.confirm({ ...base, customer: { name: 'A' }, consent: true }));
      expect(noContact.code).toBe('BAD_REQUEST');
      expect(noContact.message).toContain('customer.phone');
      const badEmail = await failureOf(api().booking.confirm({ ...base, customer: { name: 'A', email: 'not-an-email' }, consent: true }));
      expect(badEmail.message).toContain('customer.email');
      const noConsent = await failureOf(api().booking.confirm({ ...base, customer, consent: false as unknown as true }));
      expect(noConsent.message).toContain('consent');
      const injected = await failureOf(api().booking.confirm({ ...base, customer: { name: 'A\r\nBcc: x@evil.example', phone: '+79001234567' }, consent: true }));
      expect(injected.message).toContain('customer.name');
      const unknownHold = await failureOf(api().booking.confirm({ ...base, holdToken: 'x'.repeat(32), customer, consent: true }));
      expect(unknownHold.code).toBe('NOT_FOUND');
    });

    it('manages a booking by its token: get, reschedule (version + 1), cancel', async () => {
      const { confirmed } = await book('salon-haircut-women', 'salon-maria', '2026-03-10');
      const token = confirmed.manageToken;
      const got = await api().booking.get({ manageToken: token });
      expect(got.booking).toMatchObject({ id: confirmed.booking.id, serviceName: 'Женская стрижка', staffName: 'Мария Иванова', customerName: 'Ирина' });
      expect(got.business.name).toContain('Лаванда');
      expect(got.cancellation.allowed).toBe(true);

      const free = await api().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'salon-maria', from: '2026-03-11', days: 1 });
      const moved = await api().booking.reschedule({ manageToken: token, start: free.slots[2]!.start });
      expect(moved.booking).toMatchObject({ start: free.slots[2]!.start, version: 1, status: 'confirmed' });
      // Moving by 15 minutes overlaps only itself: allowed.
      const nudge = new Date(Date.parse(free.slots[2]!.start) + 15 * MIN).toISOString();
      expect((await api().booking.reschedule({ manageToken: token, start: nudge })).booking.version).toBe(2);

      const cancelled = await api().booking.cancel({ manageToken: token, reason: 'заболела' });
      expect(cancelled.booking.status).toBe('cancelled');
      // Cancelling again shows the same cancelled booking; rescheduling it is refused.
      expect((await api().booking.cancel({ manageToken: token })).booking.status).toBe('cancelled');
      expect((await failureOf(api().booking.reschedule({ manageToken: token, start: nudge }))).code).toBe('PRECONDITION_FAILED');
      // The freed time can be booked again.
      await expect(api().booking.hold({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'salon-maria', start: nudge })).resolves.toBeTruthy();
    });

    it('rescheduling onto a taken time is a CONFLICT with alternatives', async () => {
      const a = await book('salon-manicure', 'salon-olga', '2026-03-12');
      const b = await book('salon-manicure', 'salon-olga', '2026-03-12');
      const e = await failureOf(api().booking.reschedule({ manageToken: b.confirmed.manageToken, start: a.slot.start }));
      expect(e.code).toBe('CONFLICT');
      expect((e.data.alternatives as unknown[]).length).toBeGreaterThan(0);
    });

    it('enforces the cancellation window', async () => {
      // Tomorrow 10:00 Moscow; the salon allows online changes until 3 h before.
      const { confirmed } = await book('salon-haircut-men', 'salon-anna', '2026-03-03');
      h.clock.set(new Date(Date.parse(confirmed.booking.start) - 2 * 60 * MIN).toISOString());
      try {
        const e = await failureOf(api().booking.cancel({ manageToken: confirmed.manageToken }));
        expect(e.code).toBe('PRECONDITION_FAILED');
        expect(e.data.reason).toBe('CANCELLATION_WINDOW_PASSED');
        expect((await api().booking.get({ manageToken: confirmed.manageToken })).cancellation.allowed).toBe(false);
      } finally {
        h.clock.set('2026-03-02T06:00:00.000Z');
      }
    });

    it('rejects forged, altered and expired manage tokens', async () => {
      const { confirmed } = await book('salon-haircut-men', 'salon-maria', '2026-03-13');
      const t = confirmed.manageToken;
      const [body, mac] = t.split('.') as [string, string];
      const flipped = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
      const otherBody = Buffer.from(JSON.stringify({ b: 'someone-else', p: 'manage', n: 'x' })).toString('base64url');
      for (const bad of [flipped, `${otherBody}.${mac}`, 'a.b.c.d.e.f.g', `${body}.`]) {
        expect((await failureOf(api().booking.get({ manageToken: bad }))).code).toBe('FORBIDDEN');
      }
      h.clock.set(new Date(Date.parse(confirmed.booking.end) + 25 * 60 * MIN).toISOString());
      try {
        const e = await failureOf(api().booking.get({ manageToken: t }));
        expect(e.code).toBe('FORBIDDEN');
        expect(e.data.reason).toBe('TOKEN_EXPIRED');
      } finally {
        h.clock.set('2026-03-02T06:00:00.000Z');
      }
    });
  });

  describe('handoff.request', () => {
    it('stores the request and promises a reply within an hour of opening time', async () => {
      // Monday 09:00 Moscow: the salon opens at 10:00, so the reply is due at 11:00 Moscow.
      const r = await api().handoff.request({ siteKey: SALON, message: 'Хочу сложное окрашивание', contact: { name: 'Вера', phone: '+79001112233' }, lang: 'ru' });
      expect(r.expectedReplyBy).toBe('2026-03-02T08:00:00.000Z');
      expect(r.withinOpeningHours).toBe(false);
      const bad = await failureOf(api().handoff.request({ siteKey: SALON, message: '', contact: { name: 'Вера' }, lang: 'ru' }));
      expect(bad.code).toBe('BAD_REQUEST');
      expect(bad.message).toContain('message');
      expect(bad.message).toContain('contact.phone');
    });
  });
});
