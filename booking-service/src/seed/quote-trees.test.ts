import { describe, expect, it } from 'vitest';
import { evaluateQuote } from '../domain/quote/evaluate-quote.js';
import { LANGS } from '@frontdesk/shared';
import { quoteTreeListSchema, type QuoteTree } from '../domain/quote/quote-tree-schema.js';
import { demoQuoteTrees } from './quote-trees.js';

/** The demo catalogue (seed/demo.ts): price range per service, in the site's currency. */
const catalogue: Record<string, { currency: string; services: Record<string, [number, number]> }> = {
  'demo-salon-spb': {
    currency: 'RUB',
    services: {
      'salon-haircut-women': [2500, 4500],
      'salon-haircut-men': [1800, 1800],
      'salon-coloring': [5000, 12000],
      'salon-manicure': [2200, 2200],
    },
  },
  'demo-clinic-yerevan': {
    currency: 'AMD',
    services: {
      'clinic-checkup': [10000, 10000],
      'clinic-cleaning': [25000, 25000],
      // Per tooth; the quote multiplies by the number of teeth.
      'clinic-filling': [20000, 45000],
      'clinic-implant-consult': [15000, 15000],
    },
  },
  'demo-barber-nyc': {
    currency: 'USD',
    services: {
      'barber-haircut': [45, 45],
      'barber-beard': [25, 25],
      'barber-combo': [65, 65],
      'barber-shave': [40, 55],
    },
  },
};

type Outcome = { kind: 'final'; price: number; serviceId: string; answers: Record<string, string | number> } | { kind: 'handoff' };

/** Every way through a tree: each option, each number from min to max. */
function walkAll(tree: QuoteTree, answers: Record<string, string | number> = {}): Outcome[] {
  const result = evaluateQuote(tree, answers, tree.defaultLang);
  if (result.kind === 'final') return [{ kind: 'final', price: result.price, serviceId: result.serviceId, answers }];
  if (result.kind === 'handoff') return [{ kind: 'handoff' }];
  if (result.kind === 'invalid') throw new Error(`${tree.id}: invalid ${result.field} ${result.reason}`);
  const q = result.question;
  const values: Array<string | number> = q.type === 'choice' ? q.options.map((o) => o.id) : [];
  if (q.type === 'number') for (let v = q.min; v <= q.max; v += q.step) values.push(v);
  return values.flatMap((v) => walkAll(tree, { ...answers, [q.id]: v }));
}

/** Every localized text object in a tree, with its path. */
function localizedTexts(value: unknown, path = ''): Array<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (LANGS.some((lang) => typeof record[lang] === 'string')) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, v]) => localizedTexts(v, `${path}.${key}`));
}

