/**
 * Which rows are one person's, in one business. The booking store makes a customer row per
 * booking, so a person is usually several customers sharing an e-mail or phone; their
 * conversations, leads and hand-offs hang off those rows or carry the same contact.
 *
 * Two reaches:
 * - `contact` (the owner in the console, the REST API): every customer, conversation, lead and
 *   hand-off of the business with the person's e-mail (any case) or phone (any spelling);
 * - `proven` (the visitor themself: a manage link, the chat): only what the asker has shown to be
 *   theirs — the customer of the link, the conversation they hold — and what hangs off it. A
 *   visitor who typed someone else's e-mail into a booking must not be able to erase that person.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { bookings, conversations, customers, handoffs, leads } from '../../adapters/db/schema.js';
import type { Needles } from './redact-json.js';

export type Reach = 'contact' | 'proven';

export interface Person {
  businessId: string;
  customerIds: string[];
  bookingIds: string[];
  conversationIds: string[];
  leadIds: string[];
  handoffIds: string[];
  /** Every name, e-mail and phone the person's rows hold (what an erase must leave nowhere). */
  needles: Needles;
}

const digits = (s: string) => s.replace(/\D/g, '');
const uniq = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => typeof x === 'string' && x.trim().length > 0))];

function contactMatch(emailCol: SQL | typeof customers.email, phoneCol: SQL | typeof customers.phone, emails: string[], phones: string[]): SQL | undefined {
  const parts: SQL[] = [];
  if (emails.length) parts.push(sql`lower(${emailCol}) IN (${sql.join(emails.map((e) => sql`${e.toLowerCase()}`), sql`, `)})`);
  const ds = phones.map(digits).filter((d) => d.length >= 5);
  if (ds.length) parts.push(sql`regexp_replace(${phoneCol}, '[^0-9]', '', 'g') IN (${sql.join(ds.map((d) => sql`${d}`), sql`, `)})`);
  return parts.length ? or(...parts) : undefined;
}

async function collect(db: Queryable, businessId: string, seed: { customerIds: string[]; conversationIds: string[] }, reach: Reach): Promise<Person> {
  let customerIds = seed.customerIds;
  if (reach === 'contact' && customerIds.length) {
    const rows = await db.select({ email: customers.email, phone: customers.phone }).from(customers).where(and(eq(customers.businessId, businessId), inArray(customers.id, customerIds)));
    const m = contactMatch(customers.email, customers.phone, uniq(rows.map((r) => r.email)), uniq(rows.map((r) => r.phone)));
    if (m) customerIds = uniq([...customerIds, ...(await db.select({ id: customers.id }).from(customers).where(and(eq(customers.businessId, businessId), m))).map((r) => r.id)]);
  }
  const people = customerIds.length ? await db.select().from(customers).where(and(eq(customers.businessId, businessId), inArray(customers.id, customerIds))) : [];
  const theirBookings = customerIds.length
    ? await db.select({ id: bookings.id, conversationId: bookings.conversationId }).from(bookings).where(and(eq(bookings.businessId, businessId), inArray(bookings.customerId, customerIds)))
    : [];
  const emails = uniq(people.map((c) => c.email));
  const phones = uniq(people.map((c) => c.phone));

  const convWhere: SQL[] = [];
  const convIds = uniq([...seed.conversationIds, ...theirBookings.map((b) => b.conversationId)]);
  if (convIds.length) convWhere.push(inArray(conversations.id, convIds));
  if (customerIds.length) {
    convWhere.push(inArray(conversations.customerId, customerIds));
    convWhere.push(sql`${conversations.id} IN (SELECT ${leads.conversationId} FROM ${leads} WHERE ${inArray(leads.customerId, customerIds)})`);
  }
  if (reach === 'contact') {
    const m = contactMatch(sql`${conversations.contactEmail}`, sql`${conversations.contactPhone}`, emails, phones);
    if (m) convWhere.push(m);
    // A conversation that asked for their bookings ("my booking", before any consent) holds the
    // contact only in the engine's state.
    const typed = [...emails, ...phones];
    if (typed.length) convWhere.push(sql`(${sql.join(typed.map((t) => sql`position(${t.toLowerCase()} in lower(${conversations.state}::text)) > 0`), sql` OR `)})`);
  }
  const convs = convWhere.length ? await db.select().from(conversations).where(and(eq(conversations.businessId, businessId), or(...convWhere))) : [];
  const conversationIds = convs.map((c) => c.id);

  const leadWhere: SQL[] = [];
  if (conversationIds.length) leadWhere.push(inArray(leads.conversationId, conversationIds));
  if (customerIds.length) leadWhere.push(inArray(leads.customerId, customerIds));
  const theirLeads = leadWhere.length ? await db.select().from(leads).where(and(eq(leads.businessId, businessId), or(...leadWhere))) : [];

  const handoffWhere: SQL[] = [];
  if (conversationIds.length) handoffWhere.push(inArray(handoffs.conversationId, conversationIds));
  if (reach === 'contact') {
    const m = contactMatch(sql`${handoffs.contactEmail}`, sql`${handoffs.contactPhone}`, emails, phones);
    if (m) handoffWhere.push(m);
  }
  const theirHandoffs = handoffWhere.length ? await db.select().from(handoffs).where(and(eq(handoffs.businessId, businessId), or(...handoffWhere))) : [];

  return {
    businessId,
    customerIds,
    bookingIds: theirBookings.map((b) => b.id),
    conversationIds,
    leadIds: theirLeads.map((l) => l.id),
    handoffIds: theirHandoffs.map((h) => h.id),
    needles: {
      contacts: uniq([...emails, ...phones, ...convs.flatMap((c) => [c.contactEmail, c.contactPhone]), ...theirLeads.flatMap((l) => [l.email, l.phone]), ...theirHandoffs.flatMap((h) => [h.contactEmail, h.contactPhone])]),
      names: uniq([...people.map((c) => c.name), ...convs.map((c) => c.contactName), ...theirLeads.map((l) => l.name), ...theirHandoffs.map((h) => h.contactName)]),
    },
  };
}

/** The person a customer row belongs to; null when the business has no such customer. */
export async function personOfCustomer(db: Queryable, businessId: string, customerId: string, reach: Reach): Promise<Person | null> {
  const [c] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, customerId), eq(customers.businessId, businessId)));
  return c ? collect(db, businessId, { customerIds: [c.id], conversationIds: [] }, reach) : null;
}

/** The person holding a conversation (the chat): the conversation, and the customers of the bookings made in it. */
export async function personOfConversation(db: Queryable, businessId: string, conversationId: string): Promise<Person | null> {
  const [c] = await db.select({ id: conversations.id, customerId: conversations.customerId }).from(conversations).where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId)));
  if (!c) return null;
  const made = await db.select({ customerId: bookings.customerId }).from(bookings).where(and(eq(bookings.businessId, businessId), eq(bookings.conversationId, c.id)));
  return collect(db, businessId, { customerIds: uniq([c.customerId, ...made.map((b) => b.customerId)]), conversationIds: [c.id] }, 'proven');
}
