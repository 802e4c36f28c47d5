/**
 * Qualification end to end (issue 17): the owner saves a service's questions in the console
 * (bad input is a 400 naming the field; the database refuses what the schema would), a visitor
 * answers them in the chat, and the lead keeps the answers, the score and a temperature from them
 * (a "soon" answer is hot, not qualified is cold); the hand-off's SLA follows the owner's targets.
 * Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { businesses, handoffs, leads, serviceQualifications } from '../src/adapters/db/schema.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor } from './support/visitor.js';
import { consoleFailure, ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';
import type { QualificationInput } from '../src/domain/qualification/qualification.js';

const BARBER = 'demo-barber-nyc';
/** Monday 2026-03-02 10:00 in New York: the barber is open. */
const MORNING = '2026-03-02T15:00:00.000Z';

const questions: QualificationInput = {
  questions: [
    {
      text: { en: 'When would you like to come?' },
      answers: [
        { label: { en: 'Today or tomorrow' }, points: 2, soon: true },
        { label: { en: 'Within 7 days' }, points: 2 },
        { label: { en: 'Just looking' }, points: 0 },
      ],
    },
    { text: { en: 'Your budget?' }, answers: [{ label: { en: 'Above $40' }, points: 2 }, { label: { en: 'Below $40' }, points: 0 }] },
  ],
  threshold: 3,
  alternatives: { waitlist: false, smallerServiceId: 'barber-beard', link: { url: 'https://barber.example/tips', label: { en: 'Grooming tips' } } },
};

