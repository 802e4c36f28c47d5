/**
 * Live hand-off end to end on the server (issue 13): a visitor asks for a person in the chat; staff
 * see the transcript and lead card in the inbox and reply; the reply reaches the visitor's stream at
 * once; the visitor's answer reaches the console's stream; unread counts follow. A reply the
 * visitor does not see goes by e-mail (From: the business, Reply-To: its address, a link back),
 * and the answer through that link continues the same thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createMemoryBus } from '../src/adapters/bus/memory.js';
import { businesses, jobs, outbox } from '../src/adapters/db/schema.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor, type Visitor } from './support/visitor.js';
import { openSse } from './support/sse.js';
import { ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';
import { jobDeps, runNow } from './support/jobs.js';

const BARBER = 'demo-barber-nyc';
const ORIGIN = 'http://localhost:8080';

describe('live hand-off: chat ↔ console inbox', () => {
  let h: Harness;
  let url: string;
  let owner: ConsoleSessionClient;
  const open = new Set<() => void>();
  const cookie = () => ({ cookie: `fd_session=${owner.cookie}` });

  async function handedOff(email: string, text: string): Promise<{ v: Visitor; handoffId: string }> {
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text });
    await v.send({ type: 'contact', name: 'Dana', contact: email, consent: true });
    const card = v.view.messages.find((m) => m.card?.kind === 'handoff')!.card!;
    return { v, handoffId: card.kind === 'handoff' ? card.handoffId : '' };
  }

  beforeAll(async () => {
    h = await createHarness('pglite');
    h.deps.bus = createMemoryBus();
    url = (await h.http({ streams: { heartbeatMs: 500, open } })).url;
    owner = await signIn(url, ownerOf(BARBER));
    await h.deps.db.update(businesses).set({ notifyEmail: 'desk@barber.example' }).where(eq(businesses.id, (await owner.client.auth.me.query())!.business.id));
  });
  afterAll(async () => {
    for (const end of [...open]) end();
    await h?.close();
  });

  it('staff see the transcript and lead card; a reply reaches the widget’s stream, the answer the console’s; unread counts follow', async () => {
    const { v, handoffId } = await handedOff('dana@example.com', 'Can I bring my dog?');
    const list = await owner.client.inbox.list.query({ status: 'all' });
    const item = list.items.find((i) => i.id === handoffId)!;
    expect(item).toMatchObject({ conversationId: v.view.conversationId, conversationStatus: 'waiting' });
    expect(item.unread).toBeGreaterThan(0);
    expect((await owner.client.inbox.unread.query()).open).toBeGreaterThan(0);

    const conv = await owner.client.inbox.conversation.query({ conversationId: v.view.conversationId });
    expect(conv.messages.map((m) => m.seq)).toEqual(conv.messages.map((_, i) => i + 1));
    expect(conv.messages.some((m) => m.from === 'visitor' && m.text === 'Can I bring my dog?')).toBe(true);
    expect(conv.lead).toMatchObject({ name: 'Dana', email: 'dana@example.com', intent: 'human', outcome: 'handed_off', lang: 'en', channel: 'widget' });

    const widget = await openSse(`${url}/conversations/${v.view.conversationId}/stream?token=${v.view.token}&after=${v.view.seq}`, { origin: ORIGIN });
    const console = await openSse(`${url}/console/conversations/${v.view.conversationId}/stream?after=${conv.seq}`, cookie());
    const menu = await openSse(`${url}/console/stream`, cookie());
    await widget.next((f) => f.event === 'status');
    await console.next((f) => f.event === 'status');

    const replied = await owner.client.inbox.reply.mutate({ id: handoffId, body: 'Of course, dogs are welcome!' });
    expect(replied).toMatchObject({ status: 'claimed', conversationStatus: 'live' });
    expect(replied.firstReplyAt).not.toBeNull();
    const got = JSON.parse((await widget.next((f) => f.event === 'message' && JSON.parse(f.data).from === 'staff')).data);
    expect(got).toMatchObject({ text: 'Of course, dogs are welcome!', from: 'staff' });
    expect(got.author).toBeTruthy();
    expect(JSON.parse((await widget.next((f) => f.event === 'status' && JSON.parse(f.data).live)).data)).toMatchObject({ status: 'live', live: true });
    // The console's own stream carries its reply too (another staff tab sees it).
    await console.next((f) => f.event === 'message' && JSON.parse(f.data).from === 'staff');

    await v.send({ type: 'text', text: 'Great, see you at 5' });
    const answer = JSON.parse((await console.next((f) => f.event === 'message' && JSON.parse(f.data).text === 'Great, see you at 5')).data);
    expect(answer.from).toBe('visitor');
    await menu.next((f) => f.event === 'conversation' && JSON.parse(f.data).seq === answer.seq);
    const unread = await owner.client.inbox.unread.query();
    expect(unread.messages).toBe(1);
    expect((await owner.client.inbox.list.query({ status: 'all' })).items.find((i) => i.id === handoffId)!.unread).toBe(1);
    await owner.client.inbox.read.mutate({ conversationId: v.view.conversationId, seq: answer.seq });
    expect((await owner.client.inbox.unread.query()).messages).toBe(0);

    // The widget showed the reply: no e-mail a minute later.
    h.clock.advance(61_000);
    await runNow(jobDeps(h, 'outbox'), h);
    expect(await h.deps.db.select().from(outbox).where(eq(outbox.to, 'dana@example.com'))).toEqual([]);
    const [job] = await h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'conversation.reply-mail')));
    expect(job!.outcome).toBe('skipped:seen');
    for (const c of [widget, console, menu]) c.close();
  });

  it('a reply the visitor has not seen goes by e-mail once (From: the business, Reply-To: its address, a link back); the answer there continues the thread', async () => {
    const { v, handoffId } = await handedOff('lee@example.com', 'Do you have parking?');
    // The visitor closed the tab: nothing is streaming.
    await owner.client.inbox.reply.mutate({ id: handoffId, body: 'Yes, behind the shop.' });
    await owner.client.inbox.reply.mutate({ id: handoffId, body: 'It is free after 6 pm.' });
    h.clock.advance(30_000);
    await runNow(jobDeps(h, 'outbox'), h);
    expect(await h.deps.db.select().from(outbox).where(eq(outbox.to, 'lee@example.com'))).toEqual([]);
    h.clock.advance(31_000);
    await runNow(jobDeps(h, 'outbox'), h);
    const mails = await h.deps.db.select().from(outbox).where(eq(outbox.to, 'lee@example.com'));
    // Both replies in one message.
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.from).toBe('"Barber NYC" <bookings@frontdesk.test>'.replace('Barber NYC', (await owner.client.auth.me.query())!.business.name));
    expect(m.replyTo).toBe('desk@barber.example');
    expect(m.subject).toContain('Reply from');
    expect(m.text).toContain('Yes, behind the shop.');
    expect(m.text).toContain('It is free after 6 pm.');
    const link = /(http:\/\/localhost:3000\/conversation\?t=\S+)/.exec(m.text)![1]!;
    expect(m.html).toContain('Continue the conversation');

    // The link opens the thread (served here, not on localhost:3000).
    const pageUrl = link.replace('http://localhost:3000', url);
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Do you have parking?');
    expect(html).toContain('It is free after 6 pm.');

    const console = await openSse(`${url}/console/conversations/${v.view.conversationId}/stream?after=1000000`, cookie());
    const token = new URL(pageUrl).searchParams.get('t')!;
    const empty = await fetch(`${url}/conversation`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t: token, text: '  ' }), redirect: 'manual' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Write a message first.');
    const posted = await fetch(`${url}/conversation`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t: token, text: 'Thanks, coming by car' }), redirect: 'manual' });
    expect(posted.status).toBe(303);
    const conv = await owner.client.inbox.conversation.query({ conversationId: v.view.conversationId });
    expect(conv.messages.at(-1)).toMatchObject({ from: 'visitor', text: 'Thanks, coming by car' });
    // The widget sees it on resume, too (same thread).
    const resumed = await h.caller(ORIGIN).conversation.get({ conversationId: v.view.conversationId, token: v.view.token, after: 0 });
    expect(resumed.messages.at(-1)!.text).toBe('Thanks, coming by car');
    console.close();

    // Another job run sends nothing more; a forged link is refused.
    h.clock.advance(120_000);
    await runNow(jobDeps(h, 'outbox'), h);
    expect(await h.deps.db.select().from(outbox).where(eq(outbox.to, 'lee@example.com'))).toHaveLength(1);
    expect((await fetch(`${url}/conversation?t=${token.slice(0, -2)}xx`)).status).toBe(403);
  });

  it('the dashboard reads first reply, SLA% and handling time from the conversations, by channel and intent', async () => {
    const d = await owner.client.dashboard.kpis.query({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' });
    // Both hand-offs: outcome (handed off) in the turn that left the contact, on the test's still clock.
    expect(d.current.aht).toEqual({ medianMs: 0, p90Ms: 0 });
    const human = d.service.find((r) => r.channel === 'widget' && r.intent === 'human')!;
    expect(human).toMatchObject({ conversations: 2, handoffs: 2, slaPercent: 100, ahtMedianMs: 0 });
    expect(human.firstHumanReplyMedianMs).not.toBeNull();
    expect(d.previous.aht).toEqual({ medianMs: null, p90Ms: null });
  });
});