describe('demoQuoteTrees', () => {
  it('has trees for exactly the three demo sites', () => {
    expect(Object.keys(demoQuoteTrees).sort()).toEqual(['demo-barber-nyc', 'demo-clinic-yerevan', 'demo-salon-spb']);
  });

  describe.each(Object.entries(demoQuoteTrees))('%s', (siteKey, trees) => {
    const site = catalogue[siteKey];
    if (site === undefined) throw new Error(`no catalogue for ${siteKey}`);

    it('passes the tree list schema unchanged', () => {
      expect(trees.length).toBeGreaterThan(0);
      expect(quoteTreeListSchema.parse(trees)).toEqual(trees);
    });

    it('has every text in Russian, Armenian and English', () => {
      for (const tree of trees) {
        for (const { path, text } of localizedTexts(tree)) {
          expect(Object.keys(text).sort(), `${tree.id}${path}`).toEqual(['en', 'hy', 'ru']);
        }
      }
    });

    it.each(trees.map((t) => [t.id, t] as const))('%s reaches a final price in the catalogue range on every priced path', (_, tree) => {
      expect(tree.currency).toBe(site.currency);
      const outcomes = walkAll(tree);
      const finals = outcomes.filter((o) => o.kind === 'final');
      expect(finals.length).toBeGreaterThan(0);
      for (const final of finals) {
        const range = site.services[final.serviceId];
        expect(range, `unknown service ${final.serviceId}`).toBeDefined();
        const perUnit = final.price / (typeof final.answers['teeth'] === 'number' ? final.answers['teeth'] : 1);
        expect(perUnit, JSON.stringify(final.answers)).toBeGreaterThanOrEqual(range?.[0] ?? NaN);
        expect(perUnit, JSON.stringify(final.answers)).toBeLessThanOrEqual(range?.[1] ?? NaN);
      }
    });
  });

  it('quotes coloring as a 5 000–12 000 ₽ range, then a final price, and hands off black-dye correction', () => {
    const coloring = demoQuoteTrees['demo-salon-spb']?.find((t) => t.id === 'coloring');
    if (coloring === undefined) throw new Error('no coloring tree');
    expect(evaluateQuote(coloring, { length: 'long', technique: 'airtouch' }, 'ru')).toMatchObject({
      kind: 'question',
      question: { id: 'density', text: 'И последнее: волосы густые?' },
      range: { min: 11000, max: 12000 },
      factors: ['Густота волос'],
    });
    expect(evaluateQuote(coloring, { length: 'long', technique: 'airtouch', density: 'thick' }, 'ru')).toMatchObject({
      kind: 'final',
      price: 12000,
      serviceId: 'salon-coloring',
      summary: 'Окрашивание волос: Длина волос: Ниже лопаток; Техника: AirTouch; Густота волос: Густые',
    });
    const prices = walkAll(coloring).flatMap((o) => (o.kind === 'final' ? [o.price] : []));
    expect([Math.min(...prices), Math.max(...prices)]).toEqual([5000, 12000]);
    expect(evaluateQuote(coloring, { length: 'short', technique: 'black-correction' }, 'en')).toMatchObject({ kind: 'handoff' });
  });

  it('quotes a filling in Armenian per tooth and hands off implants and three or more teeth', () => {
    const [filling, implant] = demoQuoteTrees['demo-clinic-yerevan'] ?? [];
    if (filling === undefined || implant === undefined) throw new Error('clinic trees missing');
    expect(evaluateQuote(filling, { teeth: 1, material: 'composite' }, 'hy')).toMatchObject({
      kind: 'question',
      question: { id: 'depth' },
      range: { min: 20000, max: 35000 },
      currency: 'AMD',
    });
    expect(evaluateQuote(filling, { teeth: 2, material: 'premium', depth: 'medium' }, 'hy')).toMatchObject({ kind: 'final', price: 75000 });
    expect(evaluateQuote(filling, { teeth: 3 }, 'hy')).toMatchObject({ kind: 'handoff' });
    expect(evaluateQuote(implant, { need: 'consultation' }, 'hy')).toMatchObject({ kind: 'final', price: 15000, serviceId: 'clinic-implant-consult' });
    expect(evaluateQuote(implant, { need: 'implant' }, 'hy')).toMatchObject({ kind: 'handoff', summary: 'Իմպլանտացիա՝ Ծառայություն՝ Իմպլանտի տեղադրում' });
  });

  it('books the barber service the visitor picked, with a 40–55 $ range for shaves', () => {
    const [barber] = demoQuoteTrees['demo-barber-nyc'] ?? [];
    if (barber === undefined) throw new Error('no barber tree');
    expect(evaluateQuote(barber, { service: 'combo' }, 'en')).toMatchObject({ kind: 'final', price: 65, serviceId: 'barber-combo' });
    expect(evaluateQuote(barber, { service: 'shave' }, 'en')).toMatchObject({ kind: 'question', range: { min: 40, max: 55 } });
    expect(evaluateQuote(barber, { service: 'shave', 'shave-type': 'head-face' }, 'en')).toMatchObject({ kind: 'final', price: 55, serviceId: 'barber-shave' });
  });
});
