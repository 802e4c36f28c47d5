import { describe, expect, it } from 'vitest';
import { evaluateQuote } from './evaluate-quote.js';
import { quoteTreeSchema, type QuoteTree } from './quote-tree-schema.js';

// A salon coloring tree plus a number question, in two languages (no Armenian: tests fallback).
const coloring: QuoteTree = quoteTreeSchema.parse({
  id: 'coloring',
  title: { ru: 'Окрашивание', en: 'Coloring' },
  defaultLang: 'ru',
  currency: 'RUB',
  serviceId: 'salon-coloring',
  basePrice: 5000,
  roundTo: 100,
  questions: [
    {
      id: 'length',
      stage: 'scoping',
      type: 'choice',
      text: { ru: 'Какая длина?', en: 'How long is your hair?' },
      factor: { ru: 'Длина', en: 'Length' },
      options: [
        { id: 'short', label: { ru: 'Короткие', en: 'Short' } },
        { id: 'long', label: { ru: 'Длинные', en: 'Long' }, price: { add: 3000 } },
      ],
    },
    {
      id: 'technique',
      stage: 'scoping',
      type: 'choice',
      text: { ru: 'Какая техника?', en: 'Which technique?' },
      factor: { ru: 'Техника', en: 'Technique' },
      options: [
        { id: 'one-tone', label: { ru: 'Однотонное', en: 'One tone' } },
        { id: 'balayage', label: { ru: 'Балаяж', en: 'Balayage' }, price: { add: 2500 } },
        { id: 'black', label: { ru: 'Выход из чёрного', en: 'Out of black' }, handoff: { reason: { ru: 'Нужна консультация', en: 'Needs a consultation' } } },
      ],
    },
    {
      id: 'toner',
      stage: 'scoping',
      type: 'number',
      text: { ru: 'Сколько тюбиков тонера?', en: 'How many toner tubes?' },
      factor: { ru: 'Тонер', en: 'Toner' },
      min: 0,
      max: 6,
      step: 2,
      pricing: { type: 'perUnit', amount: 250 },
      handoffAbove: { value: 4, reason: { ru: 'Много тонера — к мастеру', en: 'That much toner needs a colourist' } },
    },
    {
      id: 'density',
      stage: 'clarifying',
      type: 'choice',
      text: { ru: 'Густые волосы?', en: 'Is your hair thick?' },
      factor: { ru: 'Густота', en: 'Density' },
      options: [
        { id: 'normal', label: { ru: 'Обычные', en: 'Normal' } },
        { id: 'thick', label: { ru: 'Густые', en: 'Thick' }, price: { multiply: 1.15 } },
      ],
    },
  ],
});

