/**
 * Finding a person in the console (owner: export or erase): customers of the business whose
 * name, e-mail or phone contains what was typed. The store makes a customer row per booking, so
 * rows sharing an e-mail or phone are one person here, shown once with their bookings counted.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { bookings, customers } from '../../adapters/db/schema.js';

export interface PersonHit {
  /** Any of the person's customer rows: what export/erase take. */
  customerId: string;
  name: string;
  email: string | null;
  phone: string | null;
  bookings: number;
  lastSeenAt: string;
}

const ROWS = 200;
const HITS = 20;

export async function findPeople(db: Queryable, businessId: string, query: string): Promise<PersonHit[]> {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const digits = q.replace(/\D/g, '');
  const rows = await db
    .select({ id: customers.id, name: customers.name, email: customers.email, phone: customers.phone, createdAt: customers.createdAt, n: sql<number>`(SELECT count(*)::int FROM ${bookings} b WHERE b.customer_id = ${customers}.id)` })
    .from(customers)
    .where(
      and(
        eq(customers.businessId, businessId),
        sql`(position(${q} in lower(${customers.name})) > 0 OR position(${q} in lower(coalesce(${customers.email}, ''))) > 0${
          digits.length >= 3 ? sql` OR position(${digits} in regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g')) > 0` : sql``
        })`,
      ),
    )
    .orderBy(desc(customers.createdAt))
    .limit(ROWS);
  const people = new Map<string, PersonHit>();
  for (const r of rows) {
    // Newest first: the first row of a person names them as they last gave it.
    const key = r.email ? `e:${r.email.toLowerCase()}` : r.phone ? `p:${r.phone.replace(/\D/g, '')}` : `c:${r.id}`;
    const hit = people.get(key);
    if (hit) hit.bookings += r.n;
    else people.set(key, { customerId: r.id, name: r.name, email: r.email, phone: r.phone, bookings: r.n, lastSeenAt: r.createdAt.toISOString() });
  }
  return [...people.values()].slice(0, HITS);
}
