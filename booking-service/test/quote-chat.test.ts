/**
 * quote.evaluate and chat.interpret through the API, on the seeded demo sites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

describe.each(dbKinds)('quote and chat on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('site.get lists each site’s quote trees with localized titles', async () => {
    const site = await h.caller().site.get({ siteKey: 'demo-salon-spb', lang: 'ru' });
    expect(site.widget.quoteTrees.map((t) => t.id)).toEqual(expect.arrayContaining(['haircut', 'coloring']));
    expect(site.widget.quoteTrees.every((t) => t.title.length > 0)).toBe(true);
  });

  it('walks a tree one question at a time: a range first, then a final price inside it', async () => {
    const answers: Record<string, string | number> = {};
    let rangeSeen: { min: number; max: number } | undefined;
    for (let step = 0; step < 20; step++) {
      const r = await h.caller().quote.evaluate({ siteKey: 'demo-salon-spb', treeId: 'coloring', answers, lang: 'ru' });
      if (r.kind === 'question') {
        expect(r.currency).toBe('RUB');
        if (r.range) rangeSeen = r.range;
        const q = r.question;
        // The last option of a choice tends to be the dearest: a more interesting path.
        answers[q.id] = q.type === 'choice' ? q.options.at(-2)?.id ?? q.options[0]!.id : q.min;
        continue;
      }
      if (r.kind === 'final') {
        expect(rangeSeen).toBeDefined();
        expect(r.price).toBeGreaterThanOrEqual(rangeSeen!.min);
        expect(r.price).toBeLessThanOrEqual(rangeSeen!.max);
        expect(r.serviceId).toBe('salon-coloring');
        return;
      }
      expect.fail(`unexpected ${r.kind}`);
    }
    expect.fail('the tree never finished');
  });

  it('rejects an answer that is not an option, naming it; unknown trees are NOT_FOUND', async () => {
    const first = await h.caller().quote.evaluate({ siteKey: 'demo-barber-nyc', treeId: 'barber', answers: {}, lang: 'en' });
    expect(first.kind).toBe('question');
    const qid = first.kind === 'question' ? first.question.id : '';
    const bad = await failureOf(h.caller().quote.evaluate({ siteKey: 'demo-barber-nyc', treeId: 'barber', answers: { [qid]: 'nonsense' }, lang: 'en' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain(`answers.${qid}`);
    expect((await failureOf(h.caller().quote.evaluate({ siteKey: 'demo-barber-nyc', treeId: 'coloring', answers: {}, lang: 'en' }))).code).toBe('NOT_FOUND');
  });

  it('understands free text in the business’s zone: intent and time', async () => {
    // T0 = Monday 2026-03-02 09:00 in Moscow, 01:00 in New York.
    const ru = await h.caller().chat.interpret({ siteKey: 'demo-salon-spb', text: 'можно завтра в 3 часа дня?', lang: 'ru' });
    expect(ru.intent).toBe('book');
    expect(ru.when).toEqual({ kind: 'at', date: '2026-03-03', minuteOfDay: 15 * 60 });
    const en = await h.caller().chat.interpret({ siteKey: 'demo-barber-nyc', text: 'tomorrow after 5pm?', lang: 'en' });
    expect(en.when).toEqual({ kind: 'after', date: '2026-03-03', minuteOfDay: 17 * 60 });
    const price = await h.caller().chat.interpret({ siteKey: 'demo-clinic-yerevan', text: 'Ինչ արժե լցանյութը?', lang: 'hy' });
    expect(price.intent).toBe('prices');
    const empty = await failureOf(h.caller().chat.interpret({ siteKey: 'demo-clinic-yerevan', text: '   ', lang: 'hy' }));
    expect(empty.message).toContain('text');
  });
});
