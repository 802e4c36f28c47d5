import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { say, WORDS, type WordKey } from './index.js';
import { dayWords, durationWords, instantWords, listWords, priceWords } from './format.js';
import type { Lang } from '../../messages/types.js';

const LANGS: Lang[] = ['ru', 'hy', 'en'];

/** Every argument a message may use, with a plausible value. */
const SAMPLE = {
  ...instantWords(Date.parse('2026-03-04T12:00:00Z'), 'Europe/Moscow', 'en'),
  minutes: 10, days: 14, n: 3, left: 2, min: 1, max: 8, step: 2, code: '123456', business: 'Salon', name: 'Ann', contact: 'ann@example.com',
  service: 'Haircut', price: '$45', duration: '1 hour', range: '$40–$60', factors: 'length', summary: 'Haircut · Long', status: 'cancelled',
  label: 'Prices', by: 'by 6 PM today', to: 'Monday', from: 'Tuesday', phone: '+1 212 555 0100', deadline: 'Monday', time: '3:00 PM',
  url: 'https://example.com/tips', answers: 'When? — Soon', score: 4,
  // Knowledge base (issue 18)
  names: 'Anna and Maria', count: 2, description: 'A keratin treatment.', address: '1 Main St', hours: 'Mon–Fri: 10:00–19:00',
  window: 'March 2 – March 8, mornings', part: 'mornings',
};

describe('the message table', () => {
  it.each(LANGS)('%s: every message compiles and fills with no argument or brace left', (lang) => {
    for (const key of Object.keys(WORDS.en) as WordKey[]) {
      const text = say(lang, key, SAMPLE);
      expect(text, key).not.toMatch(/[{}]/);
      expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('every language uses only the arguments English gives it (no value a caller would not pass)', () => {
    const argsOf = (m: string) => new Set([...m.matchAll(/\{(\w+)[,}]/g)].map((x) => x[1]));
    for (const key of Object.keys(WORDS.en) as WordKey[]) {
      const en = argsOf(WORDS.en[key]);
      // A language may decline a day with {wd} where English says {day}: both always come together.
      for (const lang of ['ru', 'hy'] as const) for (const a of argsOf(WORDS[lang][key])) expect(en.has(a) || ['wd', 'date', 'day', 'time', 'when'].includes(a!), `${lang} ${key} {${a}}`).toBe(true);
      expect(() => new IntlMessageFormat(WORDS.en[key], 'en')).not.toThrow();
    }
  });

  it('plural forms follow each language: 1 минуту, 3 минуты, 5 минут, 21 минуту; 1 minute, 2 minutes; 10 րոպե', () => {
    const held = (lang: Lang, minutes: number) => say(lang, 'held', { minutes, when: 'X' });
    expect([1, 3, 5, 21].map((m) => held('ru', m).match(/на (\d+ \S+):/)![1])).toEqual(['1 минуту', '3 минуты', '5 минут', '21 минуту']);
    expect([1, 2].map((m) => held('en', m).match(/for (\d+ \w+)\./)![1])).toEqual(['1 minute', '2 minutes']);
    expect(held('hy', 10)).toContain('10 րոպե');
    expect(say('ru', 'yourBookings', { n: 2 })).toBe('У вас 2 записи. Какую открыть?');
    expect(say('ru', 'yourBookings', { n: 5 })).toBe('У вас 5 записей. Какую открыть?');
  });

  it('declines the weekday in Russian instead of gluing it ("в среду", "до среды"; never "до среда")', () => {
    const wed = dayWords('2026-03-04', 'ru');
    expect(say('ru', 'slotsDay', { ...wed })).toBe('Свободное время в среду, 4 марта:');
    expect(say('ru', 'by.other', { ...wed, time: '10:00' })).toBe('до среды, 4 марта, 10:00');
    const mon = dayWords('2026-03-02', 'ru');
    expect(say('ru', 'slotsDayNone', { ...mon })).toBe('В понедельник, 2 марта, свободного времени нет.');
    expect(say('ru', 'tooLate', { ...mon, time: '09:00', phone: '+7' })).toContain('до понедельника, 2 марта, 09:00');
  });

  it('ends Armenian sentences with Armenian punctuation', () => {
    for (const key of ['hello', 'again', 'booked', 'cancelled', 'noBookings'] as WordKey[]) expect(say('hy', key)).toMatch(/։$/);
    expect(say('hy', 'askStaff')).toMatch(/՞/);
  });
});

describe('formatting values', () => {
  it('money, ranges, durations and lists in each language', () => {
    expect(priceWords({ kind: 'fixed', amount: 4500 }, 'RUB', 'ru')).toMatch(/^4\s500\s₽$/);
    expect(priceWords({ kind: 'range', min: 2500, max: 4500 }, 'RUB', 'ru')).toMatch(/^2\s500–4\s500\s₽$/);
    expect(priceWords({ kind: 'fixed', amount: 45 }, 'USD', 'en')).toBe('$45');
    expect(priceWords({ kind: 'range', min: 40, max: 40 }, 'USD', 'en')).toBe('$40');
    expect(durationWords(150, 'ru')).toBe('2 часа 30 минут');
    expect(durationWords(60, 'en')).toBe('1 hour');
    expect(durationWords(45, 'hy')).toBe('45 րոպե');
    expect(listWords(['length', 'technique', 'density'], 'en')).toBe('length, technique, and density');
    expect(listWords(['длина', 'техника'], 'ru')).toBe('длина и техника');
  });

  it('an instant in the business’s zone, whatever the server’s', () => {
    // 09:00Z is 12:00 in Moscow and 04:00 in New York (EST) on 4 March 2026.
    expect(instantWords(Date.parse('2026-03-04T09:00:00Z'), 'Europe/Moscow', 'ru').when).toBe('среда, 4 марта в 12:00');
    expect(instantWords(Date.parse('2026-03-04T09:00:00Z'), 'America/New_York', 'en').when).toBe('Wednesday, March 4 at 4:00 AM');
  });
});
