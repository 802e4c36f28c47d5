import { describe, expect, it } from 'vitest';
import { evaluateQuote } from './evaluate-quote.js';
import { canMovePrice, finalizePrice, initialTerms, intervalRange, priceRange, reachFrom } from './price-bounds.js';
import { quoteTreeSchema, type QuoteTree } from './quote-tree-schema.js';

const text = { en: 't' };

describe('finalizePrice', () => {
  it('rounds to the granularity after snapping float noise', () => {
    expect(finalizePrice({ add: 11000, factor: 1.15 }, 100)).toBe(12700); // 12649.999999999998
    expect(finalizePrice({ add: 2649, factor: 1 }, 100)).toBe(2600);
    expect(finalizePrice({ add: 45, factor: 1.1 }, 1)).toBe(50); // 49.50000000000001
  });

  it('clamps at zero', () => {
    expect(finalizePrice({ add: -100, factor: 2 }, 1)).toBe(0);
  });
});

// The correlation between "service" and "length" is what interval arithmetic cannot see.
const correlated: QuoteTree = quoteTreeSchema.parse({
  id: 'correlated',
  title: text,
  defaultLang: 'en',
  currency: 'RUB',
  serviceId: 's',
  basePrice: 0,
  questions: [
    {
      id: 'service',
      stage: 'scoping',
      type: 'choice',
      text,
      options: [
        { id: 'coloring', label: text, price: { add: 5000 } },
        { id: 'cut', label: text, price: { add: 1000 } },
        { id: 'complex', label: text, handoff: { reason: text } },
      ],
    },
    {
      id: 'length',
      stage: 'clarifying',
      type: 'choice',
      text,
      when: { questionId: 'service', anyOf: ['cut', 'complex'] },
      options: [
        { id: 'short', label: text },
        { id: 'long', label: text, price: { add: 1000 } },
      ],
    },
  ],
});

describe('priceRange', () => {
  it('is exact where interval arithmetic over-approximates', () => {
    expect(priceRange(correlated, new Map(), initialTerms(correlated), 0)).toEqual({ min: 1000, max: 5000 });
    expect(intervalRange(correlated, new Map(), initialTerms(correlated), 0)).toEqual({ min: 1000, max: 6000 });
  });

  it('falls back to a containing range for trees too large to enumerate, quickly', () => {
    // 20 questions × 12 options = 12^20 paths.
    const big: QuoteTree = quoteTreeSchema.parse({
      id: 'big',
      title: text,
      defaultLang: 'en',
      currency: 'AMD',
      serviceId: 's',
      basePrice: 1000,
      questions: Array.from({ length: 20 }, (_, i) => ({
        id: `q${i}`,
        stage: 'scoping',
        type: 'choice',
        text,
        options: Array.from({ length: 12 }, (_, k) => ({ id: `o${k}`, label: text, price: { add: (k * 37 * (i + 1)) % 500 } })),
      })),
    });
    const started = performance.now();
    const range = priceRange(big, new Map(), initialTerms(big), 0);
    expect(performance.now() - started).toBeLessThan(1000);

    // With independent questions the interval bounds are exact: all cheapest / all dearest.
    const pick = (choose: (adds: number[]) => number) =>
      Object.fromEntries(
        big.questions.map((q) => {
          if (q.type !== 'choice') throw new Error('choice only');
          const adds = q.options.map((o) => o.price?.add ?? 0);
          return [q.id, `o${adds.indexOf(choose(adds))}`];
        }),
      );
    expect(evaluateQuote(big, pick((a) => Math.min(...a)), 'en')).toMatchObject({ kind: 'final', price: range.min });
    expect(evaluateQuote(big, pick((a) => Math.max(...a)), 'en')).toMatchObject({ kind: 'final', price: range.max });
  });
});

describe('reachFrom', () => {
  it('marks a conditional question maybe until its condition is answered', () => {
    expect(reachFrom(correlated, new Map(), 0).get('length')).toBe('maybe');
    expect(reachFrom(correlated, new Map([['service', 'cut']]), 1).get('length')).toBe('yes');
    expect(reachFrom(correlated, new Map([['service', 'coloring']]), 1).get('length')).toBe('no');
  });
});

describe('canMovePrice', () => {
  it('ignores hand-off options and questions whose options all cost the same', () => {
    const [service, length] = correlated.questions;
    expect(service && canMovePrice(service)).toBe(true);
    expect(length && canMovePrice(length)).toBe(true);
    if (service?.type !== 'choice') throw new Error('fixture');
    expect(canMovePrice({ ...service, options: service.options.map((o) => ({ ...o, price: { add: 5 } })) })).toBe(false);
  });
});
