/**
 * The console's Waiting list (issue 17), on both databases: the team sees who waits for what in
 * THEIR business (service, staff or anyone, window, since when, state) and removes an entry; an
 * entry of another business is neither listed nor removable (NOT_FOUND, and it stays waiting).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { waitlistEntries } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';

/** Monday 2026-03-02 10:00 in New York. */
const MORNING = '2026-03-02T15:00:00.000Z';

describe.each(dbKinds)('console waiting list on %s', (kind) => {
  let h: Harness;
  let barberOwner: ConsoleSessionClient;
  let barberStaff: ConsoleSessionClient;
  let salonOwner: ConsoleSessionClient;

  const entry = (id: string, businessId: string, serviceId: string, staffId: string | null, name: string, createdAt: string) => ({
    id, businessId, serviceId, staffId, name, email: `${id}@example.com`, fromDay: '2026-03-02', toDay: '2026-03-08', part: 'morning' as const,
    lang: 'en' as const, consentAt: new Date(createdAt), expiresAt: new Date('2026-03-09T05:00:00.000Z'), createdAt: new Date(createdAt), updatedAt: new Date(createdAt),
  });

  beforeAll(async () => {
    h = await createHarness(kind, { now: MORNING });
    await h.deps.db.insert(waitlistEntries).values([
      entry('wl-barber-1', 'biz-barber-nyc', 'barber-haircut', null, 'Ann Waiting', '2026-03-01T12:00:00.000Z'),
      entry('wl-barber-2', 'biz-barber-nyc', 'barber-haircut', 'barber-marcus', 'Bob Marcus', '2026-03-02T12:00:00.000Z'),
      entry('wl-salon-1', 'biz-salon-spb', 'salon-manicure', null, 'Ольга Ждёт', '2026-03-01T09:00:00.000Z'),
    ]);
    const { url } = await h.http();
    barberOwner = await signIn(url, ownerOf('demo-barber-nyc'));
    barberStaff = await signIn(url, staffAccount('barber-marcus', 'demo-barber-nyc'));
    salonOwner = await signIn(url, ownerOf('demo-salon-spb'));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('lists only the business’s own entries, newest first, with service, staff or anyone, window and state', async () => {
    const list = await barberOwner.client.waitlist.list.query();
    expect(list.map((r) => r.id)).toEqual(['wl-barber-2', 'wl-barber-1']);
    expect(list[0]).toMatchObject({ name: 'Bob Marcus', staffName: expect.any(String), fromDay: '2026-03-02', toDay: '2026-03-08', part: 'morning', status: 'waiting', offer: null, since: '2026-03-02T12:00:00.000Z' });
    expect(list[0]!.service.en).toBe('Haircut');
    expect(list[1]!.staffName).toBeNull();
    expect((await salonOwner.client.waitlist.list.query()).map((r) => r.id)).toEqual(['wl-salon-1']);
  });

  it('another business’s entry cannot be removed (NOT_FOUND, still waiting); the team’s own can, once', async () => {
    const other = await consoleFailure(barberOwner.client.waitlist.remove.mutate({ entryId: 'wl-salon-1' }));
    expect(other.code).toBe('NOT_FOUND');
    expect((await h.deps.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, 'wl-salon-1')))[0]!.status).toBe('waiting');

    expect(await barberStaff.client.waitlist.remove.mutate({ entryId: 'wl-barber-1' })).toEqual({ removed: true });
    expect((await consoleFailure(barberStaff.client.waitlist.remove.mutate({ entryId: 'wl-barber-1' }))).code).toBe('NOT_FOUND');
    const list = await barberOwner.client.waitlist.list.query();
    expect(list.find((r) => r.id === 'wl-barber-1')!.status).toBe('removed');
    const bad = await consoleFailure(barberOwner.client.waitlist.remove.mutate({ entryId: '' }));
    expect(bad.code).toBe('BAD_REQUEST');
  });
});
