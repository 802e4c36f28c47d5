/**
 * Outbound webhooks end to end: a receiver on loopback gets a signed `booking.created` that
 * verifies with the `standardwebhooks` library (and a tampered one does not); a receiver that is
 * down for a while then gets every event exactly once per webhook-id, in order; a private-address
 * URL is refused without the flag; an endpoint failing for a day is turned off and the owner told;
 * "resend" sends the same webhook-id again. Time is the harness clock; the job runner is driven by hand.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jobs, webhookDeliveries, webhookEndpoints } from '../src/adapters/db/schema.js';
import { createEndpoint, listDeliveries, redeliver, sendTestEvent, updateEndpoint } from '../src/services/webhooks/endpoints.js';
import { rescheduleByStaff, cancelByStaff } from '../src/services/console/desk.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { dbKinds } from './support/db.js';
import { book, freeStart } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { ownerOf, signIn } from './support/console.js';

const SALON = 'biz-salon-spb';
const BARBER = 'biz-barber-nyc';

interface Received {
  headers: Record<string, string>;
  body: string;
  /** The harness clock when it arrived (webhook-timestamp is the attempt's time). */
  at: Date;
}

/** A webhook receiver on 127.0.0.1 that answers `status()` (200 = accepted and recorded). */
async function receiver(status: () => number, clock: () => Date) {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const code = status();
      if (code >= 200 && code < 300) got.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), at: clock() });
      res.writeHead(code).end(code < 300 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Verifies with the library, its clock set to the harness's (it refuses timestamps 5 min off). */
function verify(secret: string, r: Received, now: Date): unknown {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return new Webhook(secret).verify(r.body, r.headers);
  } finally {
    vi.useRealTimers();
  }
}

