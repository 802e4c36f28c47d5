import { describe, expect, it } from 'vitest';
import { armenianTerms, MIN_RANK, pickAnswer, type Candidate } from './relevance.js';

const c = (id: string, rank: number, lexemes: string[]): Candidate => ({ id, answer: id, serviceId: null, rank, lexemes });

describe('pickAnswer: a good enough match or none', () => {
  it('one word of a two-word question found in the question (rank 1.0) answers; the best rank wins', () => {
    expect(pickAnswer([c('park', 1, ['парковк', 'машин']), c('pay', 1.4, ['оплат', 'машин'])], { lexemes: ['машин', 'остав'], prefix: false })?.id).toBe('pay');
  });
  it('a single answer word (rank 0.4 reaches MIN_RANK) answers a one-word question; below the rank nothing does', () => {
    expect(pickAnswer([c('a', MIN_RANK, ['карт'])], { lexemes: ['карт'], prefix: false })?.id).toBe('a');
    expect(pickAnswer([c('a', MIN_RANK - 0.01, ['карт'])], { lexemes: ['карт'], prefix: false })).toBeNull();
  });
  it('one stray word of a long question is not enough; two words are', () => {
    const q = { lexemes: ['скольк', 'стоит', 'стрижк', 'двор'], prefix: false };
    expect(pickAnswer([c('park', 0.4, ['двор', 'парковк'])], q)).toBeNull();
    expect(pickAnswer([c('x', 0.8, ['двор', 'стрижк'])], q)?.id).toBe('x');
  });
  it('Armenian terms match by prefix', () => {
    expect(pickAnswer([c('park', 1, ['կայանատեղի'])], { lexemes: ['կայանատեղ'], prefix: true })?.id).toBe('park');
    expect(pickAnswer([c('park', 1, ['կայանատեղի'])], { lexemes: ['կայանատեղ'], prefix: false })).toBeNull();
  });
});

describe('armenianTerms', () => {
  it('drops question and small words, cuts case endings off long words, folds the question mark inside a word', () => {
    expect(armenianTerms('Որտե՞ղ թողնեմ մեքենան, կա՞ կայանատեղի')).toEqual(['թողն', 'մեքեն', 'կայանատե']);
    expect(armenianTerms('ինչ է դա?')).toEqual(['դա']);
    expect(armenianTerms('???')).toEqual([]);
  });
});
