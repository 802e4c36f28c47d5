/**
 * One person's data, exported and erased (issue 13; REST exposes the same in issue 15), on PGlite
 * and PostgreSQL. The person leaves traces every way the product can take them: a booking in the
 * chat, a booking with a note through the API, a chat hand-off answered by staff, an old-form
 * hand-off answered by e-mail, a "my booking" code, webhook bodies, an idempotent REST answer.
 * After the erase no text or JSON column of any table holds their name, e-mail or phone; the
 * business's figures (bookings, events, hand-off SLA) stay; another customer is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiIdempotency, apiKeys, bookings, businesses, conversations, customers, events, handoffs, users } from '../src/adapters/db/schema.js';
import { queryRows } from '../src/adapters/db/client.js';
import { replyToHandoff } from '../src/services/console/inbox.js';
import type { ConsoleSession } from '../src/services/console/sessions.js';
import { requestHandoff } from '../src/services/handoff.js';
import { exportCustomer } from '../src/services/privacy/export.js';
import { eraseConversation, eraseCustomer } from '../src/services/privacy/erase.js';
import { createEndpoint } from '../src/services/webhooks/endpoints.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor } from './support/visitor.js';
import { consoleFailure, ownerOf, signIn, staffAccount } from './support/console.js';
import { openSse } from './support/sse.js';
import { createMemoryBus } from '../src/adapters/bus/memory.js';

const BARBER = 'demo-barber-nyc';
const BIZ = 'biz-barber-nyc';
const ORIGIN = 'http://localhost:8080';
const DAY = 86_400_000;

/** Every text and JSON column of every table: where any of the needles still appears. */
async function traces(h: Harness, needles: string[]): Promise<string[]> {
  const cols = await queryRows<{ table_name: string; column_name: string }>(
    h.deps.db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'jsonb', 'json', 'character varying')
        ORDER BY table_name, column_name`,
  );
  const found: string[] = [];
  for (const c of cols) {
    for (const n of needles) {
      const [r] = await queryRows<{ n: number }>(
        h.deps.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(c.table_name)} WHERE position(${n.toLowerCase()} in lower(${sql.identifier(c.column_name)}::text)) > 0`,
      );
      if (r!.n > 0) found.push(`${c.table_name}.${c.column_name} ∋ ${n} (${r!.n})`);
    }
  }
  return found;
}

