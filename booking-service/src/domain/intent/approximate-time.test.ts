import { describe, expect, it } from 'vitest';
import { approximateToExact } from './approximate-time.js';

describe('approximateToExact', () => {
  it.each([
    ['tmrw around 2', 'tmrw at 2'],
    ['at about 3pm', 'at 3pm'],
    ['roughly 10:30', 'at 10:30'],
    ['2ish', 'at 2'],
    ['friday 5-ish', 'friday at 5'],
    ['около 2', 'в 2'],
    ['примерно в 5 вечера', 'в 5 вечера'],
    ['где-то к 11', 'в 11'],
    ['часа в 3', 'в 3'],
    ['ժամը 2-ի մոտ', 'ժամը 2-ին'],
    ['մոտ 3-ին', 'ժամը 3-ին'],
    ['vaxy 2-i koxmer@', 'vaxy ժամը 2-ին'],
  ])('%s → %s', (text, exact) => {
    expect(approximateToExact(text)).toBe(exact);
  });

  it('leaves quantities alone', () => {
    for (const t of ['about 2 hours', 'around 3 people', 'около 2 недель', 'примерно 3 минуты', 'about 20 dollars']) {
      expect(approximateToExact(t), t).toBe(t);
    }
  });
});

describe('approximateToExact: a hedge after "at" (issue 18)', () => {
  it('reads "at like 5", "at maybe 3pm" as the time', () => {
    expect(approximateToExact('tmrw at like 5')).toBe('tmrw at 5');
    expect(approximateToExact('at maybe 3pm?')).toBe('at 3pm?');
  });

  it('leaves "like" that is no hedge alone', () => {
    for (const t of ["i'd like 2 haircuts", 'at like 2 hours long']) expect(approximateToExact(t), t).toBe(t);
  });
});
