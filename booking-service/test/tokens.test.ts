/**
 * Links and holds cannot be guessed or altered: 1,000 mutated or forged manage tokens and 1,000
 * mutated or random hold tokens are all refused, and genuine ones stop working once expired.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingIcs } from '../src/services/ics.js';
import { signToken } from '../src/services/tokens.js';
import { book } from './support/booking.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';

/** One way of altering or forging a token, given a genuine one. */
function mutations(genuine: string, secret: string, bookingId: string, otherBookingId: string): fc.Arbitrary<string> {
  const [body, mac] = genuine.split('.') as [string, string];
  const at = fc.nat({ max: genuine.length - 1 });
  const ch = fc.constantFrom(...ALPHABET);
  return fc.oneof(
    // One character replaced (anywhere, including the MAC's last character and the dot).
    fc.tuple(at, ch).map(([i, c]) => genuine.slice(0, i) + c + genuine.slice(i + 1)),
    // One character inserted or deleted; truncated; extended.
    fc.tuple(at, ch).map(([i, c]) => genuine.slice(0, i) + c + genuine.slice(i)),
    at.map((i) => genuine.slice(0, i) + genuine.slice(i + 1)),
    fc.integer({ min: 10, max: genuine.length - 1 }).map((n) => genuine.slice(0, n)),
    fc.string({ unit: ch, minLength: 1, maxLength: 20 }).map((s) => genuine + s),
    // A payload naming another booking (or another purpose), with the genuine MAC or a random one.
    fc.constantFrom('manage', 'ics', 'confirm', 'rebook', 'admin').chain((p) =>
      fc.constantFrom(bookingId, otherBookingId, `${bookingId}'--`, '*').map((b) => `${b64(JSON.stringify({ b, p, n: 'x' }))}.${mac}`),
    ),
    fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => `${body}.${b64(Buffer.from(bytes))}`),
    // Properly signed, but with the wrong secret, or for another purpose.
    fc.string({ minLength: 1, maxLength: 40 }).map((s) => {
      const forgedBody = b64(JSON.stringify({ b: bookingId, p: 'manage', n: 'x' }));
      return `${forgedBody}.${b64(createHmac('sha256', s).update(forgedBody).digest())}`;
    }),
    fc.constantFrom('ics', 'confirm', 'rebook').map((p) => signToken(secret, bookingId, p as 'ics')),
    // Random junk of a plausible length.
    fc.string({ unit: ch, minLength: 10, maxLength: 200 }),
  );
}

describe('forged and expired tokens (PGlite)', () => {
  let h: Harness;
  let manageToken: string;
  let bookingId: string;
  let otherId: string;
  beforeAll(async () => {
    h = await createHarness('pglite');
    const a = await book(h, { day: '2026-03-04', name: 'Anna' });
    const b = await book(h, { day: '2026-03-05', name: 'Boris' });
    manageToken = a.manageToken;
    bookingId = a.booking.id;
    otherId = b.booking.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('1,000 mutated or forged manage tokens: every one refused with FORBIDDEN or NOT_FOUND, on get, reschedule and cancel', async () => {
    const forged = fc
      .sample(mutations(manageToken, h.deps.secret, bookingId, otherId), { numRuns: 1_200, seed: 7 })
      .filter((t) => t !== manageToken && t.length >= 10 && t.length <= 512)
      .slice(0, 1_000);
    expect(forged).toHaveLength(1_000);
    const caller = h.caller();
    const codes = new Map<string, number>();
    for (const [i, token] of forged.entries()) {
      // Reads for all; every tenth also tries to change the booking.
      const calls = [caller.booking.get({ manageToken: token })];
      if (i % 10 === 0) calls.push(caller.booking.cancel({ manageToken: token }) as never, caller.booking.reschedule({ manageToken: token, start: '2026-03-06T08:00:00Z' }) as never);
      for (const call of calls) {
        const e = await failureOf(call);
        codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
        expect(['FORBIDDEN', 'NOT_FOUND'], token).toContain(e.code);
      }
    }
    // The genuine token still works, and the booking was never touched.
    const still = await caller.booking.get({ manageToken });
    expect(still.booking.status).toBe('confirmed');
    expect(codes.get('FORBIDDEN')).toBeGreaterThan(900);
  });

  it('the .ics download refuses forged tokens too', async () => {
    const { url } = await h.http();
    const forged = fc.sample(mutations(manageToken, h.deps.secret, bookingId, otherId), { numRuns: 100, seed: 11 }).filter((t) => t !== manageToken);
    for (const token of forged) {
      const r = await fetch(`${url}/booking.ics?token=${encodeURIComponent(token)}`);
      expect([403, 404], token).toContain(r.status);
    }
  });

  it('1,000 mutated or random hold tokens: every one refused with NOT_FOUND; the genuine hold still confirms', async () => {
    const caller = h.caller();
    const { slots } = await caller.slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-03-10', days: 1 });
    const hold = await caller.booking.hold({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', start: slots[0]!.start });
    const genuine = hold.holdToken;
    const ch = fc.constantFrom(...ALPHABET);
    const at = fc.nat({ max: genuine.length - 1 });
    const forged = fc
      .sample(
        fc.oneof(
          fc.tuple(at, ch).map(([i, c]) => genuine.slice(0, i) + c + genuine.slice(i + 1)),
          at.map((i) => genuine.slice(0, i) + genuine.slice(i + 1)),
          fc.constant(null).map(() => b64(randomBytes(24))),
          fc.string({ unit: ch, minLength: 10, maxLength: 100 }),
          fc.constant(genuine.toUpperCase()),
        ),
        { numRuns: 1_200, seed: 13 },
      )
      .filter((t) => t !== genuine && t.length >= 10)
      .slice(0, 1_000);
    expect(forged).toHaveLength(1_000);
    for (const [i, token] of forged.entries()) {
      const e = await failureOf(
        caller.booking.confirm({ holdToken: token, customer: { name: 'Mallory', phone: '+7 900 000-00-00' }, consent: true, lang: 'en', idempotencyKey: `forged-hold-${i}` }),
      );
      expect(e.code, token).toBe('NOT_FOUND');
    }
    const done = await caller.booking.confirm({ holdToken: genuine, customer: { name: 'Vera', phone: '+7 900 000-00-01' }, consent: true, lang: 'ru', idempotencyKey: 'genuine-hold-1' });
    expect(done.booking.status).toBe('confirmed');
  });

  it('an expired hold is refused, and so is a manage link once the booking is long past', async () => {
    const caller = h.caller();
    const { slots } = await caller.slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-03-11', days: 1 });
    const hold = await caller.booking.hold({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', start: slots[0]!.start });
    h.clock.set(new Date(Date.parse(hold.expiresAt) + 1_000));
    const e = await failureOf(caller.booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Late', phone: '+7 900 000-00-02' }, consent: true, lang: 'en', idempotencyKey: 'late-hold-1' }));
    expect(e.data.reason).toBe('HOLD_EXPIRED');

    // A year after the booking: the genuine link has expired, for the API and the .ics download.
    h.clock.set('2027-03-04T00:00:00Z');
    const expired = await failureOf(caller.booking.get({ manageToken }));
    expect(expired).toMatchObject({ code: 'FORBIDDEN', data: { reason: 'TOKEN_EXPIRED' } });
    expect(await bookingIcs(h.deps, manageToken)).toMatchObject({ ok: false, reason: 'TOKEN_EXPIRED' });
  });
});
