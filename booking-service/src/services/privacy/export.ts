/**
 * Everything the business holds about one person, as one JSON document (GDPR art. 15/20; the
 * console's "Export" and REST `GET /customers/{id}/export`): the customer rows, bookings with
 * what was booked, conversations with their transcripts, leads, hand-offs with staff replies,
 * the consents given and the events recorded about them. Instants are ISO-8601 UTC.
 */
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { bookings, conversationMessages, conversations, customers, events, handoffReplies, handoffs, leads, services, staff } from '../../adapters/db/schema.js';
import { fail, ok, type Result } from '../result.js';
import { personOfCustomer, type Person } from './person.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface CustomerExport {
  exportedAt: string;
  businessId: string;
  customers: Array<{ id: string; name: string; phone: string | null; email: string | null; lang: string; preferredChannel: string | null; createdAt: string }>;
  bookings: Array<{
    id: string;
    customerId: string | null;
    service: string;
    staff: string;
    status: string;
    startsAt: string;
    endsAt: string;
    channel: string;
    note: string | null;
    price: unknown;
    cancelReason: string | null;
    createdAt: string;
  }>;
  conversations: Array<{
    id: string;
    channel: string;
    lang: string;
    source: unknown;
    intent: string | null;
    outcome: string | null;
    contact: { name: string | null; phone: string | null; email: string | null };
    createdAt: string;
    messages: Array<{ seq: number; from: string; text: string; card: unknown; at: string }>;
  }>;
  leads: Array<{ id: string; conversationId: string; name: string; phone: string | null; email: string | null; intent: string | null; quote: unknown; qualification: unknown; outcome: string | null; createdAt: string }>;
  handoffs: Array<{ id: string; message: string; contact: { name: string; phone: string | null; email: string | null }; status: string; outcome: string | null; createdAt: string; replies: Array<{ body: string; at: string }> }>;
  /** Each consent the person gave: when, and in which conversation / channel. */
  consents: Array<{ at: string; conversationId: string; channel: string; purpose: 'contact' }>;
  events: Array<{ kind: string; at: string; bookingId: string | null; conversationId: string | null; handoffId: string | null }>;
}

/** @example const r = await exportCustomer(db, businessId, customerId, deps.clock.now()); if (r.ok) res.json(r.value); */
export async function exportCustomer(db: Queryable, businessId: string, customerId: string, now: Date): Promise<Result<CustomerExport>> {
  const p = await personOfCustomer(db, businessId, customerId, 'contact');
  if (!p) return fail('CUSTOMER_NOT_FOUND', 'No such customer', { field: 'customerId' });
  return ok(await exportPerson(db, p, now));
}

export async function exportPerson(db: Queryable, p: Person, now: Date): Promise<CustomerExport> {
  const { businessId } = p;
  const ids = <T>(xs: string[], f: (xs: string[]) => Promise<T[]>) => (xs.length ? f(xs) : Promise.resolve([] as T[]));
  const [cs, bs, convs, msgs, ls, hs, rs] = await Promise.all([
    ids(p.customerIds, (x) => db.select().from(customers).where(and(eq(customers.businessId, businessId), inArray(customers.id, x))).orderBy(asc(customers.createdAt))),
    ids(p.bookingIds, (x) =>
      db
        .select({ b: bookings, serviceNames: services.names, staffName: staff.name })
        .from(bookings)
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .innerJoin(staff, eq(staff.id, bookings.staffId))
        .where(and(eq(bookings.businessId, businessId), inArray(bookings.id, x)))
        .orderBy(asc(bookings.startsAt)),
    ),
    ids(p.conversationIds, (x) => db.select().from(conversations).where(and(eq(conversations.businessId, businessId), inArray(conversations.id, x))).orderBy(asc(conversations.createdAt))),
    ids(p.conversationIds, (x) =>
      db.select().from(conversationMessages).where(and(eq(conversationMessages.businessId, businessId), inArray(conversationMessages.conversationId, x))).orderBy(asc(conversationMessages.conversationId), asc(conversationMessages.seq)),
    ),
    ids(p.leadIds, (x) => db.select().from(leads).where(and(eq(leads.businessId, businessId), inArray(leads.id, x))).orderBy(asc(leads.createdAt))),
    ids(p.handoffIds, (x) => db.select().from(handoffs).where(and(eq(handoffs.businessId, businessId), inArray(handoffs.id, x))).orderBy(asc(handoffs.createdAt))),
    ids(p.handoffIds, (x) => db.select().from(handoffReplies).where(and(eq(handoffReplies.businessId, businessId), inArray(handoffReplies.handoffId, x))).orderBy(asc(handoffReplies.createdAt))),
  ]);
  const evWhere: SQL[] = [];
  if (p.bookingIds.length) evWhere.push(inArray(events.bookingId, p.bookingIds));
  if (p.conversationIds.length) evWhere.push(inArray(events.conversationId, p.conversationIds));
  if (p.handoffIds.length) evWhere.push(inArray(events.handoffId, p.handoffIds));
  const evs = evWhere.length ? await db.select().from(events).where(and(eq(events.businessId, businessId), or(...evWhere))).orderBy(asc(events.at)) : [];

  return {
    exportedAt: now.toISOString(),
    businessId,
    customers: cs.map((c) => ({ id: c.id, name: c.name, phone: c.phone, email: c.email, lang: c.lang, preferredChannel: c.preferredChannel, createdAt: c.createdAt.toISOString() })),
    bookings: bs.map(({ b, serviceNames, staffName }) => ({
      id: b.id,
      customerId: b.customerId,
      service: serviceNames[b.lang ?? 'en'] ?? Object.values(serviceNames)[0] ?? '',
      staff: staffName,
      status: b.status,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      channel: b.channel,
      note: b.note,
      price: b.price,
      cancelReason: b.cancelReason,
      createdAt: b.createdAt.toISOString(),
    })),
    conversations: convs.map((c) => ({
      id: c.id,
      channel: c.channel,
      lang: c.lang,
      source: c.source,
      intent: c.intent,
      outcome: c.outcome,
      contact: { name: c.contactName, phone: c.contactPhone, email: c.contactEmail },
      createdAt: c.createdAt.toISOString(),
      messages: msgs.filter((m) => m.conversationId === c.id).map((m) => ({ seq: m.seq, from: m.from, text: m.text, card: m.card, at: m.at.toISOString() })),
    })),
    leads: ls.map((l) => ({ id: l.id, conversationId: l.conversationId, name: l.name, phone: l.phone, email: l.email, intent: l.intent, quote: l.quote, qualification: l.qualification, outcome: l.outcome, createdAt: l.createdAt.toISOString() })),
    handoffs: hs.map((h) => ({
      id: h.id,
      message: h.message,
      contact: { name: h.contactName, phone: h.contactPhone, email: h.contactEmail },
      status: h.status,
      outcome: h.outcome,
      createdAt: h.createdAt.toISOString(),
      replies: rs.filter((r) => r.handoffId === h.id).map((r) => ({ body: r.body, at: r.createdAt.toISOString() })),
    })),
    consents: convs.filter((c) => c.consentAt).map((c) => ({ at: iso(c.consentAt)!, conversationId: c.id, channel: c.channel, purpose: 'contact' as const })),
    events: evs.map((e) => ({ kind: e.kind, at: e.at.toISOString(), bookingId: e.bookingId, conversationId: e.conversationId, handoffId: e.handoffId })),
  };
}
