import { describe, expect, it } from 'vitest';
import { foldText, words } from './normalize-text.js';

describe('foldText', () => {
  it('folds case and ё, keeps time punctuation', () => {
    expect(foldText('  Можно  ЗАВТРА в 15:00?  ')).toBe('можно завтра в 15:00?');
    expect(foldText('Почём')).toBe('почем');
  });

  it('drops Armenian marks inside words and unifies the ligature and hyphens', () => {
    expect(foldText('Ինչքա՞ն արժե')).toBe('ինչքան արժե');
    expect(foldText('Երեկոյան և վաղը ժամը 15֊ին')).toBe('երեկոյան եվ վաղը ժամը 15-ին');
    expect(foldText('եւ')).toBe('եվ');
  });

  it('removes zero-width characters and compatibility forms', () => {
    expect(foldText('за\u200Bпись')).toBe('запись');
    expect(foldText('ｂｏｏｋ')).toBe('book');
  });
});

describe('words', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(words('Сколько стоит?! (стрижка)')).toEqual(['сколько', 'стоит', 'стрижка']);
    expect(words('ինչ արժե՞')).toEqual(['ինչ', 'արժե']);
    expect(words('...')).toEqual([]);
  });
});
