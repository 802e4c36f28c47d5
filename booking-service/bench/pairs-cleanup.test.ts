import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../src/adapters/db/client.js';
import { bookings, customers } from '../src/adapters/db/schema.js';
import { seedDemo } from '../src/seed/demo.js';
import { removeRowsSince } from './pairs-cleanup.js';

const database = await openDatabase({ kind: 'pglite', dataDir: null });
afterAll(() => database.close());

it('removes the bookings and customers made since the start, and keeps the data seeded before it', async () => {
  await seedDemo(database.db);
  // Later than anything the demo seed stamps (created_at defaults to now()).
  const since = new Date('2099-01-01T00:00:00Z');
  const before = new Date(since.getTime() - 60_000);
  const after = new Date(since.getTime() + 60_000);
  const start = new Date('2027-01-04T15:00:00Z');
  const end = new Date(start.getTime() + 30 * 60_000);
  const booking = (createdAt: Date, customerId?: string) => ({ id: randomUUID(), businessId: 'biz-barber-nyc', serviceId: 'barber-haircut', staffId: 'barber-marcus', status: 'confirmed' as const, startsAt: start, endsAt: end, occupiedFrom: start, occupiedTo: end, createdAt, released: true, ...(customerId ? { customerId } : {}) });
  const customerId = randomUUID();
  await database.db.insert(customers).values({ id: customerId, businessId: 'biz-barber-nyc', name: 'Bench Visitor', lang: 'en', createdAt: after });
  const seeded = booking(before);
  const made = booking(after, customerId);
  await database.db.insert(bookings).values([seeded, made]);
  const demo = await database.db.select({ id: bookings.id }).from(bookings);

  await removeRowsSince(database.pglite!, since);

  const left = (await database.db.select({ id: bookings.id }).from(bookings)).map((b) => b.id);
  expect(left.sort()).toEqual(demo.map((b) => b.id).filter((id) => id !== made.id).sort());
  expect(left).toContain(seeded.id);
  expect((await database.db.select({ id: customers.id }).from(customers)).map((c) => c.id)).not.toContain(customerId);
});