describe('evaluateQuote', () => {
  it('asks the first question without a range and lists every price factor', () => {
    const result = evaluateQuote(coloring, {}, 'en');
    expect(result).toEqual({
      kind: 'question',
      question: {
        id: 'length',
        stage: 'scoping',
        text: 'How long is your hair?',
        factor: 'Length',
        type: 'choice',
        options: [
          { id: 'short', label: 'Short' },
          { id: 'long', label: 'Long' },
        ],
      },
      factors: ['Length', 'Technique', 'Toner', 'Density'],
      currency: 'RUB',
    });
  });

  it('renders a number question with its limits and a default step', () => {
    const result = evaluateQuote(coloring, { length: 'short', technique: 'one-tone' }, 'en');
    expect(result).toMatchObject({
      kind: 'question',
      question: { id: 'toner', type: 'number', min: 0, max: 6, step: 2 },
      factors: ['Toner', 'Density'],
    });
    expect(result.kind === 'question' && 'range' in result).toBe(false);
  });

  it('gives the range and the remaining factor once scoping is done', () => {
    const result = evaluateQuote(coloring, { length: 'long', technique: 'balayage', toner: 2 }, 'en');
    // 5000 + 3000 + 2500 + 2 × 250 = 11000; thick × 1.15 = 12650.
    expect(result).toMatchObject({
      kind: 'question',
      question: { id: 'density', stage: 'clarifying' },
      range: { min: 11000, max: 12700 },
      factors: ['Density'],
    });
  });

  it('fixes the final price with the clarifying answer, rounded to the tree granularity', () => {
    const result = evaluateQuote(coloring, { length: 'long', technique: 'balayage', toner: 2, density: 'thick' }, 'en');
    expect(result).toEqual({
      kind: 'final',
      price: 12700, // 12650 rounded to 100
      range: { min: 11000, max: 12700 },
      currency: 'RUB',
      serviceId: 'salon-coloring',
      summary: 'Coloring: Length: Long; Technique: Balayage; Toner: 2; Density: Thick',
      factors: ['Length: Long', 'Technique: Balayage', 'Toner: 2', 'Density: Thick'],
    });
  });

  it('hands off with a summary and the reason when an option needs a specialist', () => {
    expect(evaluateQuote(coloring, { length: 'long', technique: 'black' }, 'ru')).toEqual({
      kind: 'handoff',
      summary: 'Окрашивание: Длина: Длинные; Техника: Выход из чёрного',
      reason: 'Нужна консультация',
      serviceId: 'salon-coloring',
    });
  });

  it('hands off above a number threshold but prices up to it', () => {
    const base = { length: 'short', technique: 'one-tone' };
    expect(evaluateQuote(coloring, { ...base, toner: 6 }, 'en')).toMatchObject({ kind: 'handoff', reason: 'That much toner needs a colourist' });
    expect(evaluateQuote(coloring, { ...base, toner: 4, density: 'normal' }, 'en')).toMatchObject({ kind: 'final', price: 6000 });
  });

  it('accepts a number sent as digits in a string', () => {
    expect(evaluateQuote(coloring, { length: 'short', technique: 'one-tone', toner: ' 2 ', density: 'normal' }, 'en')).toMatchObject({
      kind: 'final',
      price: 5500,
    });
  });

  it.each([
    [{ colour: 'red' }, 'colour', 'UNKNOWN_QUESTION'],
    [{ length: 'medium' }, 'length', 'UNKNOWN_OPTION'],
    [{ length: 1 }, 'length', 'UNKNOWN_OPTION'],
    [{ length: 'short', technique: 'one-tone', toner: 'two' }, 'toner', 'NOT_A_NUMBER'],
    [{ length: 'short', technique: 'one-tone', toner: '-2' }, 'toner', 'NOT_A_NUMBER'],
    [{ length: 'short', technique: 'one-tone', toner: Number.NaN }, 'toner', 'NOT_A_NUMBER'],
    [{ length: 'short', technique: 'one-tone', toner: 8 }, 'toner', 'OUT_OF_RANGE'],
    [{ length: 'short', technique: 'one-tone', toner: -2 }, 'toner', 'OUT_OF_RANGE'],
    [{ length: 'short', technique: 'one-tone', toner: 3 }, 'toner', 'OFF_STEP'],
    [{ length: 'short', technique: 'one-tone', toner: 2.5 }, 'toner', 'OFF_STEP'],
  ] as const)('rejects %j: %s is %s', (answers, field, reason) => {
    expect(evaluateQuote(coloring, answers, 'en')).toEqual({ kind: 'invalid', field, reason });
  });

  it('falls back to the business language, then to any language', () => {
    const result = evaluateQuote(coloring, {}, 'hy');
    expect(result).toMatchObject({ kind: 'question', question: { text: 'Какая длина?' } });
  });
});

describe('evaluateQuote with conditions', () => {
  // Salon haircut: men's is a fixed price, women's depends on length.
  const haircut: QuoteTree = quoteTreeSchema.parse({
    id: 'haircut',
    title: { en: 'Haircut' },
    defaultLang: 'en',
    currency: 'RUB',
    serviceId: 'salon-haircut-women',
    basePrice: 0,
    questions: [
      {
        id: 'for',
        stage: 'scoping',
        type: 'choice',
        text: { en: 'Who is it for?' },
        options: [
          { id: 'women', label: { en: "Women's" }, price: { add: 2500 } },
          { id: 'men', label: { en: "Men's" }, price: { add: 1800 }, serviceId: 'salon-haircut-men' },
        ],
      },
      {
        id: 'length',
        stage: 'clarifying',
        type: 'choice',
        text: { en: 'Hair length?' },
        when: { questionId: 'for', anyOf: ['women'] },
        options: [
          { id: 'short', label: { en: 'Short' } },
          { id: 'long', label: { en: 'Long' }, price: { add: 2000 } },
        ],
      },
    ],
  });

  it('skips a question whose condition is not met and books the service the answer names', () => {
    expect(evaluateQuote(haircut, { for: 'men' }, 'en')).toMatchObject({
      kind: 'final',
      price: 1800,
      range: { min: 1800, max: 1800 },
      serviceId: 'salon-haircut-men',
      summary: "Haircut: Who is it for?: Men's",
    });
  });

  it('ignores an answer to a question that no longer applies', () => {
    expect(evaluateQuote(haircut, { for: 'men', length: 'long' }, 'en')).toMatchObject({ kind: 'final', price: 1800 });
    expect(evaluateQuote(haircut, { for: 'men', length: 'nonsense' }, 'en')).toMatchObject({ kind: 'final', price: 1800 });
  });

  it('counts a conditional question among the factors before its condition is decided', () => {
    expect(evaluateQuote(haircut, {}, 'en')).toMatchObject({ factors: ['Who is it for?', 'Hair length?'] });
    expect(evaluateQuote(haircut, { for: 'women' }, 'en')).toMatchObject({
      question: { id: 'length' },
      range: { min: 2500, max: 4500 },
      factors: ['Hair length?'],
    });
  });

  it('does not treat inherited object properties as answers', () => {
    const tree: QuoteTree = { ...haircut, questions: haircut.questions.map((q) => (q.id === 'for' ? { ...q, id: 'constructor' } : q)) };
    const withCondition: QuoteTree = {
      ...tree,
      questions: tree.questions.map((q) => (q.when ? { ...q, when: { questionId: 'constructor', anyOf: ['women'] } } : q)),
    };
    expect(evaluateQuote(withCondition, {}, 'en')).toMatchObject({ kind: 'question', question: { id: 'constructor' } });
  });
});

