import { describe, expect, it } from 'vitest';
import { hoursInDigits } from './hour-words.js';

describe('hoursInDigits', () => {
  it.each([
    ['завтра около двух', 'завтра около 2'],
    ['в три часа дня', 'в 3 часа дня'],
    ['к двум', 'к 2'],
    ['пять часов', '5 часов'],
    ['at two tomorrow', 'at 2 tomorrow'],
    ['around three', 'around 3'],
    ["four o'clock", "4 o'clock"],
    ['fiveish', '5ish'],
    ['ժամը երկուսին', 'ժամը 2-ին'],
    ['zhamy chorsin', 'zhamy 4-ին'],
  ])('%s → %s', (text, digits) => {
    expect(hoursInDigits(text)).toBe(digits);
  });

  it('leaves numbers that are no hour as words', () => {
    for (const t of ['нас будет два человека', 'at one of your salons', 'in two weeks', 'два раза в неделю', 'one more question', 'через час']) {
      expect(hoursInDigits(t), t).toBe(t);
    }
  });
});

describe('hoursInDigits: half past (issue 18)', () => {
  it.each([
    ['завтра в полпятого', 'завтра в 4:30'],
    ['пол-шестого подойдёт', 'в 5:30 подойдёт'],
    ['в пол одиннадцатого', 'в 10:30'],
    ['полпервого', 'в 12:30'],
    ['half past three on friday', '3:30 on friday'],
    ['at half past 5', 'at 5:30'],
  ])('%s → %s', (text, digits) => {
    expect(hoursInDigits(text)).toBe(digits);
  });

  it('leaves "пол" that is no half hour alone', () => {
    for (const t of ['пол года', 'половина пятого дня рождения', 'полпорции', 'half of them']) expect(hoursInDigits(t), t).toBe(t);
  });
});
