import { describe, expect, it } from 'vitest';
import type { QuoteTree } from '../api/contract.js';
import { newQuestion, newTree, nextNumber, toForm, toTree } from './tree-form.js';

const tree: QuoteTree = {
  id: 'coloring',
  title: { en: 'Hair coloring', ru: 'Окрашивание' },
  defaultLang: 'en',
  currency: 'USD',
  serviceId: 'svc-color',
  basePrice: 80,
  roundTo: 5,
  questions: [
    {
      id: 'length',
      type: 'choice',
      stage: 'scoping',
      text: { en: 'How long is your hair?' },
      factor: { en: 'Hair length' },
      options: [
        { id: 'short', label: { en: 'Short' }, price: { add: -10 } },
        { id: 'long', label: { en: 'Long' }, price: { add: 30, multiply: 1.2 }, serviceId: 'svc-long' },
        { id: 'extensions', label: { en: 'Extensions' }, handoff: { reason: { en: 'A stylist will look first' } } },
      ],
    },
    {
      id: 'strands',
      type: 'number',
      stage: 'clarifying',
      text: { en: 'How many strands?' },
      when: { questionId: 'length', anyOf: ['long'] },
      min: 0,
      max: 200,
      step: 10,
      unit: { en: 'strands' },
      pricing: { type: 'perUnit', amount: 2 },
      handoffAbove: { value: 150, reason: { en: 'That many needs a consultation' } },
    },
  ],
};

describe('quote tree form', () => {
  it('round-trips a tree through the form unchanged', () => {
    const { tree: back, errors } = toTree(toForm(tree));
    expect(errors).toEqual([]);
    expect(back).toEqual(tree);
  });

  it('drops blank languages and unset optional parts', () => {
    const form = toForm(tree);
    form.title.hy = '   ';
    form.roundTo = '';
    form.questions[0]!.options[0]!.add = '';
    const { tree: back } = toTree(form);
    expect(back.title).toEqual({ en: 'Hair coloring', ru: 'Окрашивание' });
    expect('roundTo' in back).toBe(false);
    const q = back.questions[0]!;
    expect(q.type === 'choice' && q.options[0]!.price).toBeUndefined();
  });

  it('names fields that are not numbers or not filled, with the server path syntax', () => {
    const form = newTree(1, { defaultLang: 'en', currency: 'USD', serviceId: 's' });
    form.basePrice = 'abc';
    form.questions.push(newQuestion(1));
    form.questions[0]!.options[1]!.multiply = 'x2';
    form.questions[0]!.options[1]!.add = '1.5';
    const { errors } = toTree(form);
    expect(errors.map((e) => e.path)).toEqual([
      'questions.0.text',
      'questions.0.options.0.label',
      'questions.0.options.1.price.add',
      'questions.0.options.1.price.multiply',
      'questions.0.options.1.label',
      'title',
      'basePrice',
    ]);
  });

  it('accepts a decimal comma for multipliers', () => {
    const form = toForm(tree);
    form.questions[0]!.options[1]!.multiply = '1,5';
    const q = toTree(form).tree.questions[0]!;
    expect(q.type === 'choice' && q.options[1]!.price?.multiply).toBe(1.5);
  });
});

describe('nextNumber (ids are made, never typed)', () => {
  it('takes the smallest free number, so a removed question’s number comes back without a clash', () => {
    expect(nextNumber('question', [])).toBe(1);
    expect(nextNumber('question', ['question-1', 'question-3'])).toBe(2);
    expect(nextNumber('option', ['option-1', 'option-2'])).toBe(3);
  });
});
