/**
 * Follow-ups end to end with an injected clock (issue 17): a silent lead's day 1/3/7 then stop,
 * a quote's 4 h and next day with its "book this", the nudge repeating the last question;
 * cancelled by a reply, a booking and "not interested" (in the chat and by the link); quiet
 * hours; a worker that dies mid-job (nothing lost, nothing twice). Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { businesses, conversationMessages, conversations, followUps, jobs, outbox } from '../src/adapters/db/schema.js';
import { addDays, utcToZoned, zonedToUtc } from '@frontdesk/shared';
import { claimDue } from '../src/adapters/job-queue/queue.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor, type Visitor } from './support/visitor.js';
import { ownerOf, signIn } from './support/console.js';
import { openSite } from '../src/services/site.js';
import { sendChannelTurn } from '../src/services/conversation/turns.js';
import type { VisitorEvent } from '../src/domain/conversation/protocol.js';

const BARBER = 'demo-barber-nyc';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2026-03-02 10:00 in New York (EST): daytime, outside the 21:00–09:00 quiet hours. */
const MORNING = '2026-03-02T15:00:00.000Z';
const NY = 'America/New_York';

describe.each(dbKinds)('follow-ups on %s', (kind) => {
  let h: Harness;
  let n = 0;
  const mails = async (to: string) => h.deps.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(asc(outbox.createdAt));
  const rows = async (conversationId: string) =>
    h.deps.db.select().from(followUps).where(eq(followUps.conversationId, conversationId)).orderBy(asc(followUps.dueAt), asc(followUps.sequence));
  const botTexts = async (conversationId: string) =>
    (await h.deps.db.select().from(conversationMessages).where(and(eq(conversationMessages.conversationId, conversationId), eq(conversationMessages.from, 'bot'))).orderBy(asc(conversationMessages.seq))).map((m) => m.text);
  const run = () => runNow(jobDeps(h, 'outbox'), h);
  /** Moves the clock to `ms` after `from` and runs what is due. */
  const at = async (from: number, ms: number) => {
    h.clock.set(new Date(from + ms));
    await run();
  };

  /** A lead that asked for a person, left an e-mail with consent and went quiet. */
  async function silentLead(): Promise<{ v: Visitor; email: string; t0: number }> {
    const email = `lead${++n}@example.com`;
    const v = visitor(h, BARBER, 'en');
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Do you do kids haircuts on weekends?' });
    await v.send({ type: 'contact', name: 'Dana', contact: email, consent: true });
    return { v, email, t0: h.clock.now().getTime() };
  }

  beforeAll(async () => {
    h = await createHarness(kind, { now: MORNING });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a silent lead: day 1, day 3, day 7 by e-mail and in the transcript, then stop', async () => {
    const { v, email, t0 } = await silentLead();
    const id = v.view.conversationId;
    expect((await rows(id)).map((r) => [r.sequence, r.step, r.status, r.dueAt.getTime() - t0])).toEqual([
      ['silent', 0, 'scheduled', DAY],
      ['silent', 1, 'scheduled', 3 * DAY],
      ['silent', 2, 'scheduled', 7 * DAY],
    ]);
    await at(t0, DAY - MIN);
    expect(await mails(email)).toHaveLength(0);
    await at(t0, DAY);
    const [first] = await mails(email);
    expect(first!.subject).toContain('can we help?');
    expect(first!.text).toContain('Hello Dana!');
    expect(first!.text).toMatch(/Not interested: http:\/\/localhost:3000\/follow-up\?t=\S+&do=stop/);
    expect((await botTexts(id)).at(-1)).toContain('Hello Dana!');
    await at(t0, 3 * DAY);
    await at(t0, 7 * DAY);
    await at(t0, 30 * DAY);
    expect(await mails(email)).toHaveLength(3);
    expect((await rows(id)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect((await h.caller().conversation.get({ conversationId: id, token: v.view.token, after: 0 })).messages.filter((m) => m.text.includes('Hello Dana!'))).toHaveLength(3);
  });

  it('a reply cancels what is pending (and counts as answered); the visitor’s activity plans again from there', async () => {
    const { v, email, t0 } = await silentLead();
    const id = v.view.conversationId;
    await at(t0, DAY);
    h.clock.set(new Date(t0 + DAY + HOUR));
    await v.send({ type: 'text', text: 'Yes, what times on Saturday?' });
    const r = await rows(id);
    expect(r.filter((x) => x.status === 'cancelled').map((x) => x.reason)).toEqual(['replied', 'replied']);
    expect(r.find((x) => x.status === 'sent')!.answeredAt).toEqual(new Date(t0 + DAY + HOUR));
    // The old day 3 never goes; the new plan counts from the reply (its day 1 is t0 + 2 days + 1 h).
    await at(t0, 3 * DAY);
    expect(await mails(email)).toHaveLength(2);
    expect((await rows(id)).filter((x) => x.status === 'sent').map((x) => x.dueAt.getTime() - t0)).toEqual([DAY, 2 * DAY + HOUR]);
    const oldJobs = await h.deps.db.select().from(jobs).where(eq(jobs.kind, 'followup.send'));
    expect(oldJobs.some((j) => j.outcome === 'skipped:not_scheduled')).toBe(true);
  });

  it('"no thanks" in the chat answering a follow-up closes the lead (even waiting for a person): nothing more is sent', async () => {
    const { v, email, t0 } = await silentLead();
    await at(t0, DAY);
    h.clock.set(new Date(t0 + DAY + HOUR));
    await v.send({ type: 'text', text: 'no thanks' });
    expect(v.view.status).toBe('closed');
    expect((await rows(v.view.conversationId)).map((r) => [r.status, r.reason])).toEqual([['sent', null], ['cancelled', 'not_interested'], ['cancelled', 'not_interested']]);
    await at(t0, 8 * DAY);
    expect(await mails(email)).toHaveLength(1);
  });

  it('the "not interested" link asks first (a GET changes nothing), then closes the lead like the chat', async () => {
    const { v, email, t0 } = await silentLead();
    await at(t0, DAY);
    const link = /Not interested: (\S+)/.exec((await mails(email))[0]!.text)![1]!;
    const { url } = await h.http();
    const local = link.replace('http://localhost:3000', url);
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop messages from');
    expect((await rows(v.view.conversationId)).filter((r) => r.status === 'scheduled')).toHaveLength(2);
    const t = new URL(local).searchParams.get('t')!;
    const post = await fetch(`${url}/follow-up`, { method: 'POST', body: new URLSearchParams({ t, a: 'stop' }), redirect: 'manual' });
    expect(post.status).toBe(303);
    const [c] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId));
    expect(c).toMatchObject({ outcome: 'not_interested', status: 'closed' });
    expect((await rows(v.view.conversationId)).filter((r) => r.status === 'cancelled').map((r) => r.reason)).toEqual(['not_interested', 'not_interested']);
    await at(t0, 8 * DAY);
    expect(await mails(email)).toHaveLength(1);
    // A forged link is refused.
    expect((await fetch(`${url}/follow-up?t=${t.slice(0, -2)}xx`)).status).toBe(403);
  });

  it('a quote not booked: 4 h and the next day, each with the quote and "book this"; booking through the link cancels the rest', async () => {
    const { v, email } = await silentLead();
    const id = v.view.conversationId;
    await v.send({ type: 'choose', optionId: 'intent:prices' });
    for (let i = 0; i < 12 && !v.view.prompt.kind.startsWith('x'); i++) {
      const p = v.view.prompt;
      if (p.kind === 'choice' && p.options.some((o) => o.id === 'act:book')) break;
      if (p.kind === 'choice') await v.send({ type: 'choose', optionId: p.options[0]!.id });
      else if (p.kind === 'number') await v.send({ type: 'number', value: p.min });
      else throw new Error(`unexpected prompt ${p.kind}`);
    }
    const t1 = h.clock.now().getTime();
    expect((await rows(id)).filter((r) => r.status === 'scheduled').map((r) => [r.sequence, r.step, r.dueAt.getTime() - t1])).toEqual([
      ['quote', 0, 4 * HOUR],
      ['quote', 1, DAY],
    ]);
    await at(t1, 4 * HOUR);
    const [m] = await mails(email);
    expect(m!.subject).toContain('Your quote from');
    expect(m!.text).toMatch(/\$\d+/);
    const book = /Book this: (\S+)/.exec(m!.text)![1]!;
    expect(book).toContain('&do=book');
    expect(m!.html).toContain('Book this');

    const { url } = await h.http();
    const t = new URL(book).searchParams.get('t')!;
    const page = await (await fetch(book.replace('http://localhost:3000', url))).text();
    expect(page).toMatch(/name="o" value="act:book"><button type="submit" class="btn primary">/);
    const tap = (fields: Record<string, string>) => fetch(`${url}/follow-up`, { method: 'POST', body: new URLSearchParams({ t, ...fields }), redirect: 'manual' });
    expect((await tap({ a: 'choose', o: 'act:book' })).status).toBe(303);
    // Then a time, and yes (the contact is known): whatever the engine asks, as the page shows it.
    for (let i = 0; i < 6; i++) {
      const view = await h.caller().conversation.get({ conversationId: id, token: v.view.token, after: 0 });
      const p = view.prompt;
      if (p.kind === 'slots') await tap({ a: 'choose', o: p.slots[0]!.id });
      else if (p.kind === 'confirm') await tap({ a: 'choose', o: p.yes.id });
      else if (p.kind === 'choice' && !p.menu) await tap({ a: 'choose', o: p.options[0]!.id });
      else break;
    }
    const [c] = await h.deps.db.select().from(conversations).where(eq(conversations.id, id));
    expect(c!.outcome).toBe('booked');
    const planned = (await rows(id)).filter((r) => r.sequence === 'quote' && r.scheduledAt.getTime() === t1);
    expect(planned.map((r) => [r.sequence, r.status, r.reason])).toEqual([
      ['quote', 'sent', null],
      // The tap on "book" was activity: it cancelled the next day's (and planned a nudge for the times, which the booking cancelled).
      ['quote', 'cancelled', 'replied'],
    ]);
    expect((await rows(id)).filter((r) => r.status === 'scheduled')).toEqual([]);
    expect((await rows(id)).some((r) => r.reason === 'booked')).toBe(true);
    await at(t1, 2 * DAY);
    expect(await mails(email)).toHaveLength(1);
  });

  it('a flow stopped mid-way: one nudge repeating the last question after the owner’s delay', async () => {
    const { v, email } = await silentLead();
    await h.deps.db.update(businesses).set({ followUps: { nudge: { on: true, delayMin: 45 }, silent: { on: false } } }).where(eq(businesses.id, (await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId)))[0]!.businessId));
    h.deps.configCache?.clear();
    const t1 = h.clock.now().getTime() + MIN;
    h.clock.set(new Date(t1));
    await v.send({ type: 'choose', optionId: 'intent:book' });
    const question = v.view.messages.at(-1)!.text;
    expect((await rows(v.view.conversationId)).filter((r) => r.status === 'scheduled').map((r) => [r.sequence, r.dueAt.getTime() - t1])).toEqual([['nudge', 45 * MIN]]);
    await at(t1, 44 * MIN);
    expect(await mails(email)).toHaveLength(0);
    await at(t1, 45 * MIN);
    const [m] = await mails(email);
    expect(m!.subject).toContain('are you still there?');
    expect(m!.text).toContain(question);
    await at(t1, 10 * DAY);
    expect(await mails(email)).toHaveLength(1);
    await h.deps.db.update(businesses).set({ followUps: null }).where(eq(businesses.id, (await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId)))[0]!.businessId));
    h.deps.configCache?.clear();
  });

  it('quiet hours: a follow-up due at night waits until 09:00 in the client’s zone', async () => {
    const { v, email, t0 } = await silentLead();
    // The worker was down when day 1 was due; it comes back at 22:00 New York time that day.
    const day1 = utcToZoned(t0 + DAY, NY).date;
    h.clock.set(new Date(zonedToUtc(day1, 22 * 60, NY)));
    await run();
    expect(await mails(email)).toHaveLength(0);
    const [job] = await h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'followup.send'), eq(jobs.lastError, 'quiet hours')));
    const nine = zonedToUtc(addDays(day1, 1), 9 * 60, NY);
    expect(job!.runAt.getTime()).toBe(nine);
    h.clock.set(new Date(nine - MIN));
    await run();
    expect(await mails(email)).toHaveLength(0);
    h.clock.set(new Date(nine));
    await run();
    expect(await mails(email)).toHaveLength(1);
    expect((await rows(v.view.conversationId))[0]!.sentAt!.getTime()).toBe(nine);
  });

  it('a worker that dies holding the job: the next one sends it once when the lease lapses; more runs send nothing', async () => {
    const { email, t0 } = await silentLead();
    h.clock.set(new Date(t0 + DAY));
    const claimed = await claimDue(h.deps.db, 'dead-worker', h.clock.now(), 60_000, 100);
    expect(claimed.some((j) => j.kind === 'followup.send')).toBe(true);
    await run();
    expect(await mails(email)).toHaveLength(0);
    h.clock.set(new Date(t0 + DAY + 61_000));
    await runNow(jobDeps(h, 'outbox', 'worker-2'), h);
    await runNow(jobDeps(h, 'outbox', 'worker-3'), h);
    expect(await mails(email)).toHaveLength(1);
  });

  it('console: the owner edits the settings (a broken text is refused naming its field); the lead card lists the follow-ups; the dashboard counts recovered leads', async () => {
    const { url } = await h.http();
    const owner = await signIn(url, ownerOf(BARBER));
    const view = await owner.client.followUps.settings.query();
    expect(view.settings).toMatchObject({ nudge: { on: true, delayMin: 30 }, quote: { on: true }, silent: { on: true }, quietHours: { from: '21:00', to: '09:00' } });
    expect(view.defaults.silent.hy).toContain('{name}');
    const bad = await owner.client.followUps.saveSettings.mutate({ ...view.settings, texts: { silent: { ru: 'Привет, {name' } } }).catch((e: unknown) => e as { data?: { fields?: Array<{ path: string }> }; message: string });
    expect(JSON.stringify(bad)).toContain('texts.silent.ru');
    const saved = await owner.client.followUps.saveSettings.mutate({ ...view.settings, nudge: { on: true, delayMin: 40 }, quietHours: null, texts: { silent: { ru: 'Привет, {name}!' } } });
    expect(saved.settings).toMatchObject({ nudge: { delayMin: 40 }, quietHours: null, texts: { silent: { ru: 'Привет, {name}!' } } });
    await expect(owner.client.followUps.saveSettings.mutate({ ...view.settings, nudge: { on: true, delayMin: 5 } })).rejects.toThrow(/delayMin/);
    await owner.client.followUps.saveSettings.mutate(view.settings);

    const { v } = await silentLead();
    const list = await owner.client.followUps.ofConversation.query({ conversationId: v.view.conversationId });
    expect(list.map((f) => [f.sequence, f.step, f.status])).toEqual([['silent', 0, 'scheduled'], ['silent', 1, 'scheduled'], ['silent', 2, 'scheduled']]);

    const now = h.clock.now().getTime();
    const k = (await owner.client.dashboard.kpis.query({ from: new Date(Date.parse(MORNING) - DAY).toISOString(), to: new Date(now + DAY).toISOString() })).current;
    expect(k.followUpsSent).toBeGreaterThanOrEqual(8);
    // The lead that replied after day 1 and the one whose quote follow-up led to a booking, at least.
    expect(k.recoveredLeads).toBeGreaterThanOrEqual(2);
    expect(k.reactivationRate).toBeGreaterThan(0);
    expect(k.reactivationRate).toBeLessThan(1);
    expect(k.quoteToBooking7d).toBe(1);
  });

  it('a messenger lead: the follow-up goes into the transcript and out through the chat’s outbound cursor, no e-mail', async () => {
    const delivered: string[] = [];
    h.deps.outbound = { deliver: async (c) => void delivered.push(c.conversationId) };
    const site = await openSite(h.deps, BARBER, undefined);
    if (!site.ok) throw new Error('no site');
    const ref = `chat-${++n}`;
    const play = (event: VisitorEvent) => sendChannelTurn(h.deps, { site: site.value, channel: 'telegram', externalRef: ref, lang: 'en', event });
    await play({ type: 'choose', optionId: 'intent:human' });
    await play({ type: 'text', text: 'Can I come with my son?' });
    const done = await play({ type: 'contact', name: 'Tom', contact: '+12125550123', consent: true });
    if (!done.played) throw new Error('not played');
    const t0 = h.clock.now().getTime();
    await at(t0, DAY);
    const [r] = await rows(done.conversationId);
    expect(r).toMatchObject({ status: 'sent', via: 'telegram' });
    expect((await botTexts(done.conversationId)).at(-1)).toContain('Hello Tom!');
    expect(delivered).toContain(done.conversationId);
    expect(await mails('+12125550123')).toEqual([]);
    h.deps.outbound = undefined;
  });
});
