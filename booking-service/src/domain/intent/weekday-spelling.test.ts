import { describe, expect, it } from 'vitest';
import { correctWeekdays, weekdaySpelling } from './weekday-spelling.js';

describe('weekdaySpelling', () => {
  it.each([
    ['thrusday', 'thursday'],
    ['wensday', 'wednesday'],
    ['wendsday', 'wednesday'],
    ['satruday', 'saturday'],
    ['tuesdy', 'tuesday'],
    ['четрвег', 'четверг'],
    ['пятнцу', 'пятницу'],
    ['суботу', 'субботу'],
    ['pyatnica', 'пятница'],
    ['pjatnicu', 'пятницу'],
    ['subbotu', 'субботу'],
    ['chetvreg', 'четверг'],
    ['hingshapti', 'hingshabti'],
    ['urbathh', 'urbat'],
    ['հինգշաբտի', 'հինգշաբթի'],
  ])('%s is %s', (typed, meant) => {
    expect(weekdaySpelling(typed)).toBe(meant);
  });

  it('leaves right spellings, short words and real words near a weekday alone', () => {
    for (const w of ['thursday', 'пятницу', 'урбат', 'sun', 'среди', 'четверть', 'monkey', 'fridge', 'thirsty', 'second', 'today', 'urban', 'urpat']) {
      expect(weekdaySpelling(w), w).toBeNull();
    }
  });
});

describe('correctWeekdays', () => {
  it('spells the weekday of a sentence and keeps the rest', () => {
    expect(correctWeekdays('beard trim thrusday at 5')).toBe('beard trim thursday at 5');
    expect(correctWeekdays('можно в четрвег в 5?')).toBe('можно в четверг в 5?');
    expect(correctWeekdays('v pyatnicu vecherom')).toBe('v пятницу vecherom');
  });
});
