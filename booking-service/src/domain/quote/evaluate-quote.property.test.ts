/**
 * Properties over random valid trees: every range evaluateQuote shows is exactly the span of
 * final prices the remaining answers can still produce, and no input makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateQuote, type QuoteAnswers } from './evaluate-quote.js';
import { initialTerms, intervalRange, priceRange, type PriceRange } from './price-bounds.js';
import { quoteTreeSchema, type QuoteTree } from './quote-tree-schema.js';

const text = { en: 't' };

const effectArb = fc.record(
  {
    add: fc.integer({ min: -3000, max: 5000 }),
    multiply: fc.constantFrom(0.5, 0.9, 1.1, 1.15, 1.25, 2),
  },
  { requiredKeys: [] },
);

const choiceSpecArb = fc.record({
  type: fc.constant('choice' as const),
  options: fc.array(
    fc.record({
      effect: fc.option(effectArb, { nil: undefined }),
      handoff: fc.boolean(),
      serviceId: fc.option(fc.constantFrom('svc-a', 'svc-b'), { nil: undefined }),
    }),
    { minLength: 2, maxLength: 4 },
  ),
});

const numberSpecArb = fc.record({
  type: fc.constant('number' as const),
  min: fc.integer({ min: 0, max: 3 }),
  span: fc.integer({ min: 0, max: 4 }),
  step: fc.integer({ min: 1, max: 3 }),
  pricing: fc.oneof(
    fc.record({ type: fc.constant('perUnit' as const), amount: fc.integer({ min: -500, max: 2000 }) }),
    fc.constant({ type: 'quantity' as const }),
  ),
  handoffAt: fc.option(fc.nat(), { nil: undefined }),
});

const treeSpecArb = fc.record({
  basePrice: fc.integer({ min: 0, max: 10_000 }),
  roundTo: fc.constantFrom(1, 10, 100),
  clarifyingLast: fc.boolean(),
  questions: fc.array(
    fc.record({
      spec: fc.oneof(choiceSpecArb, numberSpecArb),
      condition: fc.option(fc.record({ ref: fc.nat(), mask: fc.nat() }), { nil: undefined }),
    }),
    { maxLength: 5 },
  ),
});

type TreeSpec = typeof treeSpecArb extends fc.Arbitrary<infer T> ? T : never;

/** Turns a random spec into a tree; conditions point at earlier choice questions by index. */
function buildTree(spec: TreeSpec): unknown {
  const questions: Array<Record<string, unknown>> = [];
  spec.questions.forEach(({ spec: q, condition }, i) => {
    const id = `q${i}`;
    const stage = spec.clarifyingLast && i === spec.questions.length - 1 ? 'clarifying' : 'scoping';
    const earlierChoices = questions.filter((earlier) => earlier['type'] === 'choice');
    let when: unknown;
    const ref = condition === undefined ? undefined : earlierChoices[condition.ref % Math.max(1, earlierChoices.length)];
    if (condition !== undefined && ref !== undefined) {
      const options = ref['options'] as Array<{ id: string }>;
      const picked = options.filter((_, k) => (condition.mask >> k) & 1).map((o) => o.id);
      when = { questionId: ref['id'], anyOf: picked.length > 0 ? picked : [options[0]?.id] };
    }
    if (q.type === 'choice') {
      const allHandoff = q.options.every((o) => o.handoff);
      questions.push({
        id,
        stage,
        type: 'choice',
        text,
        ...(when !== undefined && { when }),
        options: q.options.map((o, k) => ({
          id: `o${k}`,
          label: text,
          ...(o.effect !== undefined && { price: o.effect }),
          ...(o.serviceId !== undefined && { serviceId: o.serviceId }),
          ...(o.handoff && !(allHandoff && k === 0) && { handoff: { reason: text } }),
        })),
      });
    } else {
      const max = q.min + q.span;
      questions.push({
        id,
        stage,
        type: 'number',
        text,
        ...(when !== undefined && { when }),
        min: q.min,
        max,
        step: q.step,
        pricing: q.pricing,
        ...(q.handoffAt !== undefined && q.span > 0 && { handoffAbove: { value: q.min + (q.handoffAt % q.span), reason: text } }),
      });
    }
  });
  return {
    id: 'random',
    title: text,
    defaultLang: 'en',
    currency: 'USD',
    serviceId: 'svc-default',
    basePrice: spec.basePrice,
    roundTo: spec.roundTo,
    questions,
  };
}

