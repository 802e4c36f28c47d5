/**
 * Issue 19, "No empty windows": after a booking that ends between the grid's starts, the visitor
 * is offered the time right after it (the owner's setting, on by default), and a hold there is
 * accepted like any other slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from './support/booking.js';
import { ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';
const SERVICE = 'salon-haircut-women'; // 60 minutes + 10 minutes of cleanup; the salon's step is 15
const DAY = '2026-03-17'; // a Tuesday: Anna works 10:00–19:00 (Moscow)

describe.each(dbKinds)('no empty windows on %s', (kind) => {
  let h: Harness;
  let owner: ConsoleSessionClient;
  beforeAll(async () => {
    h = await createHarness(kind);
    const { url } = await h.http();
    owner = await signIn(url, ownerOf(SALON));
  });
  afterAll(async () => {
    await h?.close();
  });

  const annasStarts = async () =>
    (await h.caller().slots.find({ siteKey: SALON, serviceId: SERVICE, staffId: 'salon-anna', from: DAY, days: 1 })).slots.map((s) => s.start);

  it('offers 11:10 after a 10:00 booking that keeps Anna busy until 11:10, unless the owner turns it off', async () => {
    expect((await owner.client.business.get.query()).fillGaps).toBe(true);
    const done = await book(h, { siteKey: SALON, serviceId: SERVICE, day: DAY });
    expect(done.booking.start).toBe('2026-03-17T07:00:00.000Z'); // 10:00 in St Petersburg
    const after = '2026-03-17T08:10:00.000Z';
    const on = await annasStarts();
    expect(on.slice(0, 3)).toEqual([after, '2026-03-17T08:15:00.000Z', '2026-03-17T08:30:00.000Z']);

    expect(await owner.client.business.update.mutate({ fillGaps: false })).toMatchObject({ fillGaps: false });
    const off = await annasStarts();
    expect(off[0]).toBe('2026-03-17T08:15:00.000Z');
    expect(off).toEqual(on.filter((s) => s !== after));

    await owner.client.business.update.mutate({ fillGaps: true });
    // The offered time can be held and booked like any grid slot.
    const hold = await h.caller().booking.hold({ siteKey: SALON, serviceId: SERVICE, staffId: 'salon-anna', start: after });
    expect(hold.holdToken).toBeTruthy();
  });
});