describe.each(dbKinds)('qualification on %s', (kind) => {
  let h: Harness;
  let owner: ConsoleSessionClient;

  beforeAll(async () => {
    h = await createHarness(kind, { now: MORNING });
    const { url } = await h.http();
    owner = await signIn(url, ownerOf(BARBER));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the owner saves questions; bad input names the field; the database keeps its own rules', async () => {
    const bad = await consoleFailure(
      owner.client.qualification.save.mutate({
        serviceId: 'barber-haircut',
        qualification: { ...questions, questions: [{ text: { en: 'Only one answer?' }, answers: [{ label: { en: 'Yes' }, points: 1 }] }], alternatives: { ...questions.alternatives, link: { url: 'javascript:alert(1)', label: { en: 'x' } } } },
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect((bad.data.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['qualification.questions.0.answers', 'qualification.alternatives.link.url']);
    const self = await consoleFailure(owner.client.qualification.save.mutate({ serviceId: 'barber-haircut', qualification: { ...questions, alternatives: { ...questions.alternatives, smallerServiceId: 'barber-haircut' } } }));
    expect(self.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(self.data)).toContain('alternatives.smallerServiceId');
    const other = await consoleFailure(owner.client.qualification.save.mutate({ serviceId: 'salon-manicure', qualification: questions }));
    expect(other.code).toBe('NOT_FOUND');

    await owner.client.qualification.save.mutate({ serviceId: 'barber-haircut', qualification: questions });
    const list = await owner.client.qualification.list.query();
    expect(list['barber-haircut']).toMatchObject({ threshold: 3, questions: [{ answers: [{ points: 2, soon: true }, { soon: false }, {}] }, {}] });

    const biz = (await h.deps.db.select({ id: businesses.id }).from(businesses).limit(1))[0]!;
    const six = Array.from({ length: 6 }, () => questions.questions[0]);
    await expect(h.deps.db.execute(sql`update service_qualifications set questions = ${JSON.stringify(six)}::jsonb where service_id = 'barber-haircut'`)).rejects.toThrow();
    await expect(h.deps.db.update(serviceQualifications).set({ linkLabel: null }).where(eq(serviceQualifications.serviceId, 'barber-haircut'))).rejects.toThrow();
    expect(biz.id).toBeTruthy();
  });

  it('a qualified visitor who wants a time soon: straight on to the times, the lead is hot with the answers and score', async () => {
    await owner.client.qualification.save.mutate({ serviceId: 'barber-haircut', qualification: questions });
    const v = visitor(h, BARBER, 'en');
    await v.send({ type: 'choose', optionId: 'intent:book' });
    await v.send({ type: 'choose', optionId: v.option('Haircut') });
    expect(v.view.messages.filter((m) => m.from === 'bot').map((m) => m.text)).toEqual(['2 quick questions so I can offer what suits you.', 'When would you like to come?']);
    await v.send({ type: 'choose', optionId: v.option('Today or tomorrow') });
    await v.send({ type: 'text', text: 'above $40' });
    // Qualified: the nearest times of anyone at once, no "who would you like?" first.
    const p = v.view.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    await v.send({ type: 'choose', optionId: p.slots[0]!.id });
    await v.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.view.conversationId));
    expect(lead!.qualification).toEqual({
      serviceId: 'barber-haircut',
      score: 4,
      threshold: 3,
      qualified: true,
      soon: true,
      answers: [
        { question: 'When would you like to come?', answer: 'Today or tomorrow', points: 2 },
        { question: 'Your budget?', answer: 'Above $40', points: 2 },
      ],
    });
    expect(lead!.temperature).toBe('hot');
  });

  it('not qualified: the alternatives, a person; the lead is cold and the SLA is the owner’s cold target', async () => {
    // The owner's SLA targets (Business page): hotter answered no later than colder, whole minutes.
    const order = await consoleFailure(owner.client.business.update.mutate({ slaHotMin: 120, slaWarmMin: 90 }));
    expect(order.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(order.data.fields)).toContain('slaWarmMin');
    const zero = await consoleFailure(owner.client.business.update.mutate({ slaHotMin: 0 }));
    expect(JSON.stringify(zero.data.fields)).toContain('slaHotMin');
    const saved = await owner.client.business.update.mutate({ slaHotMin: 10, slaWarmMin: 90, slaColdMin: 180 });
    expect([saved.slaHotMin, saved.slaWarmMin, saved.slaColdMin]).toEqual([10, 90, 180]);
    await expect(h.deps.db.update(businesses).set({ slaHotMin: 100, slaWarmMin: 90 }).where(sql`true`)).rejects.toThrow();
    const v = visitor(h, BARBER, 'en');
    await v.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    await v.send({ type: 'choose', optionId: v.option('Just looking') });
    await v.send({ type: 'choose', optionId: v.option('Below') });
    const p = v.view.prompt;
    expect(p.kind === 'choice' && p.options.map((o) => o.label)).toEqual(['Book Beard trim instead', 'Grooming tips', 'Talk to a person']);
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Maybe next month, call me' });
    await v.send({ type: 'contact', name: 'Bob', contact: '+12125550123', consent: true });
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.view.conversationId));
    expect(lead!.qualification).toMatchObject({ score: 0, qualified: false });
    expect(lead!.temperature).toBe('cold');
    const [ho] = await h.deps.db.select().from(handoffs).where(eq(handoffs.conversationId, v.view.conversationId));
    expect(ho!.temperature).toBe('cold');
    expect(ho!.summary).toBe('Answers: When would you like to come? — Just looking; Your budget? — Below $40 (score 0)');
    // 180 working minutes from 10:00 on an open Monday.
    expect(ho!.expectedReplyBy.getTime() - Date.parse(MORNING)).toBe(180 * 60_000);
  });

  it('questions per intent: saved and listed; bad input names the field; the database refuses what the schema would; asked before the hand-off form', async () => {
    const human: QualificationInput = { ...questions, alternatives: { waitlist: false, smallerServiceId: null, link: null } };
    const wait = await consoleFailure(owner.client.qualification.saveIntent.mutate({ intent: 'human', qualification: { ...human, alternatives: { ...human.alternatives, waitlist: true } } }));
    expect(wait.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(wait.data)).toContain('alternatives.waitlist');
    const book = await consoleFailure(owner.client.qualification.saveIntent.mutate({ intent: 'book' as 'human', qualification: human }));
    expect((book.data.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['intent']);
    const foreign = await consoleFailure(owner.client.qualification.saveIntent.mutate({ intent: 'prices', qualification: { ...human, alternatives: { ...human.alternatives, smallerServiceId: 'salon-manicure' } } }));
    expect(JSON.stringify(foreign.data)).toContain('alternatives.smallerServiceId');
    const many = await consoleFailure(owner.client.qualification.saveIntent.mutate({ intent: 'prices', qualification: { ...human, questions: Array.from({ length: 6 }, () => questions.questions[0]!) } }));
    expect((many.data.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['qualification.questions']);

    await owner.client.qualification.saveIntent.mutate({ intent: 'human', qualification: human });
    expect(await owner.client.qualification.intents.query()).toMatchObject({ human: { threshold: 3, alternatives: { waitlist: false, smallerServiceId: null, link: null } } });
    const six = JSON.stringify(Array.from({ length: 6 }, () => questions.questions[0]));
    await expect(h.deps.db.execute(sql`update intent_qualifications set questions = ${six}::jsonb where intent = 'human'`)).rejects.toThrow();
    await expect(h.deps.db.execute(sql`update intent_qualifications set intent = 'book' where intent = 'human'`)).rejects.toThrow();
    await expect(h.deps.db.execute(sql`update intent_qualifications set link_url = 'ftp://x', link_label = '{"en":"x"}'::jsonb where intent = 'human'`)).rejects.toThrow();

    const v = visitor(h, BARBER, 'en');
    await v.send({ type: 'choose', optionId: 'intent:human' });
    expect(v.view.messages.filter((m) => m.from === 'bot').map((m) => m.text).slice(-2)).toEqual(['2 quick questions so I can offer what suits you.', 'When would you like to come?']);
    await v.send({ type: 'choose', optionId: v.option('Today or tomorrow') });
    await v.send({ type: 'choose', optionId: v.option('Above $40') });
    await v.send({ type: 'text', text: 'A beard for my wedding' });
    await v.send({ type: 'contact', name: 'Cy', contact: 'cy@example.com', consent: true });
    const [lead] = await h.deps.db.select().from(leads).where(eq(leads.conversationId, v.view.conversationId));
    expect(lead!.qualification).toMatchObject({ serviceId: null, intent: 'human', score: 4, qualified: true, soon: true });
    expect(lead!.temperature).toBe('hot');
    // Off again: an empty list.
    await owner.client.qualification.saveIntent.mutate({ intent: 'human', qualification: { ...human, questions: [] } });
  });
});