describe.each(dbKinds)('privacy: export and erase one person on %s', (kind) => {
  let h: Harness;
  let session: ConsoleSession;
  const name = `Zoë Erasova-${kind}`;
  const email = `zoe.erase.${kind}@example.com`;
  const phone = '+1 555 010 0199';

  beforeAll(async () => {
    h = await createHarness(kind);
    await h.deps.db.update(businesses).set({ notifyEmail: 'desk@barber.example' }).where(eq(businesses.id, BIZ));
    const [owner] = await h.deps.db.select().from(users).where(and(eq(users.businessId, BIZ), eq(users.role, 'owner')));
    session = { sessionHash: 'x', userId: owner!.id, businessId: BIZ, role: 'owner', staffId: null, email: owner!.email, name: owner!.name, lang: 'en', csrfToken: 'x' };
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exports everything about the person, then erases it from every table while the figures stay', async () => {
    // Webhooks copy customers into their bodies; loopback is refused at delivery, so nothing leaves.
    h.deps.webhooksAllowPrivate = true;
    expect((await createEndpoint(h.deps, BIZ, { url: 'http://127.0.0.1:9/hook', events: ['booking.created', 'booking.cancelled', 'lead.created', 'handoff.created'] })).ok).toBe(true);
    h.deps.webhooksAllowPrivate = false;

    // A booking through the API with a note, already past when the erase comes.
    const past = await book(h, { siteKey: BARBER, serviceId: 'barber-haircut', day: '2026-03-03', name, email, lang: 'en' });
    // Someone else, who must keep everything.
    const bob = await book(h, { siteKey: BARBER, serviceId: 'barber-haircut', day: '2026-03-12', name: 'Bob Keeper', email: 'bob.keeper@example.com', lang: 'en' });
    h.clock.advance(3 * DAY);

    // A booking in the chat, still ahead.
    const chat = visitor(h, BARBER, 'en', { origin: ORIGIN, source: { url: `${ORIGIN}/barber?ref=${encodeURIComponent(email)}` } });
    await chat.send({ type: 'choose', optionId: 'intent:book' });
    await chat.send({ type: 'choose', optionId: chat.option('Beard trim') });
    await chat.send({ type: 'choose', optionId: chat.option('Anyone') });
    const p = chat.view.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    await chat.send({ type: 'choose', optionId: p.slots[0]!.id });
    await chat.send({ type: 'contact', name, contact: email, consent: true });
    const card = chat.view.messages.at(-1)!.card;
    if (card?.kind !== 'booking') throw new Error('no booking card');

    // A hand-off in the chat, answered by staff.
    const talk = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await talk.send({ type: 'choose', optionId: 'intent:human' });
    await talk.send({ type: 'text', text: `Can you call me on ${phone}? My dog is called Rex.` });
    await talk.send({ type: 'contact', name, contact: phone, consent: true });
    const hcard = talk.view.messages.find((m) => m.card?.kind === 'handoff')!.card!;
    if (hcard.kind !== 'handoff') throw new Error();
    expect((await replyToHandoff(h.deps, session, hcard.handoffId, `Hi ${name}, Rex is welcome`)).ok).toBe(true);

    // The old form, answered by e-mail.
    const form = await requestHandoff(h.deps, { siteKey: BARBER, message: 'Do you open on Sundays?', contact: { name, email }, lang: 'en' }, ORIGIN);
    if (!form.ok) throw new Error(form.message);
    expect((await replyToHandoff(h.deps, session, form.value.id, 'Not yet.')).ok).toBe(true);

    // "My booking" with a code, in another browser.
    const mine = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await mine.send({ type: 'choose', optionId: 'intent:my_booking' });
    await mine.send({ type: 'contact', contact: email, consent: false });
    expect(mine.view.prompt.kind).toBe('code');

    // An idempotent REST answer that quoted the customer.
    await h.deps.db.insert(apiKeys).values({ id: `k${kind}`, businessId: BIZ, name: 'CRM', scope: 'write', secretHash: 'h', createdAt: h.clock.now() });
    await h.deps.db.insert(apiIdempotency).values({ apiKeyId: `k${kind}`, key: 'idem-1', requestHash: 'r', status: 201, body: { booking: { customer: { name, email, phone } } }, createdAt: h.clock.now() });

    await runNow(jobDeps(h, 'outbox'), h);
    const before = await traces(h, [name, email, phone]);
    expect(before.length).toBeGreaterThan(10);

    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, card.bookingId));
    const customerId = row!.customerId!;
    const exported = await exportCustomer(h.deps.db, BIZ, customerId, h.clock.now());
    if (!exported.ok) throw new Error(exported.message);
    const x = exported.value;
    // Both customer rows of the person (one per booking), found by their e-mail.
    expect(x.customers.map((c) => c.email)).toEqual([email, email]);
    expect(x.bookings.map((b) => b.id).sort()).toEqual([past.booking.id, card.bookingId].sort());
    expect(x.bookings.every((b) => b.service && b.staff)).toBe(true);
    // The booking chat, and the "my booking" chat that typed their e-mail (before any consent).
    expect(x.conversations.map((c) => c.id).sort()).toEqual([chat.view.conversationId, mine.view.conversationId].sort());
    expect(x.conversations.every((c) => c.messages.some((m) => m.from === 'visitor'))).toBe(true);
    expect(x.leads).toHaveLength(1);
    expect(x.handoffs.map((hh) => hh.message)).toEqual(['Do you open on Sundays?']);
    expect(x.handoffs[0]!.replies.map((r) => r.body)).toEqual(['Not yet.']);
    expect(x.consents).toHaveLength(1);
    expect(x.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['booking_made', 'lead_created']));
    expect(JSON.stringify(x)).not.toContain('Bob Keeper');

    // The chat hand-off left a phone only: the owner reaches it from that customer's phone too.
    const eventsBefore = (await h.deps.db.select().from(events).where(eq(events.businessId, BIZ))).length;
    const erased = await eraseCustomer(h.deps.db, BIZ, customerId, h.clock.now(), { actor: { by: 'staff', userId: session.userId } });
    if (!erased.ok) throw new Error(erased.message);
    expect(erased.value.erased).toMatchObject({ customers: 2, bookingsCancelled: 1, bookingsKept: 2, leads: 1 });

    // The cancellation goes out as usual: staff are told, the visitor's own mail has no address.
    await runNow(jobDeps(h, 'outbox'), h);
    const [cancelled] = await h.deps.db.select().from(bookings).where(eq(bookings.id, card.bookingId));
    expect(cancelled).toMatchObject({ status: 'cancelled', customerId: null });
    const [kept] = await h.deps.db.select().from(bookings).where(eq(bookings.id, past.booking.id));
    expect(kept).toMatchObject({ status: 'confirmed', customerId: null, note: null });

    // The chat's e-mail customer is gone; its phone-only hand-off is reached by the phone.
    const byPhone = await h.deps.db.select().from(conversations).where(eq(conversations.contactPhone, phone));
    expect(byPhone).toHaveLength(1);
    const [phoneLead] = await h.deps.db.select({ id: customers.id }).from(customers).where(eq(customers.phone, phone));
    expect(phoneLead).toBeUndefined();
    const talkRow = (await h.deps.db.select().from(conversations).where(eq(conversations.id, talk.view.conversationId)))[0]!;
    // The chat hand-off with only a phone is another person to the database: erased by the conversation (the chat's "delete my data").
    expect((await eraseConversation(h.deps.db, BIZ, talkRow.id, h.clock.now())).ok).toBe(true);

    expect(await traces(h, [name, email, phone])).toEqual([]);

    // The figures stay: events are kept (the cancellation added its own), hand-offs keep their SLA times.
    expect((await h.deps.db.select().from(events).where(eq(events.businessId, BIZ))).length).toBeGreaterThan(eventsBefore);
    const hs = await h.deps.db.select().from(handoffs).where(eq(handoffs.id, form.value.id));
    expect(hs[0]).toMatchObject({ contactName: '', contactEmail: null, message: '' });
    expect(hs[0]!.firstReplyAt).not.toBeNull();
    const conv = (await h.deps.db.select().from(conversations).where(eq(conversations.id, chat.view.conversationId)))[0]!;
    expect(conv).toMatchObject({ outcome: 'booked', contactEmail: null, status: 'closed' });

    // The visitor's stored id no longer opens the conversation.
    await expect(h.caller(ORIGIN).conversation.get({ conversationId: chat.view.conversationId, token: chat.view.token, after: 0 })).rejects.toThrow();

    // Bob is untouched; the erased customer is no longer found.
    const [b] = await h.deps.db.select().from(bookings).where(eq(bookings.id, bob.booking.id));
    const [bc] = await h.deps.db.select().from(customers).where(eq(customers.id, b!.customerId!));
    expect(bc).toMatchObject({ name: 'Bob Keeper', email: 'bob.keeper@example.com' });
    expect(await traces(h, ['Bob Keeper'])).not.toEqual([]);
    const again = await exportCustomer(h.deps.db, BIZ, customerId, h.clock.now());
    expect(again.ok ? 'found' : again.reason).toBe('CUSTOMER_NOT_FOUND');
  });

  it('console: the owner finds a client, downloads their data and erases it; an open chat of theirs ends at once; staff may not', async () => {
    h.deps.bus = createMemoryBus();
    const { url } = await h.http({ streams: { heartbeatMs: 60_000 } });
    const owner = await signIn(url, ownerOf(BARBER));
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await v.send({ type: 'choose', optionId: 'intent:book' });
    await v.send({ type: 'choose', optionId: v.option('Beard trim') });
    await v.send({ type: 'choose', optionId: v.option('Anyone') });
    const p = v.view.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    await v.send({ type: 'choose', optionId: p.slots[0]!.id });
    await v.send({ type: 'contact', name: 'Quinn Console', contact: `quinn.${kind}@example.com`, consent: true });
    const stream = await openSse(`${url}/conversations/${v.view.conversationId}/stream?token=${v.view.token}&after=${v.view.seq}`, { origin: ORIGIN });
    await stream.next((f) => f.event === 'status');

    expect(await owner.client.privacy.find.query({ query: 'q' })).toEqual([]);
    const hits = await owner.client.privacy.find.query({ query: 'QUINN' });
    expect(hits).toEqual([expect.objectContaining({ name: 'Quinn Console', email: `quinn.${kind}@example.com`, bookings: 1 })]);
    const x = await owner.client.privacy.export.query({ customerId: hits[0]!.customerId });
    expect(x.bookings).toHaveLength(1);
    expect(x.conversations[0]!.id).toBe(v.view.conversationId);

    const staff = await signIn(url, staffAccount('barber-marcus', BARBER));
    expect((await consoleFailure(staff.client.privacy.erase.mutate({ customerId: hits[0]!.customerId }))).code).toBe('FORBIDDEN');
    expect((await consoleFailure(owner.client.privacy.erase.mutate({ customerId: 'nobody' }))).code).toBe('NOT_FOUND');

    const erased = await owner.client.privacy.erase.mutate({ customerId: hits[0]!.customerId });
    expect(erased).toMatchObject({ customers: 1, bookingsCancelled: 1, conversations: 1 });
    await stream.next((f) => f.event === 'gone');
    stream.close();
    expect(await owner.client.privacy.find.query({ query: 'quinn' })).toEqual([]);
  });

  it('manage page: "Delete my data" asks first, then erases that booking’s client (not others who share the e-mail)', async () => {
    const { url } = await h.http();
    const shared = `shared.${kind}@example.com`;
    const mine = await book(h, { siteKey: BARBER, serviceId: 'barber-haircut', day: '2026-03-16', name: 'Pat Manage', email: shared, lang: 'en' });
    // Someone else booked with the same address: the link proves only its own booking.
    const other = await book(h, { siteKey: BARBER, serviceId: 'barber-haircut', day: '2026-03-17', name: 'Other Typist', email: shared, lang: 'en' });
    const token = encodeURIComponent(mine.manageToken);
    const pageHtml = await (await fetch(`${url}/manage?token=${token}&lang=en`)).text();
    expect(pageHtml).toContain('Delete my data');
    expect(pageHtml).not.toContain('action="/manage/erase"');
    const asked = await (await fetch(`${url}/manage?token=${token}&lang=ru&ask=erase`)).text();
    expect(asked).toContain('action="/manage/erase"');
    expect(asked).toContain('Да, удалить мои данные');

    const res = await fetch(`${url}/manage/erase`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}&lang=hy` });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Ձեր տվյալները ջնջված են։');
    const [b] = await h.deps.db.select().from(bookings).where(eq(bookings.id, mine.booking.id));
    expect(b).toMatchObject({ status: 'cancelled', customerId: null });
    expect(await traces(h, ['Pat Manage'])).toEqual([]);
    const [o] = await h.deps.db.select().from(bookings).where(eq(bookings.id, other.booking.id));
    expect(o).toMatchObject({ status: 'confirmed' });
    expect((await h.deps.db.select().from(customers).where(eq(customers.id, o!.customerId!)))[0]).toMatchObject({ name: 'Other Typist' });
    // A second post (another tab) finds nothing left and says so kindly; a forged token is refused.
    expect((await fetch(`${url}/manage/erase`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}&lang=en` })).status).toBe(200);
    expect((await fetch(`${url}/manage/erase`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=forged.x&lang=en' })).status).toBe(403);
  });

  it('another business cannot export or erase this one’s customer', async () => {
    const made = await book(h, { siteKey: BARBER, serviceId: 'barber-haircut', day: '2026-03-13', name: 'Cross Tenant', email: 'cross@example.com', lang: 'en' });
    const [b] = await h.deps.db.select().from(bookings).where(eq(bookings.id, made.booking.id));
    const r1 = await exportCustomer(h.deps.db, 'biz-salon-spb', b!.customerId!, h.clock.now());
    const r2 = await eraseCustomer(h.deps.db, 'biz-salon-spb', b!.customerId!, h.clock.now());
    expect([r1.ok, r2.ok]).toEqual([false, false]);
    expect((await h.deps.db.select().from(customers).where(eq(customers.id, b!.customerId!))).length).toBe(1);
  });
});
