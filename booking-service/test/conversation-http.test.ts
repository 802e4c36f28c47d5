/**
 * The conversation API over real HTTP (the wire format the widget speaks): origin check, the
 * 5000-character limit as a 400 naming the field, rate limits; and transcript retention (the owner's setting).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { businesses, conversationMessages, conversations, jobs, leads } from '../src/adapters/db/schema.js';
import { createRateLimiter } from '../src/http/rate-limit.js';
import { memoryStore } from '../src/http/memory-store.js';
import { PURGE_JOB_ID } from '../src/services/conversation/retention.js';
import { consoleFailure, ownerOf, signIn } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const BARBER = 'demo-barber-nyc';
const ORIGIN = 'http://localhost:8080';

async function post(url: string, path: string, body: unknown, origin = ORIGIN) {
  const res = await fetch(`${url}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { result?: { data: any }; error?: { message: string; data: Record<string, unknown> } }, headers: res.headers };
}

describe('conversation API over HTTP', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    const now = Date.parse('2026-03-02T06:00:00Z');
    const limiter = createRateLimiter({ store: memoryStore(), rules: [{ scope: 'ip', limit: 12, windowMs: 60_000 }], now: () => now });
    h = await createHarness('pglite', { rateLimiter: limiter });
    url = (await h.http()).url;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends and resumes across requests, with CORS for the site’s origin', async () => {
    const first = await post(url, 'conversation.send', { siteKey: BARBER, lang: 'en', after: 0, event: { type: 'choose', optionId: 'intent:book' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const v = first.json.result!.data;
    expect(v.prompt.kind).toBe('choice');
    const res = await fetch(`${url}/trpc/conversation.get?input=${encodeURIComponent(JSON.stringify({ conversationId: v.conversationId, token: v.token, after: 1 }))}`, { headers: { origin: ORIGIN } });
    const again = ((await res.json()) as { result: { data: any } }).result.data;
    expect(again.messages.map((m: { seq: number }) => m.seq)).toEqual([2, 3]);
    expect(again.prompt).toEqual(v.prompt);
  });

  it('refuses an origin the site does not allow (403), and a text over 5000 characters (400 naming the field and the limit)', async () => {
    const evil = await post(url, 'conversation.send', { siteKey: BARBER, lang: 'en', after: 0, event: { type: 'menu' } }, 'https://evil.example');
    expect(evil.status).toBe(403);
    const long = await post(url, 'conversation.send', { siteKey: BARBER, lang: 'en', after: 0, event: { type: 'text', text: 'x'.repeat(5001) } });
    expect(long.status).toBe(400);
    expect(long.json.error!.data.fields).toEqual([{ path: 'event.text', message: 'at most 5000 characters' }]);
    const bad = await post(url, 'conversation.send', { siteKey: BARBER, lang: 'de', after: 0, event: { type: 'fly' } });
    expect(bad.status).toBe(400);
    expect((bad.json.error!.data.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['event.type', 'lang']);
  });

  it('is rate limited like every public procedure (429 + Retry-After)', async () => {
    let last = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 15 && last !== 429; i++) {
      const r = await post(url, 'conversation.send', { siteKey: BARBER, lang: 'en', after: 0, event: { type: 'menu' } });
      last = r.status;
      retryAfter = r.headers.get('retry-after');
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe.each(dbKinds)('transcript retention on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('purges the messages after the business’s retention period and keeps the lead; the job runs again a day later', async () => {
    await h.deps.db.update(businesses).set({ transcriptRetentionDays: 30 }).where(eq(businesses.id, 'biz-barber-nyc'));
    const api = h.caller();
    let v = await api.conversation.send({ siteKey: BARBER, lang: 'en', after: 0, event: { type: 'choose', optionId: 'intent:human' } });
    v = await api.conversation.send({ siteKey: BARBER, conversationId: v.conversationId, token: v.token, lang: 'en', after: v.seq, event: { type: 'text', text: 'Do you do kids’ haircuts?' } });
    v = await api.conversation.send({ siteKey: BARBER, conversationId: v.conversationId, token: v.token, lang: 'en', after: v.seq, event: { type: 'contact', name: 'Kim', contact: 'kim@example.com', consent: true } });
    const jd = jobDeps(h, 'outbox');
    h.clock.advance(29 * 86_400_000);
    await runNow(jd, h);
    expect((await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, v.conversationId))).length).toBeGreaterThan(0);
    h.clock.advance(2 * 86_400_000);
    await runNow(jd, h);
    expect(await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, v.conversationId))).toEqual([]);
    const [conv] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.conversationId));
    expect([conv!.state, conv!.purgeAfter, conv!.outcome]).toEqual([{}, null, 'handed_off']);
    expect(await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.conversationId))).toHaveLength(1);
    const [job] = await h.deps.db.select().from(jobs).where(eq(jobs.id, PURGE_JOB_ID));
    expect(job!.doneAt).toBeNull();
    expect(job!.runAt.getTime()).toBe(h.clock.now().getTime() + 86_400_000);
    // The conversation can go on: it starts again at the menu.
    const after = await api.conversation.get({ conversationId: v.conversationId, token: v.token, after: 0 });
    expect(after.messages).toEqual([]);
    expect(after.prompt).toMatchObject({ kind: 'choice', menu: true });
  });

  it('the owner sets the period in the console (7 days to 3 years, a 400 naming the field otherwise); a shorter period applies to transcripts already kept', async () => {
    const owner = await signIn((await h.http()).url, ownerOf(BARBER));
    expect((await owner.client.business.get.query()).transcriptRetentionDays).toBe(30);
    const api = h.caller();
    let v = await api.conversation.send({ siteKey: BARBER, lang: 'en', after: 0, event: { type: 'choose', optionId: 'intent:human' } });
    v = await api.conversation.send({ siteKey: BARBER, conversationId: v.conversationId, token: v.token, lang: 'en', after: v.seq, event: { type: 'text', text: 'Open on Sunday?' } });
    const kept = async () => (await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, v.conversationId))).length;

    for (const bad of [6, 1096, 30.5]) {
      const e = await consoleFailure(owner.client.business.update.mutate({ transcriptRetentionDays: bad }));
      expect([e.code, e.data.httpStatus, (e.data.fields as Array<{ path: string }>).map((f) => f.path)]).toEqual(['BAD_REQUEST', 400, ['transcriptRetentionDays']]);
    }
    expect(await owner.client.business.update.mutate({ transcriptRetentionDays: 7 })).toMatchObject({ transcriptRetentionDays: 7 });
    const jd = jobDeps(h, 'outbox');
    h.clock.advance(6 * 86_400_000);
    await runNow(jd, h);
    expect(await kept()).toBeGreaterThan(0);
    h.clock.advance(2 * 86_400_000);
    await runNow(jd, h);
    expect(await kept()).toBe(0);
    // New conversations get the new period too.
    const next = await api.conversation.send({ siteKey: BARBER, lang: 'en', after: 0, event: { type: 'menu' } });
    const [row] = await h.deps.db.select().from(conversations).where(eq(conversations.id, next.conversationId));
    expect(row!.purgeAfter!.getTime()).toBe(h.clock.now().getTime() + 7 * 86_400_000);
  });
});
