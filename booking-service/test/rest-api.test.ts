/**
 * The REST API (/api/v1) over HTTP: API keys (missing, forged, read-only, revoked), problem
 * details naming fields, Idempotency-Key on creates, per-key rate limits, the OpenAPI document
 * (validated by @readme/openapi-parser), a key that books, moves and cancels, and the isolation
 * walk: every route of the route table, called with another business's ids, shows nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { eq } from 'drizzle-orm';
import { bookings, customers, leads } from '../src/adapters/db/schema.js';
import { dashboardKpis } from '../src/services/console/kpis.js';
import { memoryStore } from '../src/http/memory-store.js';
import { createApiKey, revokeApiKey } from '../src/services/api-keys/keys.js';
import { routes } from '../src/api/rest/routes.js';
import { dbKinds } from './support/db.js';
import { book } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'biz-salon-spb';
const BARBER = 'biz-barber-nyc';
const SALON_SITE = 'demo-salon-spb';
const BARBER_SITE = 'demo-barber-nyc';

/** A visitor asks for a person, writes a question and leaves a contact: a conversation with a lead. */
async function askForPerson(h: Harness, siteKey: string, lang: 'ru' | 'en', name: string, question: string) {
  const api = h.caller();
  let v = await api.conversation.send({ siteKey, lang, after: 0, event: { type: 'choose', optionId: 'intent:human' } });
  v = await api.conversation.send({ siteKey, conversationId: v.conversationId, token: v.token, lang, after: v.seq, event: { type: 'text', text: question } });
  v = await api.conversation.send({ siteKey, conversationId: v.conversationId, token: v.token, lang, after: v.seq, event: { type: 'contact', name, contact: `${name.toLowerCase()}@example.com`, consent: true } });
  return v;
}

