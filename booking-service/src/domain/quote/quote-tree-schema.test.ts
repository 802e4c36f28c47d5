import { describe, expect, it } from 'vitest';
import { quoteTreeListSchema, quoteTreeSchema, type QuoteTree } from './quote-tree-schema.js';

function tree(): QuoteTree {
  return {
    id: 'coloring',
    title: { en: 'Hair coloring' },
    defaultLang: 'en',
    currency: 'RUB',
    serviceId: 'salon-coloring',
    basePrice: 5000,
    roundTo: 100,
    questions: [
      {
        id: 'length',
        stage: 'scoping',
        type: 'choice',
        text: { en: 'How long is your hair?' },
        options: [
          { id: 'short', label: { en: 'Short' } },
          { id: 'long', label: { en: 'Long' }, price: { add: 3000 } },
        ],
      },
      {
        id: 'technique',
        stage: 'scoping',
        type: 'choice',
        text: { en: 'Technique?' },
        options: [
          { id: 'one-tone', label: { en: 'One tone' } },
          { id: 'balayage', label: { en: 'Balayage' }, price: { add: 2500 } },
          { id: 'black', label: { en: 'Correction after black' }, handoff: { reason: { en: 'Needs a consultation' } } },
        ],
      },
      {
        id: 'extensions',
        stage: 'scoping',
        type: 'number',
        text: { en: 'How many extension strands?' },
        min: 0,
        max: 200,
        step: 50,
        pricing: { type: 'perUnit', amount: 10 },
        handoffAbove: { value: 150, reason: { en: 'A big job' } },
      },
      {
        id: 'density',
        stage: 'clarifying',
        type: 'choice',
        text: { en: 'Is your hair thick?' },
        when: { questionId: 'technique', anyOf: ['one-tone', 'balayage'] },
        options: [
          { id: 'normal', label: { en: 'Normal' } },
          { id: 'thick', label: { en: 'Thick' }, price: { multiply: 1.2 } },
        ],
      },
    ],
  };
}

function messages(input: unknown): string[] {
  const result = quoteTreeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

function edit(change: (t: QuoteTree) => void): QuoteTree {
  const t = structuredClone(tree());
  change(t);
  return t;
}

function question(t: QuoteTree, index: number) {
  const q = t.questions[index];
  if (q === undefined) throw new Error(`fixture has no questions[${index}]`);
  return q;
}

describe('quoteTreeSchema', () => {
  it('accepts a tree using every feature', () => {
    expect(quoteTreeSchema.parse(tree())).toEqual(tree());
  });

  it('accepts a tree with no questions (a fixed price)', () => {
    expect(messages({ ...tree(), questions: [] })).toEqual([]);
  });

  it('names the path of a duplicate question id', () => {
    const t = edit((t) => {
      question(t, 1).id = 'length';
    });
    expect(messages(t)).toContain('questions[1].id: duplicate question id "length" (already used by questions[0])');
  });

  it('names the path of a duplicate option id', () => {
    const t = edit((t) => {
      const q = question(t, 0);
      if (q.type === 'choice' && q.options[1]) q.options[1].id = 'short';
    });
    expect(messages(t)).toContain('questions[0].options[1].id: duplicate option id "short" (already used by options[0])');
  });

  it('rejects conditions on missing, later or number questions and missing options', () => {
    const missing = edit((t) => {
      question(t, 3).when = { questionId: 'nope', anyOf: ['x'] };
    });
    expect(messages(missing)).toContain('questions[3].when.questionId: no question has id "nope"');

    const later = edit((t) => {
      question(t, 0).when = { questionId: 'technique', anyOf: ['balayage'] };
    });
    expect(messages(later)[0]).toMatch(/^questions\[0\]\.when\.questionId: "technique" must come before/);

    const onNumber = edit((t) => {
      question(t, 3).when = { questionId: 'extensions', anyOf: ['x'] };
    });
    expect(messages(onNumber)[0]).toMatch(/^questions\[3\]\.when\.questionId: "extensions" is a number question/);

    const badOption = edit((t) => {
      question(t, 3).when = { questionId: 'technique', anyOf: ['one-tone', 'airtouch'] };
    });
    expect(messages(badOption)).toEqual(['questions[3].when.anyOf[1]: question "technique" has no option "airtouch"']);

    const onlyHandoff = edit((t) => {
      question(t, 3).when = { questionId: 'technique', anyOf: ['black'] };
    });
    expect(messages(onlyHandoff)[0]).toMatch(/^questions\[3\]\.when\.anyOf: lists only hand-off options/);
  });

  it('rejects a choice question whose options all hand off', () => {
    const t = edit((t) => {
      const q = question(t, 0);
      if (q.type === 'choice') for (const o of q.options) o.handoff = { reason: { en: 'x' } };
    });
    expect(messages(t)).toContain('questions[0].options: every option hands off; at least one must lead to a price');
  });

  it('rejects min > max and a hand-off threshold outside [min, max)', () => {
    const inverted = edit((t) => {
      const q = question(t, 2);
      if (q.type === 'number') [q.min, q.max] = [300, 200];
    });
    expect(messages(inverted)).toContain('questions[2].max: max (200) is below min (300)');

    const threshold = edit((t) => {
      const q = question(t, 2);
      if (q.type === 'number') q.handoffAbove = { value: 200, reason: { en: 'x' } };
    });
    expect(messages(threshold)[0]).toMatch(/^questions\[2\]\.handoffAbove\.value: must be at least min \(0\) and below max \(200\)/);
  });

  it('requires scoping questions before the clarifying one', () => {
    const t = edit((t) => {
      t.questions.push({ ...question(t, 0), id: 'late', stage: 'scoping' });
    });
    expect(messages(t)).toContain('questions[4].stage: scoping questions must come before the clarifying one (questions[3])');
  });

  it('allows two clarifying questions only as alternatives on the same question', () => {
    const alternatives = edit((t) => {
      question(t, 3).when = { questionId: 'technique', anyOf: ['one-tone'] };
      t.questions.push({ ...question(t, 3), id: 'previous', when: { questionId: 'technique', anyOf: ['balayage'] } });
    });
    expect(messages(alternatives)).toEqual([]);

    const both = edit((t) => {
      t.questions.push({ ...question(t, 3), id: 'previous' });
    });
    expect(messages(both)[0]).toMatch(/^questions\[4\]\.when: questions\[3\] and questions\[4\] are both clarifying/);
  });

  it('rejects non-integer prices, unknown keys, bad ids and unknown currencies', () => {
    expect(messages({ ...tree(), basePrice: 10.5 })).not.toEqual([]);
    expect(messages({ ...tree(), basePrice: -1 })).not.toEqual([]);
    expect(messages({ ...tree(), id: 'Coloring!' })).not.toEqual([]);
    expect(messages({ ...tree(), currency: 'EUR' })).not.toEqual([]);
    expect(messages({ ...tree(), colour: 'red' })).not.toEqual([]);
  });

  it('rejects a tree whose highest price is implausible', () => {
    const t = edit((t) => {
      const q = question(t, 2);
      if (q.type === 'number') q.pricing = { type: 'quantity' };
      t.basePrice = 100_000_000;
    });
    expect(messages(t)[0]).toMatch(/^questions: the highest possible price exceeds 1000000000/);
  });
});

describe('quoteTreeListSchema', () => {
  it('rejects two trees with the same id', () => {
    const result = quoteTreeListSchema.safeParse([tree(), tree()]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['[1].id: duplicate tree id "coloring" (already used by [0])']);
  });
});
