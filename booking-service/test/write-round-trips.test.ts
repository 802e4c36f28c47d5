/**
 * Lean writes (issue 19): a hold + confirm pair costs at most 6 database round trips — batched
 * statements, one transaction each, no re-reads of what the request already has. Counted on the
 * driver (every query message sent and awaited; BEGIN/COMMIT would count too), in a running
 * service's shape (config cache warm), with every kind of follow-up write present: reminders,
 * the Google calendar write and a webhook delivery, which must all still be written.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, customers, events, googleConnections, jobs, webhookDeliveries, webhookEndpoints } from '../src/adapters/db/schema.js';
import { createCaller } from '../src/api/router.js';
import { createConfigCache } from '../src/services/config-cache.js';
import type { Deps } from '../src/services/deps.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const BARBER = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut' };
const MAX_ROUND_TRIPS_PER_PAIR = 6;

describe.each(dbKinds)('hold + confirm round trips on %s', (kind) => {
  let h: Harness;
  let count = 0;
  let restore: () => void;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    h = await createHarness(kind);
    if (kind === 'pglite') {
      // Every call on the embedded database's client is one message and one awaited answer.
      const client = h.database.pglite! as unknown as Record<string, (...a: unknown[]) => unknown>;
      const saved = (['query', 'exec', 'transaction'] as const).map((m) => [m, client[m]!] as const);
      for (const [m, fn] of saved) client[m] = (...a: unknown[]) => (count++, fn.apply(h.database.pglite, a));
      restore = () => saved.forEach(([m, fn]) => (client[m] = fn));
    } else {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- put back unchanged in afterAll; applied with its own `this`
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
        count++;
        return (original as (...x: unknown[]) => unknown).apply(this, a);
      } as typeof original;
      restore = () => (pg.Client.prototype.query = original);
    }
    const deps: Deps = { ...h.deps, configCache: createConfigCache() };
    caller = createCaller({ deps, origin: undefined, ip: '127.0.0.1' });
    const now = h.clock.now();
    await h.deps.db.insert(googleConnections).values({ staffId: 'barber-marcus', businessId: 'biz-barber-nyc', refreshTokenSealed: 'sealed', busyCalendarIds: ['primary'], bookingCalendarId: 'primary', createdAt: now, updatedAt: now });
    await h.deps.db.insert(webhookEndpoints).values({ id: 'wh-rt', businessId: 'biz-barber-nyc', url: 'https://crm.example/hook', events: ['booking.created'], secret: 'whsec_x', createdAt: now });
  });
  afterAll(async () => {
    restore?.();
    await h?.close();
  });

  async function counted<T>(fn: () => Promise<T>): Promise<[T, number]> {
    const before = count;
    const value = await fn();
    return [value, count - before];
  }

  it(`a pair costs at most ${MAX_ROUND_TRIPS_PER_PAIR} round trips, and writes the booking, customer, jobs, event and webhook`, async () => {
    const { slots } = await caller.slots.find({ ...BARBER, staffId: 'barber-marcus', from: '2026-03-04', days: 1 });
    // Warm, like a running service: the search filled the config cache.
    const [hold, holdTrips] = await counted(() => caller.booking.hold({ ...BARBER, staffId: 'barber-marcus', start: slots[0]!.start }));
    const [done, confirmTrips] = await counted(() =>
      caller.booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Lean Visitor', email: 'lean@example.com' }, consent: true, lang: 'en', idempotencyKey: `rt-${kind}` }),
    );
    expect(holdTrips + confirmTrips).toBeLessThanOrEqual(MAX_ROUND_TRIPS_PER_PAIR);

    const id = done.booking.id;
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row).toMatchObject({ status: 'confirmed', holdExpiresAt: null, idempotencyKey: `rt-${kind}`, lang: 'en' });
    const [customer] = await h.deps.db.select().from(customers).where(eq(customers.id, row!.customerId!));
    expect(customer).toMatchObject({ name: 'Lean Visitor', email: 'lean@example.com', lang: 'en' });
    const kinds = (await h.deps.db.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.bookingId, id))).map((j) => j.kind).sort();
    expect(kinds).toEqual(
      ['gcal.write', 'mail.booking_confirmed', 'mail.reminder', 'mail.reminder', 'mail.staff_new_booking', 'notify.booking_confirmed', 'notify.reminder', 'notify.reminder', 'webhook.deliver'].sort(),
    );
    expect((await h.deps.db.select().from(events).where(eq(events.bookingId, id))).map((e) => e.kind)).toEqual(['booking_made']);
    const [delivery] = await h.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orderKey, id));
    // The webhook shows the booking as it was written (made from the row the confirmation leaves).
    expect(delivery!.payload).toMatchObject({ type: 'booking.created', data: { booking: { id, status: 'confirmed', customer: { id: customer!.id, name: 'Lean Visitor' }, updatedAt: row!.updatedAt.toISOString() } } });
  });

  it('"anyone" costs the same, and a replayed confirm reads once', async () => {
    const { slots } = await caller.slots.find({ ...BARBER, from: '2026-03-05', days: 1 });
    const [hold, holdTrips] = await counted(() => caller.booking.hold({ ...BARBER, start: slots[0]!.start }));
    const input = { holdToken: hold.holdToken, customer: { name: 'Any One', phone: '+1 212 555 0101' }, consent: true as const, lang: 'en' as const, idempotencyKey: `rt-any-${kind}` };
    const [first, confirmTrips] = await counted(() => caller.booking.confirm(input));
    expect(holdTrips + confirmTrips).toBeLessThanOrEqual(MAX_ROUND_TRIPS_PER_PAIR);
    const [again, replayTrips] = await counted(() => caller.booking.confirm(input));
    expect(again.booking.id).toBe(first.booking.id);
    expect(replayTrips).toBe(1);
  });
});
