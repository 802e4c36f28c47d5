/**
 * Customers and leads of one business for the REST API (read only; export/erase of one person
 * belongs to the privacy services). Newest first, keyset pages by (createdAt, id).
 */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { customers, leads } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { decodeCursor, encodeCursor } from './bookings.js';

const customerView = (c: typeof customers.$inferSelect) => ({ id: c.id, name: c.name, phone: c.phone, email: c.email, lang: c.lang, createdAt: c.createdAt.toISOString() });
const leadView = (l: typeof leads.$inferSelect) => ({
  id: l.id,
  conversationId: l.conversationId,
  customerId: l.customerId,
  name: l.name,
  phone: l.phone,
  email: l.email,
  lang: l.lang,
  channel: l.channel,
  intent: l.intent,
  score: l.score,
  temperature: l.temperature,
  outcome: l.outcome,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

type Page<T> = { items: T[]; nextCursor: string | null };

export async function listCustomers(deps: Pick<Deps, 'db'>, businessId: string, input: { limit: number; cursor?: string | undefined }): Promise<Result<Page<ReturnType<typeof customerView>>>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after === null) return fail('INVALID_INPUT', 'This cursor was not issued by this API', { field: 'cursor' });
  const rows = await deps.db
    .select()
    .from(customers)
    .where(and(eq(customers.businessId, businessId), after ? or(lt(customers.createdAt, after.start), and(eq(customers.createdAt, after.start), lt(customers.id, after.id))) : undefined))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(customerView);
  const last = items[items.length - 1];
  return ok({ items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null });
}

export async function getCustomer(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<ReturnType<typeof customerView>>> {
  const [c] = await deps.db.select().from(customers).where(and(eq(customers.id, id), eq(customers.businessId, businessId)));
  return c ? ok(customerView(c)) : fail('CUSTOMER_NOT_FOUND', 'No such customer', { field: 'id' });
}

export async function listLeads(deps: Pick<Deps, 'db'>, businessId: string, input: { limit: number; cursor?: string | undefined }): Promise<Result<Page<ReturnType<typeof leadView>>>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after === null) return fail('INVALID_INPUT', 'This cursor was not issued by this API', { field: 'cursor' });
  const rows = await deps.db
    .select()
    .from(leads)
    .where(and(eq(leads.businessId, businessId), after ? or(lt(leads.createdAt, after.start), and(eq(leads.createdAt, after.start), lt(leads.id, after.id))) : undefined))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(leadView);
  const last = items[items.length - 1];
  return ok({ items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null });
}

export async function getLead(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<ReturnType<typeof leadView>>> {
  const [l] = await deps.db.select().from(leads).where(and(eq(leads.id, id), eq(leads.businessId, businessId)));
  return l ? ok(leadView(l)) : fail('LEAD_NOT_FOUND', 'No such lead', { field: 'id' });
}
