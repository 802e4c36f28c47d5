/**
 * The assistant's summary of a hand-off for staff (issue 18), through the real `openai` client and
 * the scripted fake provider: a job written with the hand-off asks the model once, in the team's
 * language, from the transcript with contacts masked; off means no job; a provider that is down or
 * slow, or a reached cap, leaves the request as it is with no summary and no retry; erasing the
 * person clears the summary too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { conversations, handoffs, jobs, users } from '../src/adapters/db/schema.js';
import { openAiModel } from '../src/adapters/openai/assistant-model.js';
import { startFakeAiProvider, type FakeAiProvider } from '../src/dev/fake-ai-provider.js';
import { SUMMARY_JOB, teamLang } from '../src/services/assistant/handoff-summary.js';
import { eraseConversation } from '../src/services/privacy/erase.js';
import { listInbox } from '../src/services/console/inbox.js';
import { createHarness, type Harness } from './support/harness.js';
import { dbKinds, type DbKind } from './support/db.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor } from './support/visitor.js';

const SALON = 'demo-salon-spb';
const ORIGIN = { origin: 'http://localhost:8080' };
const SUMMARY_RU = 'Клиентка хочет узнать, можно ли прийти с ребёнком на стрижку; бот передал вопрос администратору. Перезвоните ей и предложите время.';

describe.each(dbKinds)('hand-off summary by the assistant on %s', (kind: DbKind) => {
  let h: Harness;
  let fake: FakeAiProvider;
  let businessId: string;
  const turnOn = (over: { timeoutMs?: number; dailyTokens?: number; baseURL?: string } = {}) => {
    const { baseURL, ...rest } = over;
    h.deps.assistant = { model: openAiModel({ baseURL: baseURL ?? fake.baseURL, model: 'fake-1', apiKey: 'test' }), timeoutMs: 5_000, dailyTokens: 0, ...rest };
  };

  /** A visitor asks for a person, writes a question with contacts in it, and leaves a contact. */
  async function handOff(name = 'Анна Смирнова'): Promise<{ conversationId: string; handoffId: string }> {
    const v = visitor(h, SALON, 'ru', ORIGIN);
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Можно прийти с ребёнком? Мой номер +7 921 555-44-33, почта anna.s@example.org' });
    await v.send({ type: 'contact', name, contact: '+7 921 555 44 33', consent: true });
    const [row] = await h.deps.db.select().from(handoffs).where(eq(handoffs.conversationId, v.view.conversationId));
    expect(row).toBeDefined();
    return { conversationId: v.view.conversationId, handoffId: row!.id };
  }
  const summaryJobs = (handoffId: string) => h.deps.db.select().from(jobs).where(and(eq(jobs.handoffId, handoffId), eq(jobs.kind, SUMMARY_JOB)));
  const handoffRow = async (id: string) => (await h.deps.db.select().from(handoffs).where(eq(handoffs.id, id)))[0]!;
  /** The summary's request to the provider: the one whose system prompt asks for a summary. */
  const summaryRequests = () => fake.requests.filter((r) => r[0]?.role === 'system' && r[0].content.includes('summary'));

  beforeAll(async () => {
    h = await createHarness(kind);
    fake = await startFakeAiProvider();
    const site = await h.deps.db.query.sites.findFirst({ where: (t, { eq: is }) => is(t.siteKey, SALON) });
    businessId = site!.businessId;
  });
  afterAll(async () => {
    await fake?.close();
    await h?.close();
  });
  beforeEach(async () => {
    fake.requests.length = 0;
    fake.script([]);
    turnOn();
    await h.deps.db.execute(sql`DELETE FROM assistant_usage`);
  });

  it('is written in the team’s language from the transcript, contacts and name masked, and shown in the inbox', async () => {
    const { handoffId } = await handOff();
    expect(await summaryJobs(handoffId)).toHaveLength(1);
    // The request is there at once, before any summary: the hand-off never waits for the model.
    expect((await handoffRow(handoffId)).aiSummary).toBeNull();
    fake.requests.length = 0;
    fake.script([{ reply: `  ${SUMMARY_RU}\n\n` }]);
    await runNow(jobDeps(h, 'outbox'), h);

    const asked = summaryRequests();
    expect(asked).toHaveLength(1);
    const prompt = JSON.stringify(asked[0]);
    expect(prompt).toContain('Russian');
    expect(prompt).toContain('Можно прийти с ребёнком?');
    for (const secret of ['555-44-33', '555 44 33', '5554433', 'anna.s@example.org', 'example.org', 'Смирнова', 'Анна']) expect(prompt).not.toContain(secret);
    expect((await handoffRow(handoffId)).aiSummary).toBe(SUMMARY_RU);
    expect((await summaryJobs(handoffId))[0]).toMatchObject({ outcome: 'sent', attempts: 1 });

    const inbox = await listInbox(h.deps, businessId, 'all');
    expect(inbox.items.find((i) => i.id === handoffId)).toMatchObject({ aiSummary: SUMMARY_RU });
  });

  it('the team’s language is the staff’s own: most active console users, else the business default', async () => {
    const staff = await h.deps.db.select({ id: users.id, lang: users.lang }).from(users).where(and(eq(users.businessId, businessId), eq(users.active, true)));
    expect(staff.length).toBeGreaterThan(0);
    try {
      await h.deps.db.update(users).set({ lang: 'hy' }).where(eq(users.businessId, businessId));
      expect(await teamLang(h.deps.db, businessId, 'ru')).toBe('hy');
      const { handoffId } = await handOff();
      fake.requests.length = 0;
      fake.script([{ reply: 'Հաճախորդը հարցնում է, թե կարող է արդյոք գալ երեխայի հետ։' }]);
      await runNow(jobDeps(h, 'outbox'), h);
      expect(JSON.stringify(summaryRequests()[0])).toContain('in Armenian');
      expect((await handoffRow(handoffId)).aiSummary).toBe('Հաճախորդը հարցնում է, թե կարող է արդյոք գալ երեխայի հետ։');
    } finally {
      for (const s of staff) await h.deps.db.update(users).set({ lang: s.lang }).where(eq(users.id, s.id));
    }
    expect(await teamLang(h.deps.db, 'no-such-business', 'en')).toBe('en');
  });

  it('off: no job is written, the provider hears nothing', async () => {
    h.deps.assistant = undefined;
    const { handoffId } = await handOff();
    expect(await summaryJobs(handoffId)).toHaveLength(0);
    await runNow(jobDeps(h, 'outbox'), h);
    expect(fake.requests).toHaveLength(0);
    expect((await handoffRow(handoffId)).aiSummary).toBeNull();
  });

  it('provider down: no summary, the request intact, and no retry', async () => {
    const { handoffId } = await handOff();
    const before = await handoffRow(handoffId);
    // Nothing listens on port 9 of loopback: the call fails at once.
    turnOn({ baseURL: 'http://127.0.0.1:9/v1' });
    await runNow(jobDeps(h, 'outbox'), h);
    expect(await handoffRow(handoffId)).toEqual(before);
    expect((await summaryJobs(handoffId))[0]).toMatchObject({ outcome: 'skipped:error', attempts: 1 });
    // Later runs find nothing to do: one call per hand-off, not a storm.
    h.clock.advance(60 * 60_000);
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await summaryJobs(handoffId))[0]).toMatchObject({ outcome: 'skipped:error', attempts: 1 });
  });

  it('a provider slower than the timeout, or the daily cap reached: no summary', async () => {
    const slow = await handOff();
    turnOn({ timeoutMs: 200 });
    fake.requests.length = 0;
    fake.script([{ reply: 'too late', delayMs: 1_500 }]);
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await handoffRow(slow.handoffId)).aiSummary).toBeNull();
    expect((await summaryJobs(slow.handoffId))[0]).toMatchObject({ outcome: 'skipped:timeout' });

    turnOn({ dailyTokens: 50 });
    const capped = await handOff();
    await h.deps.db.execute(sql`INSERT INTO assistant_usage (business_id, day, tokens) VALUES (${businessId}, ${h.clock.now().toISOString().slice(0, 10)}, 50)
      ON CONFLICT (business_id, day) DO UPDATE SET tokens = 50`);
    fake.requests.length = 0;
    fake.script([{ reply: 'never asked' }]);
    await runNow(jobDeps(h, 'outbox'), h);
    expect(summaryRequests()).toHaveLength(0);
    expect((await handoffRow(capped.handoffId)).aiSummary).toBeNull();
    expect((await summaryJobs(capped.handoffId))[0]).toMatchObject({ outcome: 'skipped:cap' });
  });

  it('erasing the person clears the summary with the rest of the request', async () => {
    const { conversationId, handoffId } = await handOff();
    fake.requests.length = 0;
    fake.script([{ reply: SUMMARY_RU }]);
    await runNow(jobDeps(h, 'outbox'), h);
    expect((await handoffRow(handoffId)).aiSummary).toBe(SUMMARY_RU);
    const conv = (await h.deps.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0]!;
    expect((await eraseConversation(h.deps.db, businessId, conv.id, h.clock.now())).ok).toBe(true);
    expect(await handoffRow(handoffId)).toMatchObject({ aiSummary: null, summary: null, contactName: '' });
  });
});