/** Random trees the schema accepts (a few specs, e.g. conditions on hand-off options only, are not). */
const treeArb: fc.Arbitrary<QuoteTree> = treeSpecArb
  .map((spec) => quoteTreeSchema.safeParse(buildTree(spec)))
  .filter((result) => result.success)
  .map((result) => {
    if (!result.success) throw new Error('filtered above');
    return result.data;
  });

/**
 * Answers every remaining question every possible way (numbers: every value, including those
 * that hand off) and returns the final prices reached, checking each shown range on the way.
 */
function finalsFrom(tree: QuoteTree, answers: Record<string, string | number>, shown?: PriceRange): number[] {
  const result = evaluateQuote(tree, answers, 'en');
  switch (result.kind) {
    case 'final':
      // The final result repeats the range shown before the clarifying question, if there was one.
      expect(result.range).toEqual(shown ?? { min: result.price, max: result.price });
      expect(result.price).toBeGreaterThanOrEqual(result.range.min);
      expect(result.price).toBeLessThanOrEqual(result.range.max);
      return [result.price];
    case 'handoff':
      return [];
    case 'invalid':
      throw new Error(`generated an invalid answer: ${JSON.stringify(result)}`);
    case 'question': {
      const q = result.question;
      const values: Array<string | number> = [];
      if (q.type === 'choice') values.push(...q.options.map((o) => o.id));
      else for (let v = q.min; v <= q.max; v += q.step) values.push(v);
      const finals = values.flatMap((v) => finalsFrom(tree, { ...answers, [q.id]: v }, result.range ?? shown));
      // Every question has an answer leading to a price, so some final is always reachable.
      expect(finals.length).toBeGreaterThan(0);
      if (result.range !== undefined) {
        expect(result.range).toEqual({ min: Math.min(...finals), max: Math.max(...finals) });
      }
      return finals;
    }
  }
}

describe('evaluateQuote properties', () => {
  it('shows a range equal to the span of final prices the remaining answers can reach', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const finals = finalsFrom(tree, {});
        const exact = { min: Math.min(...finals), max: Math.max(...finals) };
        // The same holds for the range before any answer, and the fallback never cuts it short.
        expect(priceRange(tree, new Map(), initialTerms(tree), 0)).toEqual(exact);
        const wide = intervalRange(tree, new Map(), initialTerms(tree), 0);
        expect(wide.min).toBeLessThanOrEqual(exact.min);
        expect(wide.max).toBeGreaterThanOrEqual(exact.max);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a value, never throws, for arbitrary answers', () => {
    const answersArb = (tree: QuoteTree): fc.Arbitrary<QuoteAnswers> =>
      fc.dictionary(
        fc.oneof(fc.constantFrom(...tree.questions.map((q) => q.id), 'constructor', 'toString'), fc.string({ maxLength: 10 })),
        fc.oneof(
          fc.constantFrom('o0', 'o1', 'o2', 'o3', ''),
          fc.string({ maxLength: 100 }),
          fc.integer({ min: -10, max: 20 }),
          fc.double(),
        ),
        { maxKeys: 20 },
      );
    fc.assert(
      fc.property(
        treeArb.chain((tree) => fc.tuple(fc.constant(tree), answersArb(tree), fc.constantFrom<'ru' | 'hy' | 'en'>('ru', 'hy', 'en'))),
        ([tree, answers, lang]) => {
          const result = evaluateQuote(tree, answers, lang);
          expect(['question', 'final', 'handoff', 'invalid']).toContain(result.kind);
          if (result.kind === 'final') expect(Number.isInteger(result.price)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
