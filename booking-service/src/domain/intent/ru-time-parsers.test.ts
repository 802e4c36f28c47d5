import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { AFTER_TAG, BEFORE_TAG, rewriteRuDayMonth, ruDayPartParser, ruTimeParser } from './ru-time-parsers.js';

const ru = chrono.ru.casual.clone();
// As chrono-when.ts does: ours first, or chrono's own reading of "в 5 вечера" (05:00) wins.
ru.parsers.unshift(ruTimeParser, ruDayPartParser);
const reference = { instant: new Date(Date.UTC(2026, 5, 10, 9)), timezone: 180 };

function first(text: string) {
  const [result] = ru.parse(text, reference);
  if (result === undefined) return undefined;
  return { text: result.text, hour: result.start.get('hour'), minute: result.start.get('minute'), meridiemKnown: result.start.isCertain('meridiem'), tags: [...result.tags()] };
}

describe('ruTimeParser', () => {
  it.each([
    ['в 3 часа дня', 15],
    ['в 3 дня', 15],
    ['в 12 дня', 12],
    ['в 9 вечера', 21],
    ['в 5 вечера', 17],
    ['в 4 часа вечера', 16],
    ['в 7 часов вечера', 19],
    ['в 2 ночи', 2],
    ['в 11 ночи', 23],
    ['в 12 ночи', 0],
    ['в 10 утра', 10],
  ])('fixes am/pm from the day part: %s → %i h', (text, hour) => {
    expect(first(text)).toMatchObject({ text, hour, meridiemKnown: true });
  });

  it('reads the hour word without a day part as an open hour', () => {
    expect(first('в 3 часа')).toMatchObject({ text: 'в 3 часа', hour: 3, meridiemKnown: false });
  });

  it('reads qualified bare hours and tags the qualifier', () => {
    expect(first('после 17')).toMatchObject({ hour: 17, tags: [AFTER_TAG] });
    expect(first('не раньше 10:30')).toMatchObject({ hour: 10, minute: 30, tags: [AFTER_TAG] });
    expect(first('до 12')).toMatchObject({ hour: 12, tags: [BEFORE_TAG] });
    expect(first('не позже 6 вечера')).toMatchObject({ hour: 18, tags: [BEFORE_TAG] });
    // Lunch as a boundary is noon (the afternoon / the morning); "в обед" is the lunch hour itself.
    expect(first('после обеда')).toMatchObject({ hour: 12, tags: [AFTER_TAG] });
    expect(first('до обеда')).toMatchObject({ hour: 12, tags: [BEFORE_TAG] });
    expect(first('после работы')).toMatchObject({ hour: 18, tags: [AFTER_TAG] });
    expect(first('в обед')).toMatchObject({ hour: 13, tags: [] });
  });

  it('reads "10-30" as 10:30', () => {
    expect(first('в 10-30')).toMatchObject({ hour: 10, minute: 30 });
  });

  it('does not take "обеда" or "после 25" for a time', () => {
    expect(first('обеда')).toBeUndefined();
    expect(first('после 25')).toBeUndefined();
  });
});

describe('ruDayPartParser', () => {
  it('reads "днём" as afternoon and "в первой половине дня" as morning', () => {
    expect(first('днем')).toMatchObject({ tags: ['casualReference/afternoon'] });
    expect(first('в первой половине дня')).toMatchObject({ tags: ['casualReference/morning'] });
    expect(first('во второй половине дня')).toMatchObject({ tags: ['casualReference/afternoon'] });
  });
});

describe('rewriteRuDayMonth', () => {
  it('rewrites day.month dates for the slash parser', () => {
    expect(rewriteRuDayMonth('12.06 в 14:30')).toBe('12/06 в 14:30');
    expect(rewriteRuDayMonth('на 01.07.2026')).toBe('на 01/07/2026');
    expect(rewriteRuDayMonth('5.1.27')).toBe('5/1/27');
  });

  it('leaves times, impossible dates and longer numbers alone', () => {
    expect(rewriteRuDayMonth('в 10.30')).toBe('в 10.30');
    expect(rewriteRuDayMonth('к 12.15')).toBe('к 12.15');
    expect(rewriteRuDayMonth('10.30')).toBe('10.30');
    expect(rewriteRuDayMonth('32.01')).toBe('32.01');
    expect(rewriteRuDayMonth('1.12.06.5')).toBe('1.12.06.5');
    expect(rewriteRuDayMonth('цена 2.5')).toBe('цена 2/5');
  });
});
