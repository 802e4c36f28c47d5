/**
 * The knowledge base on PGlite and PostgreSQL (issue 18): the owner's questions and answers are
 * found by full-text search in the visitor's language (ru stemmed, en stemmed, hy by prefixes)
 * even when the visitor asks in other words; nothing below the relevance rule is answered; the
 * chat answers with the next step, records what nothing answered (counted, per language) and the
 * owner turns an unanswered question into an answer in one step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/adapters/db/client.js';
import { searchKnowledge } from '../src/services/knowledge/search.js';
import { answerFromKnowledge } from '../src/services/knowledge/answer.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { demoContext } from './support/engine-world.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor } from './support/visitor.js';

const SALON = 'demo-salon-spb';
const CLINIC = 'demo-clinic-yerevan';
const SALON_ID = 'biz-salon-spb';
const CLINIC_ID = 'biz-clinic-yerevan';

describe.each(dbKinds)('knowledge base on %s', (kind) => {
  let h: Harness;
  let url: string;
  let owner: ConsoleSessionClient;
  let clinicOwner: ConsoleSessionClient;
  const found = (businessId: string, lang: 'ru' | 'en' | 'hy', q: string) => searchKnowledge(h.deps.db, businessId, lang, q).then((x) => x?.answer ?? null);

  beforeAll(async () => {
    h = await createHarness(kind);
    ({ url } = await h.http());
    owner = await signIn(url, ownerOf(SALON));
    clinicOwner = await signIn(url, ownerOf(CLINIC));
    const add = (c: ConsoleSessionClient, e: { lang: 'ru' | 'en' | 'hy'; question: string; phrasings?: string[]; answer: string; serviceId?: string }) =>
      c.client.knowledge.create.mutate({ phrasings: [], serviceId: null, ...e });
    await add(owner, { lang: 'ru', question: 'Есть ли парковка?', phrasings: ['Можно ли приехать на машине'], answer: 'Да, бесплатная парковка во дворе, въезд с улицы Рубинштейна.' });
    await add(owner, { lang: 'ru', question: 'Какие способы оплаты?', answer: 'Принимаем наличные, банковские карты и СБП.' });
    await add(owner, { lang: 'ru', question: 'Как подготовиться к окрашиванию?', answer: 'Приходите с чистыми сухими волосами, без укладочных средств.', serviceId: 'salon-coloring' });
    await add(owner, { lang: 'en', question: 'Is there parking?', phrasings: ['Where can I leave my car'], answer: 'Yes, free parking in the courtyard.' });
    await add(owner, { lang: 'en', question: 'How can I pay?', answer: 'Cash, cards and Apple Pay.' });
    await add(clinicOwner, { lang: 'hy', question: 'Կա՞ կայանատեղի', phrasings: ['Որտեղ թողնել մեքենան'], answer: 'Այո, բակում անվճար կայանատեղի կա։' });
    await add(clinicOwner, { lang: 'hy', question: 'Ինչպե՞ս կարող եմ վճարել', answer: 'Կանխիկ կամ քարտով։' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uses the language’s text search configuration: the search column is generated and GIN-indexed', async () => {
    const rows = await queryRows<{ lang: string; search: string }>(h.deps.db, sql`SELECT lang, search::text AS search FROM kb_entries WHERE business_id = ${SALON_ID} AND question = 'Есть ли парковка?'`);
    // 'russian' stems: "машине" → "машин", "парковка" → "парковк"; weight A for the question, B for the answer.
    expect(rows[0]!.search).toMatch(/'машин':\d+A/);
    expect(rows[0]!.search).toMatch(/'парковк':\d+A/);
    expect(rows[0]!.search).toMatch(/'двор':\d+B/);
    const idx = await queryRows<{ indexdef: string }>(h.deps.db, sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'kb_entries_search_idx'`);
    expect(idx[0]!.indexdef).toMatch(/USING gin \(search\)/);
  });

  it.each([
    ['ru', 'где можно оставить машину?', 'Да, бесплатная парковка'],
    ['ru', 'а парковки у вас нет?', 'Да, бесплатная парковка'],
    ['ru', 'картой оплатить можно?', 'Принимаем наличные'],
    ['ru', 'как подготовиться к покраске волос', 'Приходите с чистыми'],
    ['en', 'where do I park?', 'Yes, free parking'],
    ['en', 'can I pay by card?', 'Cash, cards'],
    // Related words (domain/knowledge/topic-words.ts) and an owner's question asked in full (relevance.ts).
    ['ru', 'где можно припарковаться?', 'Да, бесплатная парковка'],
    ['ru', 'что нужно сделать перед окрашиванием', 'Приходите с чистыми'],
    ['en', 'is there parking near the salon', 'Yes, free parking'],
    ['en', 'do you take venmo', 'Cash, cards'],
  ] as const)('%s "%s" finds the entry asked in other words', async (lang, q, answer) => {
    expect(await found(SALON_ID, lang, q)).toMatch(new RegExp(`^${answer}`));
  });

  it.each([
    ['մեքենան որտե՞ղ թողնեմ', 'Այո, բակում'],
    ['կայանատեղին ունե՞ք', 'Այո, բակում'],
    ['քարտով վճարել կարելի՞ է', 'Կանխիկ'],
    // Typed in Latin letters: each reading of the letters Latin does not tell apart, and loanwords.
    ['kartov karox em vcharel?', 'Կանխիկ'],
    ['parking ka?', 'Այո, բակում'],
  ] as const)('hy "%s": Armenian words found by prefix with the simple configuration', async (q, answer) => {
    expect(await found(CLINIC_ID, 'hy', q)).toMatch(new RegExp(`^${answer}`));
  });

  it('nothing below the relevance rule: stop words only, one stray word of a long question, another language, another business', async () => {
    expect(await found(SALON_ID, 'ru', 'а у вас можно?')).toBeNull();
    expect(await found(SALON_ID, 'ru', 'сколько стоит стрижка у вас во дворе соседнем')).toBeNull();
    expect(await found(SALON_ID, 'ru', 'есть ли wi-fi?')).toBeNull();
    expect(await found(SALON_ID, 'hy', 'կա՞ կայանատեղի')).toBeNull();
    expect(await found(CLINIC_ID, 'ru', 'где оставить машину?')).toBeNull();
    expect(await found(SALON_ID, 'en', "'; DROP TABLE kb_entries; -- & | !")).toBeNull();
  });

  it('answerFromKnowledge: the catalog first (no typing), then the entries; null rather than a guess', async () => {
    const clinic = demoContext(CLINIC);
    expect(await answerFromKnowledge(h.deps, CLINIC_ID, clinic, 'en', 'how long does a filling take?')).toMatchObject({ text: 'Filling takes 1 hour.', serviceId: 'clinic-filling', source: { kind: 'catalog', topic: 'duration' } });
    expect(await answerFromKnowledge(h.deps, CLINIC_ID, clinic, 'hy', 'կայանատեղի կա՞')).toMatchObject({ text: 'Այո, բակում անվճար կայանատեղի կա։', source: { kind: 'entry' } });
    expect(await answerFromKnowledge(h.deps, CLINIC_ID, clinic, 'hy', 'շուն կարելի՞ է բերել')).toBeNull();
  });

  it('in the chat: the answer with "Book this" for a service’s entry; a miss is the menu with a person first, counted per language', async () => {
    const v = visitor(h, SALON, 'ru', { origin: 'http://localhost:8080' });
    await v.send({ type: 'text', text: 'Как подготовиться к окрашиванию волос?' });
    expect(v.view.messages.at(-1)!.text).toBe('Приходите с чистыми сухими волосами, без укладочных средств.');
    expect(v.view.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'act:book', label: 'Записаться' }, { id: 'act:ask', label: 'Спросить человека' }] });

    await v.send({ type: 'text', text: 'У вас есть  вайфай?' });
    expect(v.view.messages.at(-1)!.text).toBe('На этот вопрос у меня пока нет ответа. Могу передать его человеку, или выберите ниже.');
    expect(v.view.prompt).toMatchObject({ kind: 'choice', menu: true, options: [{ id: 'intent:human' }, {}, {}, {}, {}] });
    const other = visitor(h, SALON, 'ru', { origin: 'http://localhost:8080' });
    await other.send({ type: 'text', text: 'у вас есть вайфай' });
    const en = visitor(h, SALON, 'en', { origin: 'http://localhost:8080' });
    await en.send({ type: 'text', text: 'do you have wifi?' });

    const list = await owner.client.knowledge.unanswered.query();
    expect(list.map((u) => [u.lang, u.question, u.count])).toEqual([
      ['ru', 'У вас есть  вайфай?', 2],
      ['en', 'do you have wifi?', 1],
    ]);
    // The clinic sees none of the salon's.
    expect(await clinicOwner.client.knowledge.unanswered.query()).toEqual([]);

    // One step: the owner answers it; the question leaves the list; the next visitor gets the answer.
    const wifi = list[0]!;
    await owner.client.knowledge.create.mutate({ lang: wifi.lang, question: wifi.question, phrasings: [], answer: 'Да, сеть «Лаванда», пароль на стойке.', serviceId: null, fromUnanswered: wifi.id });
    expect((await owner.client.knowledge.unanswered.query()).map((u) => u.question)).toEqual(['do you have wifi?']);
    const again = visitor(h, SALON, 'ru', { origin: 'http://localhost:8080' });
    await again.send({ type: 'text', text: 'а вайфай у вас есть?' });
    expect(again.view.messages.at(-1)!.text).toBe('Да, сеть «Лаванда», пароль на стойке.');
    // Dismissed without an answer.
    expect(await owner.client.knowledge.dismiss.mutate({ id: list[1]!.id })).toEqual({ removed: true });
    expect(await owner.client.knowledge.unanswered.query()).toEqual([]);
  });

  it('the console: edit and delete, errors name the field, staff read only, another business’s entry is not found', async () => {
    const bad = await consoleFailure(owner.client.knowledge.create.mutate({ lang: 'ru', question: 'Вопрос', phrasings: [], answer: '   ', serviceId: null }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((bad.data.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['answer']);
    const badLang = await consoleFailure(owner.client.knowledge.create.mutate({ lang: 'de' as 'ru', question: 'Q', phrasings: [], answer: 'A', serviceId: null }));
    expect((badLang.data.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(['lang']);
    const badService = await consoleFailure(owner.client.knowledge.create.mutate({ lang: 'ru', question: 'Q', phrasings: [], answer: 'A', serviceId: 'clinic-filling' }));
    expect(badService.code).toBe('NOT_FOUND');

    const e = await owner.client.knowledge.create.mutate({ lang: 'en', question: 'Do you have Wi-Fi?', phrasings: ['internet', ' '], answer: 'Yes: network “Lavender”.', serviceId: null });
    expect(e.phrasings).toEqual(['internet']);
    expect(await found(SALON_ID, 'en', 'is there internet here?')).toBe('Yes: network “Lavender”.');
    const edited = await owner.client.knowledge.update.mutate({ id: e.id, lang: 'en', question: 'Do you have Wi-Fi?', phrasings: ['internet', 'wifi password'], answer: 'Yes: network “Lavender”, password on the desk.', serviceId: null });
    expect(edited.phrasings).toEqual(['internet', 'wifi password']);
    // The generated column follows the edit.
    expect(await found(SALON_ID, 'en', 'what is the wifi password?')).toBe('Yes: network “Lavender”, password on the desk.');

    const anna = await signIn(url, staffAccount('salon-anna', SALON));
    expect((await anna.client.knowledge.list.query()).map((x) => x.id)).toContain(e.id);
    expect((await consoleFailure(anna.client.knowledge.delete.mutate({ id: e.id }))).code).toBe('FORBIDDEN');
    expect((await consoleFailure(clinicOwner.client.knowledge.delete.mutate({ id: e.id }))).code).toBe('NOT_FOUND');
    expect((await consoleFailure(clinicOwner.client.knowledge.update.mutate({ id: e.id, lang: 'en', question: 'x', phrasings: [], answer: 'y', serviceId: null }))).code).toBe('NOT_FOUND');

    await owner.client.knowledge.delete.mutate({ id: e.id });
    expect(await found(SALON_ID, 'en', 'is there internet here?')).toBeNull();
  });
});