describe.each(dbKinds)('webhooks on %s', (kind) => {
  let h: Harness;
  let jd: JobDeps;
  beforeAll(async () => {
    h = await createHarness(kind);
    h.deps.webhooksAllowPrivate = true;
    jd = jobDeps(h, 'outbox');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a loopback receiver gets a signed booking.created that verifies; a tampered one does not', async () => {
    const rx = await receiver(() => 200, () => h.clock.now());
    const ep = await createEndpoint(h.deps, SALON, { url: rx.url, events: ['booking.created', 'booking.cancelled'] });
    expect(ep.ok).toBe(true);
    if (!ep.ok) return;
    const done = await book(h, { day: '2026-03-04', name: 'Вера', email: 'vera@example.com' });
    // Written with the booking: the delivery and its job exist before any worker ran.
    const [d] = await h.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ep.value.id));
    expect(d).toMatchObject({ eventType: 'booking.created', status: 'pending', orderKey: done.booking.id });
    await runNow(jd, h);
    expect(rx.got).toHaveLength(1);
    const msg = rx.got[0]!;
    expect(msg.headers['webhook-id']).toBe(d!.id);
    const payload = verify(ep.value.secret, msg, h.clock.now()) as { type: string; data: { booking: { id: string; customer: { name: string } } } };
    expect(payload.type).toBe('booking.created');
    expect(payload.data.booking).toMatchObject({ id: done.booking.id, status: 'confirmed', customer: { name: 'Вера' } });
    // Tampered body, or the right body under another secret: refused.
    expect(() => verify(ep.value.secret, { ...msg, body: msg.body.replace('Вера', 'Мэлори') }, h.clock.now())).toThrow();
    expect(() => verify('whsec_' + Buffer.from('another secret, 24 bytes!').toString('base64'), msg, h.clock.now())).toThrow();
    const [row] = await h.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d!.id));
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    // Another business's booking is not sent here.
    await book(h, { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', day: '2026-03-04', name: 'Sam', email: 'sam@example.com' });
    await runNow(jd, h);
    expect(rx.got).toHaveLength(1);
    await updateEndpoint(h.deps, SALON, { id: ep.value.id, active: false });
    await rx.close();
  });

  it('a receiver down for a while gets every event exactly once per webhook-id, in order', async () => {
    let up = false;
    const rx = await receiver(() => (up ? 200 : 503), () => h.clock.now());
    const ep = await createEndpoint(h.deps, SALON, { url: rx.url, events: ['booking.created', 'booking.rescheduled', 'booking.cancelled'] });
    if (!ep.ok) throw new Error(ep.message);
    const done = await book(h, { day: '2026-03-05', name: 'Олег' });
    await runNow(jd, h);
    const staffId = done.booking.staffId;
    const moved = await rescheduleByStaff(h.deps, SALON, 'u-test', 'ru', { bookingId: done.booking.id, startsAt: new Date(await freeStart(h, staffId, '2026-03-06')) });
    expect(moved.ok).toBe(true);
    await runNow(jd, h);
    expect((await cancelByStaff(h.deps, SALON, 'u-test', 'ru', { bookingId: done.booking.id })).ok).toBe(true);
    await runNow(jd, h);
    // An hour of failures: backoff, and the later messages wait for the first.
    for (let m = 0; m < 60; m += 5) {
      h.clock.advance(5 * 60_000);
      await runNow(jd, h);
    }
    const pending = await h.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ep.value.id));
    expect(pending.every((d) => d.status === 'pending')).toBe(true);
    expect(pending.find((d) => d.eventType === 'booking.created')!.attempts).toBeGreaterThan(3);
    // Only the first message was tried: the others wait for it.
    expect(pending.filter((d) => d.eventType !== 'booking.created').every((d) => d.attempts === 0)).toBe(true);
    expect(rx.got).toHaveLength(0);

    up = true;
    for (let m = 0; m < 6 * 60; m += 10) {
      h.clock.advance(10 * 60_000);
      await runNow(jd, h);
    }
    const types = rx.got.map((r) => (JSON.parse(r.body) as { type: string }).type);
    expect(types).toEqual(['booking.created', 'booking.rescheduled', 'booking.cancelled']);
    const ids = rx.got.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(3);
    for (const r of rx.got) expect(() => verify(ep.value.secret, r, r.at)).not.toThrow();
    // Each message exactly once, and the log says so.
    const log = await listDeliveries(h.deps, SALON, { endpointId: ep.value.id });
    expect(log.ok && log.value.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);

    // "Resend" sends the same webhook-id and body again (receivers de-duplicate on it).
    const first = pending.find((d) => d.eventType === 'booking.created')!;
    expect((await redeliver(h.deps, SALON, first.id)).ok).toBe(true);
    expect((await redeliver(h.deps, BARBER, first.id)).ok).toBe(false);
    await runNow(jd, h);
    expect(rx.got).toHaveLength(4);
    expect(rx.got[3]!.headers['webhook-id']).toBe(first.id);
    expect(rx.got[3]!.body).toBe(rx.got[0]!.body);

    // "Send test event".
    const test = await sendTestEvent(h.deps, SALON, ep.value.id);
    expect(test.ok).toBe(true);
    await runNow(jd, h);
    expect(JSON.parse(rx.got[4]!.body)).toMatchObject({ type: 'webhook.test' });
    await updateEndpoint(h.deps, SALON, { id: ep.value.id, active: false });
    await rx.close();
  });

  it('a conversation sends its events: lead.created and handoff.requested when a visitor asks for a person, handoff.replied when staff answer', async () => {
    const rx = await receiver(() => 200, () => h.clock.now());
    const ep = await createEndpoint(h.deps, BARBER, { url: rx.url, events: ['lead.created', 'lead.updated', 'handoff.requested', 'handoff.replied'] });
    if (!ep.ok) throw new Error(ep.message);
    const api = h.caller();
    let v = await api.conversation.send({ siteKey: 'demo-barber-nyc', lang: 'en', after: 0, event: { type: 'choose', optionId: 'intent:human' } });
    v = await api.conversation.send({ siteKey: 'demo-barber-nyc', conversationId: v.conversationId, token: v.token, lang: 'en', after: v.seq, event: { type: 'text', text: 'Do you do beard dyeing?' } });
    v = await api.conversation.send({ siteKey: 'demo-barber-nyc', conversationId: v.conversationId, token: v.token, lang: 'en', after: v.seq, event: { type: 'contact', name: 'Robin', contact: 'robin@example.com', consent: true } });
    await runNow(jd, h);
    const sent = () => rx.got.map((r) => verify(ep.value.secret, r, r.at) as { type: string; data: Record<string, any> });
    const first = sent();
    expect(first.map((p) => p.type).sort()).toEqual(['handoff.requested', 'lead.created']);
    const lead = first.find((p) => p.type === 'lead.created')!.data;
    expect(lead).toMatchObject({ conversationId: v.conversationId, lead: { name: 'Robin', email: 'robin@example.com', conversationId: v.conversationId } });
    const handoff = first.find((p) => p.type === 'handoff.requested')!.data;
    expect(handoff).toMatchObject({ conversationId: v.conversationId, handoff: { status: 'open', contact: { name: 'Robin', email: 'robin@example.com' } } });

    const owner = await signIn((await h.http()).url, ownerOf('demo-barber-nyc'));
    await owner.client.inbox.reply.mutate({ id: handoff.handoff.id as string, body: 'Yes, we do: $20.' });
    await runNow(jd, h);
    const replied = sent().slice(2);
    expect(replied.map((p) => p.type)).toEqual(['handoff.replied']);
    expect(replied[0]!.data).toMatchObject({ conversationId: v.conversationId, handoff: { id: handoff.handoff.id, status: 'claimed' } });
    await updateEndpoint(h.deps, BARBER, { id: ep.value.id, active: false });
    await rx.close();
  });

  it('refuses private and loopback URLs without the flag, when saved and when sent', async () => {
    h.deps.webhooksAllowPrivate = false;
    try {
      for (const url of ['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://10.0.0.5/hook', 'http://169.254.169.254/latest', 'http://[::1]:9/', 'http://[::ffff:127.0.0.1]/', 'ftp://example.com/', 'http://user:pw@example.com/']) {
        const r = await createEndpoint(h.deps, SALON, { url, events: ['booking.created'] });
        expect(r.ok, url).toBe(false);
        if (!r.ok) expect(r.details?.field, url).toBe('url');
      }
    } finally {
      h.deps.webhooksAllowPrivate = true;
    }
    // Saved while allowed, sent while not: refused before any connection.
    let hits = 0;
    const rx = await receiver(() => {
      hits++;
      return 200;
    }, () => h.clock.now());
    const ep = await createEndpoint(h.deps, SALON, { url: rx.url, events: ['booking.created'] });
    if (!ep.ok) throw new Error(ep.message);
    await book(h, { day: '2026-03-10', name: 'Ира' });
    const strict = { ...jd, webhooksAllowPrivate: false };
    await runNow(strict, h);
    expect(hits).toBe(0);
    const [d] = await h.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ep.value.id));
    expect(d!.lastError).toMatch(/private, loopback or reserved/);
    await updateEndpoint(h.deps, SALON, { id: ep.value.id, active: false });
    await rx.close();
  });

  it('an endpoint failing for more than a day is turned off and the owner is e-mailed', async () => {
    const rx = await receiver(() => 500, () => h.clock.now());
    const ep = await createEndpoint(h.deps, BARBER, { url: rx.url, events: ['booking.created'] });
    if (!ep.ok) throw new Error(ep.message);
    await book(h, { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', day: '2026-03-12', name: 'Al', email: 'al@example.com' });
    for (let hour = 0; hour < 27; hour++) {
      await runNow(jd, h);
      h.clock.advance(3_600_000);
    }
    await runNow(jd, h);
    const [row] = await h.deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.value.id));
    expect(row).toMatchObject({ active: false, disabledReason: 'failing for more than a day' });
    const [d] = await h.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ep.value.id));
    expect(d!.status).toBe('failed');
    // Backoff: 30 s doubling to an hour over 25 h is about 30 attempts, not hundreds.
    expect(d!.attempts).toBeGreaterThan(20);
    expect(d!.attempts).toBeLessThan(40);
    const mails = await h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'console.mail')));
    expect(mails.some((m) => String(m.payload.dedupeKey).startsWith(`webhook-off:${ep.value.id}`))).toBe(true);
    await rx.close();
  });
});
