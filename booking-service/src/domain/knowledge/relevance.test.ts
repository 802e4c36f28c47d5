import { describe, expect, it } from 'vitest';
import { armenianGroups, MIN_RANK, pickAnswer, wordGroups, type Candidate } from './relevance.js';

const c = (id: string, rank: number, lexemes: string[], questions: string[][] = []): Candidate => ({ id, answer: id, serviceId: null, rank, lexemes, questions });
const words = (...ws: string[]) => ({ groups: ws.map((w) => [w]), prefix: false });

describe('pickAnswer: a good enough match or none', () => {
  it('one word of a two-word question found in the question (rank 1.0) answers; the best rank wins', () => {
    expect(pickAnswer([c('park', 1, ['парковк', 'машин']), c('pay', 1.4, ['оплат', 'машин'])], words('машин', 'остав'))?.id).toBe('pay');
  });
  it('a single answer word (rank 0.4 reaches MIN_RANK) answers a one-word question; below the rank nothing does', () => {
    expect(pickAnswer([c('a', MIN_RANK, ['карт'])], words('карт'))?.id).toBe('a');
    expect(pickAnswer([c('a', MIN_RANK - 0.01, ['карт'])], words('карт'))).toBeNull();
  });
  it('one stray word of a long question is not enough; two words are', () => {
    const q = words('скольк', 'стоит', 'стрижк', 'двор');
    expect(pickAnswer([c('park', 0.4, ['двор', 'парковк'])], q)).toBeNull();
    expect(pickAnswer([c('x', 0.8, ['двор', 'стрижк'])], q)?.id).toBe('x');
  });
  it('Armenian terms match by prefix', () => {
    expect(pickAnswer([c('park', 1, ['կայանատեղի'])], { groups: [['կայանատեղ']], prefix: true })?.id).toBe('park');
    expect(pickAnswer([c('park', 1, ['կայանատեղի'])], { groups: [['կայանատեղ']], prefix: false })).toBeNull();
  });
  it('a word counts once whichever of its related words the entry has', () => {
    const q = { groups: [['припарков', 'парковк', 'машин'], ['рядом'], ['салон']], prefix: false };
    // One group of three found, the entry's question not asked in full: not enough.
    expect(pickAnswer([c('park', 1, ['машин', 'парковк', 'двор'], [['остав', 'машин', 'двор']])], q)).toBeNull();
  });
  it('an entry whose own question (or another wording) is asked in full answers, however long the question', () => {
    const q = words('park', 'near', 'salon');
    expect(pickAnswer([c('park', 1, ['park', 'free', 'courtyard'], [['park']])], q)?.id).toBe('park');
    expect(pickAnswer([c('pay', 1, ['pay', 'accept', 'card'], [['pay'], ['accept', 'card']])], words('take', 'card', 'from', 'tourists', 'abroad'))).toBeNull();
    expect(pickAnswer([c('pay', 1, ['pay', 'accept', 'card'], [['pay'], ['accept', 'card']])], words('accept', 'card', 'visa', 'mastercard', 'amex'))?.id).toBe('pay');
    // Armenian: the question's small words do not need asking.
    expect(pickAnswer([c('park', 1, ['կա', 'կայանատեղի'], [['կա', 'կայանատեղի']])], { groups: [['կայանատեղ'], ['մոտակա'], ['փողոց']], prefix: true })?.id).toBe('park');
  });
});

describe('armenianGroups', () => {
  it('drops question and small words, cuts case endings off, folds the question mark inside a word', () => {
    expect(armenianGroups('Որտե՞ղ թողնեմ մեքենան, կա՞ կայանատեղի').map((g) => g[0])).toEqual(['թողն', 'մեքեն', 'կայանատե']);
    expect(armenianGroups('ինչ է դա?')).toEqual([['դա']]);
    expect(armenianGroups('???')).toEqual([]);
  });
  it('strips stacked endings, so another case of the word is found', () => {
    expect(armenianGroups('մաքրումից')[0]).toContain('մաքր');
  });
  it('reads a Latin-typed word in each spelling its letters allow, and adds related words', () => {
    const [card, pay] = armenianGroups('kartov karox em vcharel?');
    expect(card).toEqual(expect.arrayContaining(['կարտ', 'քարտ', 'վճար']));
    expect(pay).toEqual(expect.arrayContaining(['վճար']));
    expect(armenianGroups('parking ka?')).toEqual([expect.arrayContaining(['կայանատեղ', 'մեքենա'])]);
  });
});

describe('wordGroups', () => {
  it('one text per word, with the related words of the ones a topic knows', () => {
    expect(wordGroups('где можно припарковаться?', 'ru')).toEqual(['где', 'можно', 'припарковаться парковка парковаться стоянка машина']);
    expect(wordGroups('do you take apple pay', 'en').at(-1)).toBe('pay pay payment card cash');
  });
});
