/**
 * Live push over real HTTP: the visitor's SSE stream (token auth, origin rule, resume with
 * Last-Event-ID, heartbeat, proxy headers) and the console's (session auth, business scope).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../src/adapters/bus/memory.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor, type Visitor } from './support/visitor.js';
import { messageFrames, openSse } from './support/sse.js';
import { ownerOf, signIn } from './support/console.js';

const BARBER = 'demo-barber-nyc';
const ORIGIN = 'http://localhost:8080';

describe('conversation streams (SSE)', () => {
  let h: Harness;
  let url: string;
  let v: Visitor;
  const open = new Set<() => void>();
  const streamUrl = (after?: number, token = v.view.token, id = v.view.conversationId) =>
    `${url}/conversations/${id}/stream?token=${token}${after === undefined ? '' : `&after=${after}`}`;

  beforeAll(async () => {
    h = await createHarness('pglite');
    h.deps.bus = createMemoryBus();
    url = (await h.http({ streams: { heartbeatMs: 200, open } })).url;
    v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await v.send({ type: 'choose', optionId: 'intent:human' });
  });
  afterAll(async () => {
    for (const end of [...open]) end();
    await h?.close();
  });

  it('streams the transcript after the cursor, then each new message as it is written, with proxy-friendly headers and CORS', async () => {
    const s = await openSse(streamUrl(1), { origin: ORIGIN });
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.headers.get('cache-control')).toContain('no-transform');
    expect(s.headers.get('x-accel-buffering')).toBe('no');
    expect(s.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const status = await s.next((f) => f.event === 'status');
    expect(JSON.parse(status.data)).toMatchObject({ status: 'bot', live: false, seq: v.view.seq });
    await s.next((f) => f.event === 'message' && Number(f.id) === v.view.seq);
    expect(messageFrames(s).map((m) => m.seq)).toEqual(Array.from({ length: v.view.seq - 1 }, (_, i) => i + 2));
    // Another tab of the same visitor writes: this stream gets it through the bus.
    const before = v.view.seq;
    await v.send({ type: 'text', text: 'Is anyone there?' });
    const f = await s.next((x) => x.event === 'message' && JSON.parse(x.data).text === 'Is anyone there?');
    expect(Number(f.id)).toBe(before + 1);
    expect(JSON.parse(f.data)).toMatchObject({ seq: before + 1, from: 'visitor' });
    // Every id is its message's seq, each sent once.
    const ids = messageFrames(s).map((m) => m.id);
    expect(ids).toEqual(messageFrames(s).map((m) => m.seq));
    expect(new Set(ids).size).toBe(ids.length);
    s.close();
  });

  it('resumes with Last-Event-ID (it wins over ?after=) and sends only what was missed', async () => {
    const s = await openSse(streamUrl(0), { origin: ORIGIN, 'last-event-id': String(v.view.seq - 1) });
    await s.next((f) => f.event === 'message');
    await new Promise((r) => setTimeout(r, 100));
    expect(messageFrames(s).map((m) => m.seq)).toEqual([v.view.seq]);
    s.close();
  });

  it('sends a heartbeat comment and catches up on it when a signal was lost', async () => {
    const bus = h.deps.bus;
    const s = await openSse(streamUrl(v.view.seq), { origin: ORIGIN });
    await s.next((f) => f.event === 'status');
    // No bus for this write: only the heartbeat's re-read can deliver it.
    h.deps.bus = undefined;
    const before = v.view.seq;
    await v.send({ type: 'text', text: 'Hello?' });
    h.deps.bus = bus;
    const f = await s.next((x) => x.event === 'message' && JSON.parse(x.data).text === 'Hello?', 3_000);
    expect(Number(f.id)).toBe(before + 1);
    expect(s.comments).toBeGreaterThan(0);
    s.close();
  });

  it('refuses a wrong token (404), a foreign origin (403) and names bad fields (400)', async () => {
    const wrong = await openSse(streamUrl(0, 'x'.repeat(32)), { origin: ORIGIN });
    expect(wrong.status).toBe(404);
    const evil = await openSse(streamUrl(0), { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const noToken = await fetch(`${url}/conversations/${v.view.conversationId}/stream`);
    expect(noToken.status).toBe(400);
    expect(((await noToken.json()) as { fields: Array<{ path: string }> }).fields[0]!.path).toBe('token');
    const badAfter = await fetch(streamUrl(undefined) + '&after=-1');
    expect(((await badAfter.json()) as { fields: Array<{ path: string }> }).fields[0]!.path).toBe('after');
    const badLast = await fetch(streamUrl(0), { headers: { 'last-event-id': 'abc' } });
    expect(badLast.status).toBe(400);
  });

  it('console: session required; the business’s conversations only; the business stream signals every change', async () => {
    const anon = await fetch(`${url}/console/conversations/${v.view.conversationId}/stream`);
    expect(anon.status).toBe(401);
    const other = await signIn(url, ownerOf('demo-salon-spb'));
    const foreign = await openSse(`${url}/console/conversations/${v.view.conversationId}/stream`, { cookie: `fd_session=${other.cookie}` });
    expect(foreign.status).toBe(404);
    const owner = await signIn(url, ownerOf(BARBER));
    const cookie = { cookie: `fd_session=${owner.cookie}` };
    const conv = await openSse(`${url}/console/conversations/${v.view.conversationId}/stream?after=${v.view.seq}`, cookie);
    const biz = await openSse(`${url}/console/stream`, cookie);
    const otherBiz = await openSse(`${url}/console/stream`, { cookie: `fd_session=${other.cookie}` });
    expect(conv.status).toBe(200);
    expect(biz.status).toBe(200);
    await conv.next((f) => f.event === 'status');
    await v.send({ type: 'text', text: 'For the console' });
    const m = await conv.next((f) => f.event === 'message');
    expect(JSON.parse(m.data)).toMatchObject({ text: 'For the console', from: 'visitor' });
    const sig = await biz.next((f) => f.event === 'conversation');
    expect(JSON.parse(sig.data)).toEqual({ conversationId: v.view.conversationId, seq: v.view.seq, kind: 'messages' });
    await new Promise((r) => setTimeout(r, 300));
    expect(otherBiz.frames.filter((f) => f.event === 'conversation')).toEqual([]);
    for (const c of [conv, biz, otherBiz]) c.close();
  });

  it('ends every open stream on shutdown (clients reconnect elsewhere)', async () => {
    const s = await openSse(streamUrl(v.view.seq), { origin: ORIGIN });
    await s.next((f) => f.event === 'status');
    expect(open.size).toBeGreaterThan(0);
    for (const end of [...open]) end();
    await s.ended;
    expect(open.size).toBe(0);
  });
});
