/**
 * The HTTP surface: real requests to the Express app on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';

describe.each(dbKinds)('HTTP on %s', (kind) => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    url = (await h.http()).url;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GET /healthz answers 200', async () => {
    const r = await fetch(`${url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
  });

  it('books end to end through the tRPC client, and serves the .ics by manage token', async () => {
    const client = (await h.http()).client('http://localhost:8080');
    const site = await client.site.get.query({ siteKey: SALON, lang: 'en' });
    expect(site.business.currency).toBe('RUB');
    const { slots } = await client.slots.find.query({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-03', days: 1 });
    const hold = await client.booking.hold.mutate({ siteKey: SALON, serviceId: 'salon-haircut-men', start: slots[0]!.start });
    const done = await client.booking.confirm.mutate({
      holdToken: hold.holdToken,
      customer: { name: 'Pat', email: 'pat@example.com' },
      consent: true,
      lang: 'en',
      idempotencyKey: 'http-test-0001',
    });
    expect(done.booking.status).toBe('confirmed');
    const ics = await fetch(`${url}/booking.ics?token=${encodeURIComponent(done.manageToken)}`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:${done.booking.id}@frontdesk`);
    expect((await fetch(`${url}/booking.ics?token=forged.token`)).status).toBe(403);
  });

  it('serves every other public procedure over HTTP: manage, quote, chat, handoff', async () => {
    const client = (await h.http()).client('http://127.0.0.1:5500');
    const { slots } = await client.slots.find.query({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'salon-olga', from: '2026-03-04', days: 1 });
    const hold = await client.booking.hold.mutate({ siteKey: SALON, serviceId: 'salon-haircut-women', staffId: 'salon-olga', start: slots[0]!.start });
    const done = await client.booking.confirm.mutate({
      holdToken: hold.holdToken,
      customer: { name: 'Олег', phone: '+7 921 000-00-00' },
      consent: true,
      lang: 'ru',
      idempotencyKey: 'http-test-0002',
    });
    const got = await client.booking.get.query({ manageToken: done.manageToken, lang: 'en' });
    expect(got.booking.serviceName).toBe("Women's haircut");
    const moved = await client.booking.reschedule.mutate({ manageToken: done.manageToken, start: slots[4]!.start });
    expect(moved.booking).toMatchObject({ start: slots[4]!.start, version: 1 });
    expect((await client.booking.cancel.mutate({ manageToken: done.manageToken })).booking.status).toBe('cancelled');
    const q = await client.quote.evaluate.mutate({ siteKey: SALON, treeId: 'haircut', answers: {}, lang: 'ru' });
    expect(q.kind).toBe('question');
    const chat = await client.chat.interpret.mutate({ siteKey: SALON, text: 'сколько стоит стрижка?', lang: 'ru' });
    expect(chat.intent).toBe('prices');
    const hand = await client.handoff.request.mutate({ siteKey: SALON, message: 'Позвоните мне', contact: { name: 'Олег', phone: '+79210000000' }, lang: 'ru' });
    expect(Date.parse(hand.expectedReplyBy)).toBeGreaterThan(Date.parse('2026-03-02T06:00:00Z'));
  });

  it('maps service failures to HTTP statuses with the reason and alternatives, without stack traces', async () => {
    const res = await fetch(`${url}/trpc/site.get?input=${encodeURIComponent(JSON.stringify({ siteKey: 'missing' }))}`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toMatch(/stack|at .*\.ts:\d+/);
    expect(JSON.parse(body).error.data.reason).toBe('SITE_NOT_FOUND');

    const client = (await h.http()).client();
    const e = await failureOf(client.booking.hold.mutate({ siteKey: SALON, serviceId: 'salon-haircut-men', start: '2026-03-03T01:00:00Z' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.data.httpStatus).toBe(409);
    expect(Array.isArray(e.data.alternatives)).toBe(true);
  });

  it('answers 400 naming the fields for invalid input, and for malformed JSON', async () => {
    const res = await fetch(`${url}/trpc/booking.hold`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: SALON, serviceId: 'x', start: 'tomorrow' }),
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { data: { fields: unknown } } };
    expect(json.error.data.fields).toEqual([expect.objectContaining({ path: 'start' })]);
    const broken = await fetch(`${url}/trpc/booking.hold`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"siteKey":' });
    expect(broken.status).toBe(400);
    const wrongType = await fetch(`${url}/trpc/booking.hold`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2,3]' });
    expect(wrongType.status).toBe(400);
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await fetch(`${url}/trpc/booking.confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'x'.repeat(200 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('CORS: allows only origins some site lists, and each site only its own', async () => {
    const pre = (origin: string) =>
      fetch(`${url}/trpc/site.get`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' },
      });
    const ok = await pre('http://localhost:8080');
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const evil = await pre('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    // A direct (non-preflighted) call with a foreign Origin is refused by the procedure itself.
    const res = await fetch(`${url}/trpc/site.get?input=${encodeURIComponent(JSON.stringify({ siteKey: SALON }))}`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
  });

  it('CORS: every tRPC answer says Vary: Origin — allowed, foreign or no origin, one call or a batch', async () => {
    const one = `${url}/trpc/site.get?input=${encodeURIComponent(JSON.stringify({ siteKey: SALON }))}`;
    const batch = `${url}/trpc/site.get,site.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { siteKey: SALON }, 1: { siteKey: SALON } }))}`;
    for (const target of [one, batch]) {
      for (const origin of ['http://localhost:8080', 'https://evil.example', undefined]) {
        const res = await fetch(target, { headers: origin ? { origin } : {} });
        const vary = (res.headers.get('vary') ?? '').split(',').map((f) => f.trim().toLowerCase());
        expect(vary, `${target} from ${origin}`).toEqual(expect.arrayContaining(['origin', 'trpc-accept', 'accept']));
        expect(res.headers.get('access-control-allow-origin'), `${target} from ${origin}`).toBe(origin === 'http://localhost:8080' ? origin : null);
      }
    }
  });

  it('answers 404 for unknown paths and procedures', async () => {
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await fetch(`${url}/trpc/nope.nothing`)).status).toBe(404);
  });
});