describe.each(dbKinds)('REST API on %s', (kind) => {
  let h: Harness;
  let url: string;
  let salonWrite: string;
  let salonRead: string;
  let barberWrite: string;
  const call = async (key: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : null, text };
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    url = (await h.http({ apiLimitStore: memoryStore() })).url;
    salonWrite = (await createApiKey(h.deps, SALON, null, { name: 'CRM', scope: 'write' })).secret;
    salonRead = (await createApiKey(h.deps, SALON, null, { name: 'Sheet', scope: 'read' })).secret;
    barberWrite = (await createApiKey(h.deps, BARBER, null, { name: 'Barber CRM', scope: 'write' })).secret;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves an OpenAPI 3.1 document that validates, and a reference page', async () => {
    const res = await fetch(`${url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify((result as { errors?: unknown }).errors)).toBe(true);
    // Every route of the table is in the document.
    for (const r of routes) expect(Object.keys((doc.paths[r.path] ?? {})), r.operationId).toContain(r.method);
    const page = await fetch(`${url}/api/v1/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Book a slot');
    expect(html).toContain('id="problem-slot-taken"');
  });

  it('refuses missing, forged and revoked keys with a 401 problem; a read key cannot write', async () => {
    const none = await call(null, 'GET', '/bookings');
    expect(none.status).toBe(401);
    expect(none.type).toContain('application/problem+json');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(none.body!.errors[0]).toMatchObject({ in: 'header', field: 'Authorization' });
    expect((await call('fdk_nope', 'GET', '/bookings')).status).toBe(401);
    // The right id with a wrong secret.
    expect((await call(salonWrite.slice(0, -4) + 'AAAA', 'GET', '/bookings')).status).toBe(401);

    const { key, secret } = await createApiKey(h.deps, SALON, null, { name: 'short-lived', scope: 'read' });
    expect((await call(secret, 'GET', '/services')).status).toBe(200);
    expect((await revokeApiKey(h.deps, SALON, key.id)).ok).toBe(true);
    expect((await call(secret, 'GET', '/services')).status).toBe(401);

    const denied = await call(salonRead, 'POST', '/bookings/x/cancel', {});
    expect(denied.status).toBe(403);
    expect(denied.body!.type).toBe('/api/v1/docs#problem-forbidden');
    expect((await call(salonRead, 'GET', '/staff')).status).toBe(200);
  });

  it('names each bad field in an RFC 9457 problem', async () => {
    const bad = await call(salonWrite, 'POST', '/bookings', { serviceId: 'salon-haircut-men', start: 'tomorrow', customer: { name: '' }, lang: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ status: 400, title: 'Bad request', instance: '/api/v1/bookings' });
    const fields = (bad.body!.errors as Array<{ field: string; pointer: string; in: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['start', 'customer.name', 'lang']));
    expect(bad.body!.errors.find((e: { field: string }) => e.field === 'customer.name')).toMatchObject({ in: 'body', pointer: '#/customer/name' });

    const q = await call(salonRead, 'GET', '/bookings?limit=0&status=confirmed,lost');
    expect(q.status).toBe(400);
    expect(q.body!.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['limit', 'status.1']));
    expect(q.body!.errors[0].in).toBe('query');

    const json = await call(salonWrite, 'POST', '/bookings', '{not json');
    expect(json.status).toBe(400);
    expect(json.body!.errors[0]).toMatchObject({ in: 'body', field: '(body)' });

    const unknownService = await call(salonRead, 'GET', '/availability?serviceId=nope&from=2026-03-04');
    expect(unknownService.status).toBe(404);
    expect(unknownService.body).toMatchObject({ code: 'SERVICE_NOT_FOUND', errors: [{ in: 'query', field: 'serviceId' }] });

    expect((await call(salonRead, 'GET', '/nothing-here')).status).toBe(404);
  });

  it('books, replays an Idempotency-Key, moves, marks and cancels through REST', async () => {
    const avail = await call(salonRead, 'GET', '/availability?serviceId=salon-haircut-men&from=2026-03-04&days=1');
    expect(avail.status).toBe(200);
    const [first, second] = avail.body!.slots as Array<{ start: string; staffId: string }>;
    const body = { serviceId: 'salon-haircut-men', staffId: first!.staffId, start: first!.start, customer: { name: 'Ирина', email: 'irina@example.com' }, lang: 'ru' };
    const made = await call(salonWrite, 'POST', '/bookings', body, { 'idempotency-key': 'crm-order-0001' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'confirmed', start: first!.start, customer: { name: 'Ирина', email: 'irina@example.com' } });
    const id = made.body!.id as string;
    // Made through the API: the `api` channel, on the booking and in the dashboard's breakdown.
    expect(made.body!.channel).toBe('api');
    const kpis = await dashboardKpis(h.deps, SALON, { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' });
    expect(kpis.ok && kpis.value.byChannel).toContainEqual({ channel: 'api', bookings: 1 });

    // The same key and body: the same booking, not a second one; another body: refused.
    const again = await call(salonWrite, 'POST', '/bookings', body, { 'idempotency-key': 'crm-order-0001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body!.id).toBe(id);
    const other = await call(salonWrite, 'POST', '/bookings', { ...body, note: 'changed' }, { 'idempotency-key': 'crm-order-0001' });
    expect(other.status).toBe(422);
    expect(other.body!.errors[0]).toMatchObject({ in: 'header', field: 'Idempotency-Key' });
    expect((await h.deps.db.select().from(bookings).where(eq(bookings.businessId, SALON))).filter((b) => b.status === 'confirmed')).toHaveLength(1);

    // The same time again, another key: taken, with alternatives and the field named.
    const taken = await call(salonWrite, 'POST', '/bookings', body, { 'idempotency-key': 'crm-order-0002' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'SLOT_TAKEN', errors: [{ field: 'start' }] });
    expect(taken.body!.alternatives.length).toBeGreaterThan(0);

    const got = await call(salonRead, 'GET', `/bookings/${id}`);
    expect(got.body).toEqual(made.body);

    const moved = await call(salonWrite, 'POST', `/bookings/${id}/reschedule`, { start: second!.start, staffId: second!.staffId });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id, start: second!.start, version: 1 });

    // Attendance is marked after the fact: before the start it is refused.
    const early = await call(salonWrite, 'POST', `/bookings/${id}/attendance`, { status: 'no_show' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'ATTENDANCE_TOO_EARLY' });
    const before = h.clock.now();
    h.clock.set(new Date(Date.parse(second!.start) + 60_000).toISOString());
    const marked = await call(salonWrite, 'POST', `/bookings/${id}/attendance`, { status: 'no_show' }).finally(() => h.clock.set(before.toISOString()));
    expect(marked.status).toBe(200);
    expect(marked.body!.status).toBe('no_show');
    // A visit is not cancellable: a 409 problem.
    const notActive = await call(salonWrite, 'POST', `/bookings/${id}/cancel`, {});
    expect(notActive.status).toBe(409);
    expect(notActive.body).toMatchObject({ code: 'BOOKING_NOT_ACTIVE', state: 'no_show' });

    const other2 = await book(h, { day: '2026-03-05', name: 'Олег' });
    const cancelled = await call(salonWrite, 'POST', `/bookings/${other2.booking.id}/cancel`, { reason: 'CRM: client called' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'CRM: client called' });
  });

  it('lists bookings with filters and cursor pages', async () => {
    for (let i = 0; i < 3; i++) await book(h, { day: '2026-03-06', index: i, name: `P${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(salonRead, 'GET', `/bookings?limit=2&from=2026-03-01T00:00:00Z${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...(res.body!.items as Array<{ id: string }>).map((b) => b.id));
      cursor = res.body!.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    const all = (await h.deps.db.select().from(bookings).where(eq(bookings.businessId, SALON))).filter((b) => b.status !== 'held');
    expect(seen.sort()).toEqual(all.map((b) => b.id).sort());
    expect(pages).toBe(Math.ceil(all.length / 2));
    const cancelled = await call(salonRead, 'GET', '/bookings?status=cancelled');
    expect((cancelled.body!.items as Array<{ status: string }>).every((b) => b.status === 'cancelled')).toBe(true);
    expect((await call(salonRead, 'GET', '/bookings?cursor=forged')).body!.errors[0]).toMatchObject({ in: 'query', field: 'cursor' });
  });

  it("walks every route with the salon's ids using the barber's key and sees nothing of the salon", async () => {
    const salonBooking = await book(h, { day: '2026-03-10', name: 'Анна Лаванда' });
    const sid = salonBooking.booking.id;
    const [salonCustomer] = await h.deps.db.select({ id: bookings.customerId }).from(bookings).where(eq(bookings.id, sid));
    const salonChat = await askForPerson(h, SALON_SITE, 'ru', 'Лаванда', 'Есть ли окно у Анны?');
    const [salonLead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, salonChat.conversationId));
    const walk: Record<string, [string, string, unknown?]> = {
      listBookings: ['GET', `/bookings?staffId=salon-anna&serviceId=salon-haircut-men&customerId=x`],
      getBooking: ['GET', `/bookings/${sid}`],
      createBooking: ['POST', '/bookings', { serviceId: 'salon-haircut-men', start: '2026-03-10T08:00:00Z', customer: { name: 'M', phone: '+1 718 555 0100' }, lang: 'en' }],
      rescheduleBooking: ['POST', `/bookings/${sid}/reschedule`, { start: '2026-03-11T08:00:00Z' }],
      cancelBooking: ['POST', `/bookings/${sid}/cancel`, {}],
      markAttendance: ['POST', `/bookings/${sid}/attendance`, { status: 'attended' }],
      getAvailability: ['GET', '/availability?serviceId=salon-haircut-men&staffId=salon-anna&from=2026-03-10'],
      listServices: ['GET', '/services'],
      listStaff: ['GET', '/staff'],
      listCustomers: ['GET', '/customers'],
      getCustomer: ['GET', `/customers/${salonCustomer!.id}`],
      exportCustomer: ['GET', `/customers/${salonCustomer!.id}/export`],
      eraseCustomer: ['POST', `/customers/${salonCustomer!.id}/erase`, {}],
      listLeads: ['GET', '/leads'],
      getLead: ['GET', `/leads/${salonLead!.id}`],
      listConversations: ['GET', '/conversations?status=waiting'],
      getConversation: ['GET', `/conversations/${salonChat.conversationId}`],
    };
    expect(Object.keys(walk).sort()).toEqual(routes.map((r) => r.operationId).sort());
    for (const [op, [method, path, body]] of Object.entries(walk)) {
      const res = await call(barberWrite, method, path, body);
      // Refused as unknown (never "forbidden", which would confirm the id exists), or an answer with none of the salon's data.
      expect([200, 404], `${op}: ${res.text}`).toContain(res.status);
      // (The ids sent may be echoed back in a message; the salon's own data may not appear.)
      expect(res.text, op).not.toMatch(/Лаванда|Смирнова|Анна|biz-salon|site-demo-salon|demo-salon|Europe\/Moscow|salon-maria|salon-olga/);
      if (res.status === 200 && op === 'listBookings') expect(res.body!.items).toEqual([]);
      if (res.status === 200 && op === 'listConversations') expect((res.body!.items as Array<{ id: string }>).map((c) => c.id)).not.toContain(salonChat.conversationId);
      if (res.status === 200 && op === 'listCustomers') expect((res.body!.items as Array<{ id: string }>).map((c) => c.id)).not.toContain(salonCustomer!.id);
    }
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, sid));
    expect(row!.status).toBe('confirmed');
    expect(row!.customerId).toBe(salonCustomer!.id);
    expect(await h.deps.db.select().from(customers).where(eq(customers.id, salonCustomer!.id!))).toHaveLength(1);
    expect(row!.startsAt.toISOString()).toBe(salonBooking.booking.start);
  });

  it("limits each key to its own requests per minute", async () => {
    const { secret } = await createApiKey(h.deps, BARBER, null, { name: 'tiny', scope: 'read', rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(secret, 'GET', '/services')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await call(secret, 'GET', '/services');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body!.type).toBe('/api/v1/docs#problem-rate-limited');
    // Another key of the same business is not affected.
    expect((await call(barberWrite, 'GET', '/services')).status).toBe(200);
    // The next minute, the key is served again.
    h.clock.advance(60_000);
    expect((await call(secret, 'GET', '/services')).status).toBe(200);
  });

  it('lists conversations newest first with filters and pages, and gets one with its transcript', async () => {
    const first = await askForPerson(h, BARBER_SITE, 'en', 'Kim', 'Do you do kids haircuts?');
    h.clock.advance(60_000);
    const second = await askForPerson(h, BARBER_SITE, 'en', 'Lee', 'Is there parking?');
    h.clock.advance(60_000);
    const page1 = await call(barberWrite, 'GET', '/conversations?limit=1');
    expect(page1.status).toBe(200);
    expect(page1.body!.items.map((c: { id: string }) => c.id)).toEqual([second.conversationId]);
    const page2 = await call(barberWrite, 'GET', `/conversations?limit=1&cursor=${page1.body!.nextCursor}`);
    expect(page2.body!.items.map((c: { id: string }) => c.id)).toEqual([first.conversationId]);
    expect(page1.body!.items[0]).toMatchObject({ status: 'waiting', channel: 'widget', lang: 'en', contact: { name: 'Lee', email: 'lee@example.com' }, outcome: 'handed_off' });
    expect(page1.body!.items[0].leadId).toEqual(expect.any(String));
    // The lead points back at its conversation.
    const lead = await call(barberWrite, 'GET', `/leads/${page1.body!.items[0].leadId}`);
    expect(lead.body!.conversationId).toBe(second.conversationId);

    const got = await call(salonRead, 'GET', `/conversations/${first.conversationId}`);
    expect(got.status).toBe(404);
    const one = await call(barberWrite, 'GET', `/conversations/${first.conversationId}`);
    expect(one.status).toBe(200);
    const texts = (one.body!.messages as Array<{ seq: number; from: string; text: string }>);
    expect(texts.map((m) => m.seq)).toEqual(texts.map((_, i) => i + 1));
    expect(texts).toContainEqual(expect.objectContaining({ from: 'visitor', text: 'Do you do kids haircuts?' }));
    expect(one.body!.messageCount).toBe(texts.length);

    expect((await call(barberWrite, 'GET', '/conversations?status=closed')).body!.items).toEqual([]);
    const bad = await call(barberWrite, 'GET', '/conversations?status=open&channel=fax');
    expect(bad.status).toBe(400);
    expect(bad.body!.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'status.0']);
  });

  it('compresses JSON answers above 1 KB as the client asks; small ones go as they are', async () => {
    const doc = await fetch(`${url}/api/v1/openapi.json`, { headers: { 'accept-encoding': 'br' } });
    expect(doc.headers.get('content-encoding')).toBe('br');
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
    const list = await fetch(`${url}/api/v1/services`, { headers: { authorization: `Bearer ${salonRead}`, 'accept-encoding': 'gzip' } });
    expect(list.headers.get('content-encoding')).toBe('gzip');
    expect(list.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(((await list.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const small = await fetch(`${url}/api/v1/staff`, { headers: { authorization: `Bearer ${barberWrite}`, 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it("exports one customer's data and erases it (write scope); then the customer is gone", async () => {
    const made = await book(h, { day: '2026-03-12', name: 'Тамара Erase', email: 'tamara@example.com' });
    const [b] = await h.deps.db.select({ customerId: bookings.customerId }).from(bookings).where(eq(bookings.id, made.booking.id));
    const id = b!.customerId!;
    const exported = await call(salonRead, 'GET', `/customers/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body!.customers).toContainEqual(expect.objectContaining({ id, name: 'Тамара Erase', email: 'tamara@example.com' }));
    expect(exported.body!.bookings.map((x: { id: string }) => x.id)).toContain(made.booking.id);

    const readOnly = await call(salonRead, 'POST', `/customers/${id}/erase`, {});
    expect(readOnly.status).toBe(403);
    const erased = await call(salonWrite, 'POST', `/customers/${id}/erase`, {});
    expect(erased.status).toBe(200);
    expect(erased.body!.erased).toMatchObject({ customers: expect.any(Number), bookingsCancelled: 1 });
    expect(erased.body!.erased.customers).toBeGreaterThanOrEqual(1);
    // The future booking is cancelled through the store; the person is gone everywhere the API shows.
    expect((await call(salonRead, 'GET', `/bookings/${made.booking.id}`)).body).toMatchObject({ status: 'cancelled', customer: null });
    for (const path of [`/customers/${id}`, `/customers/${id}/export`]) {
      const gone = await call(salonRead, 'GET', path);
      expect(gone.status, path).toBe(404);
      expect(gone.body!.errors[0]).toMatchObject({ in: 'path', field: 'id' });
    }
    expect((await call(salonWrite, 'POST', `/customers/${id}/erase`, {})).status).toBe(404);
    expect((await call(salonRead, 'GET', '/customers?limit=200')).text).not.toContain('Тамара');
  });
});