describe('evaluateQuote pricing', () => {
  const perTooth: QuoteTree = quoteTreeSchema.parse({
    id: 'filling',
    title: { en: 'Filling' },
    defaultLang: 'en',
    currency: 'AMD',
    serviceId: 'clinic-filling',
    basePrice: 20000,
    questions: [
      { id: 'teeth', stage: 'scoping', type: 'number', text: { en: 'How many teeth?' }, min: 1, max: 3, pricing: { type: 'quantity' } },
      {
        id: 'depth',
        stage: 'clarifying',
        type: 'choice',
        text: { en: 'Depth?' },
        options: [
          { id: 'shallow', label: { en: 'Shallow' } },
          { id: 'deep', label: { en: 'Deep' }, price: { add: 15000 } },
        ],
      },
    ],
  });

  it('multiplies the per-unit price by a quantity answer', () => {
    expect(evaluateQuote(perTooth, { teeth: 2 }, 'en')).toMatchObject({ range: { min: 40000, max: 70000 } });
    expect(evaluateQuote(perTooth, { teeth: 2, depth: 'deep' }, 'en')).toMatchObject({ kind: 'final', price: 70000 });
  });

  it('never quotes below zero', () => {
    const discounted: QuoteTree = {
      ...perTooth,
      basePrice: 100,
      questions: [
        {
          id: 'promo',
          stage: 'scoping',
          type: 'choice',
          text: { en: 'Promo?' },
          options: [
            { id: 'none', label: { en: 'No' } },
            { id: 'big', label: { en: 'Yes' }, price: { add: -500 } },
          ],
        },
      ],
    };
    expect(evaluateQuote(discounted, { promo: 'big' }, 'en')).toMatchObject({ kind: 'final', price: 0 });
  });

  it('quotes a tree without questions at its base price', () => {
    expect(evaluateQuote({ ...perTooth, questions: [] }, {}, 'en')).toMatchObject({ kind: 'final', price: 20000, range: { min: 20000, max: 20000 } });
  });
});

describe('summary words', () => {
  const haircut: QuoteTree = quoteTreeSchema.parse({
    id: 'haircut',
    title: { ru: 'Стрижка', hy: 'Սանրվածք', en: 'Haircut' },
    defaultLang: 'ru',
    currency: 'RUB',
    serviceId: 'salon-haircut-women',
    basePrice: 0,
    questions: [
      {
        id: 'kind',
        stage: 'scoping',
        type: 'choice',
        text: { ru: 'Какая стрижка?', hy: 'Ինչպիսի՞ սանրվածք', en: 'Which haircut?' },
        factor: { ru: 'Стрижка', hy: 'Սանրվածք', en: 'Haircut' },
        options: [
          { id: 'women', label: { ru: 'Женская', hy: 'Կանացի', en: "Women's" }, price: { add: 2500 } },
          { id: 'men', label: { ru: 'Мужская', hy: 'Տղամարդու', en: "Men's" }, price: { add: 1800 } },
        ],
      },
    ],
  });

  it('says a factor that repeats the title once: "Стрижка: Женская", not "Стрижка: Стрижка: Женская"', () => {
    const r = evaluateQuote(haircut, { kind: 'women' }, 'ru');
    expect(r).toMatchObject({ summary: 'Стрижка: Женская' });
  });

  it('uses the Armenian pause «՝» between a label and its value', () => {
    const r = evaluateQuote(haircut, { kind: 'women' }, 'hy');
    expect(r).toMatchObject({ summary: 'Սանրվածք՝ Կանացի' });
  });
});
