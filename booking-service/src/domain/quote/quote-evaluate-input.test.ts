import { describe, expect, it } from 'vitest';
import { quoteEvaluateInputSchema } from './quote-evaluate-input.js';

const valid = { siteKey: 'demo-salon-spb', treeId: 'coloring', answers: { length: 'long', teeth: 2 }, lang: 'ru' };

describe('quoteEvaluateInputSchema', () => {
  it('accepts option ids and numbers as answers', () => {
    expect(quoteEvaluateInputSchema.parse(valid)).toEqual(valid);
    expect(quoteEvaluateInputSchema.parse({ ...valid, answers: {} }).answers).toEqual({});
  });

  it('rejects more than 20 answers', () => {
    const answers = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i}`, 'a']));
    const result = quoteEvaluateInputSchema.safeParse({ ...valid, answers });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('at most 20 answers');
  });

  it('drops a "__proto__" key instead of passing it on', () => {
    const parsed = quoteEvaluateInputSchema.parse({ ...valid, answers: JSON.parse('{"__proto__": "x", "length": "long"}') });
    expect(Object.keys(parsed.answers)).toEqual(['length']);
  });

  it('rejects long strings, non-finite numbers, odd keys and unknown languages', () => {
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, answers: { length: 'x'.repeat(101) } }).success).toBe(false);
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, answers: { teeth: Number.POSITIVE_INFINITY } }).success).toBe(false);
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, answers: { teeth: Number.NaN } }).success).toBe(false);
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, answers: { length: true } }).success).toBe(false);
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, lang: 'de' }).success).toBe(false);
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, siteKey: '' }).success).toBe(false);
    expect(quoteEvaluateInputSchema.safeParse({ ...valid, treeId: 'Bad Id' }).success).toBe(false);
  });
});
