import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { epochDay, type Lang } from '@frontdesk/shared';
import { mentionsWhen, parseWhen, type When } from './parse-when.js';

function when(text: string, nowIso: string, timeZone: string, lang?: Lang): When {
  return parseWhen(text, { now: Date.parse(nowIso), timeZone, lang });
}

describe('parseWhen in Moscow (UTC+3)', () => {
  // Wednesday 10 June 2026, 12:00 in Moscow.
  const now = '2026-06-10T09:00:00Z';
  const msk = (text: string) => when(text, now, 'Europe/Moscow', 'ru');

  it.each<[string, When]>([
    ['Можно завтра в 15:00?', { kind: 'at', date: '2026-06-11', minuteOfDay: 900 }],
    ['в 3 часа дня', { kind: 'at', date: '2026-06-10', minuteOfDay: 900 }],
    ['а завтра в 3 часа дня можно?', { kind: 'at', date: '2026-06-11', minuteOfDay: 900 }],
    ['сегодня в 6 вечера', { kind: 'at', date: '2026-06-10', minuteOfDay: 1080 }],
    ['в 9', { kind: 'at', date: '2026-06-11', minuteOfDay: 540 }],
    ['в пятницу утром', { kind: 'before', date: '2026-06-12', minuteOfDay: 720 }],
    ['в пятницу в 11', { kind: 'at', date: '2026-06-12', minuteOfDay: 660 }],
    ['послезавтра', { kind: 'day', date: '2026-06-12' }],
    ['после завтра', { kind: 'day', date: '2026-06-12' }],
    ['после 17', { kind: 'after', date: '2026-06-10', minuteOfDay: 1020 }],
    ['Завтра после 5', { kind: 'after', date: '2026-06-11', minuteOfDay: 1020 }],
    ['до 12', { kind: 'before', date: '2026-06-11', minuteOfDay: 720 }],
    ['в субботу после обеда', { kind: 'after', date: '2026-06-13', minuteOfDay: 720 }],
    ['в среду', { kind: 'day', date: '2026-06-17' }],
    ['в эту среду', { kind: 'day', date: '2026-06-10' }],
    ['в следующий понедельник', { kind: 'day', date: '2026-06-15' }],
    ['в четвЁрг', { kind: 'day', date: '2026-06-11' }],
    ['12.06 в 14:30', { kind: 'at', date: '2026-06-12', minuteOfDay: 870 }],
    ['1 июня', { kind: 'day', date: '2027-06-01' }],
    ['вечером', { kind: 'after', date: '2026-06-10', minuteOfDay: 1020 }],
    ['днём', { kind: 'after', date: '2026-06-10', minuteOfDay: 720 }],
    ['через 2 часа', { kind: 'at', date: '2026-06-10', minuteOfDay: 840 }],
    ['с 15 до 17', { kind: 'after', date: '2026-06-10', minuteOfDay: 900 }],
  ])('%s', (text, expected) => {
    expect(msk(text)).toEqual(expected);
  });

  // Bug: chrono's own Russian parser took "в 4 вечера" first and read it as 04:00 (it shifts only
  // hours ≥ 6 to the evening); the day-part word now shapes every hour.
  it.each<[string, When]>([
    ['в 4 вечера', { kind: 'at', date: '2026-06-10', minuteOfDay: 960 }],
    ['в пятницу в 5 вечера', { kind: 'at', date: '2026-06-12', minuteOfDay: 1020 }],
    ['завтра в 1 дня', { kind: 'at', date: '2026-06-11', minuteOfDay: 780 }],
    ['в 2 ночи', { kind: 'at', date: '2026-06-11', minuteOfDay: 120 }],
    ['в 8 утра', { kind: 'at', date: '2026-06-11', minuteOfDay: 480 }],
  ])('the day-part word decides am/pm: %s', (text, expected) => {
    expect(msk(text)).toEqual(expected);
  });

  it('reads "к 11" as the hour the visitor comes at, and "к 3 числу" as no time', () => {
    expect(msk('можно в четверг к 11?')).toEqual({ kind: 'at', date: '2026-06-11', minuteOfDay: 660 });
    expect(msk('к 5')).toEqual({ kind: 'at', date: '2026-06-10', minuteOfDay: 1020 });
    expect(msk('к 3 числу')).toEqual({ kind: 'none' });
  });

  it.each(['когда свободны?', 'сколько стоит стрижка', 'у меня 2 вопроса', 'сейчас', ''])('finds no time in %j', (text) => {
    expect(msk(text)).toEqual({ kind: 'none' });
  });

  it('counts "tomorrow" from the Moscow date, not the UTC one, just after midnight', () => {
    // 00:30 on 11 June in Moscow is still 10 June in UTC.
    const late = '2026-06-10T21:30:00Z';
    expect(when('завтра', late, 'Europe/Moscow')).toEqual({ kind: 'day', date: '2026-06-12' });
    expect(when('сегодня', late, 'Europe/Moscow')).toEqual({ kind: 'day', date: '2026-06-11' });
    expect(when('в 15:00', late, 'Europe/Moscow')).toEqual({ kind: 'at', date: '2026-06-11', minuteOfDay: 900 });
  });
});

describe('parseWhen in New York (DST)', () => {
  // Wednesday 10 June 2026, 12:00 EDT.
  const now = '2026-06-10T16:00:00Z';
  const nyc = (text: string) => when(text, now, 'America/New_York', 'en');

  it.each<[string, When]>([
    ['tomorrow after 5pm', { kind: 'after', date: '2026-06-11', minuteOfDay: 1020 }],
    ['next Monday', { kind: 'day', date: '2026-06-15' }],
    ['next Friday', { kind: 'day', date: '2026-06-19' }],
    ['today at 6', { kind: 'at', date: '2026-06-10', minuteOfDay: 1080 }],
    ['Friday morning', { kind: 'before', date: '2026-06-12', minuteOfDay: 720 }],
    ['can I come in this afternoon?', { kind: 'after', date: '2026-06-10', minuteOfDay: 720 }],
    ['before noon tomorrow', { kind: 'before', date: '2026-06-11', minuteOfDay: 720 }],
    ['sometime after 5 on Saturday', { kind: 'after', date: '2026-06-13', minuteOfDay: 1020 }],
    ['June 14 at 2', { kind: 'at', date: '2026-06-14', minuteOfDay: 840 }],
    ['6/14', { kind: 'day', date: '2026-06-14' }],
    ['tonight', { kind: 'after', date: '2026-06-10', minuteOfDay: 1020 }],
    ['3-5pm', { kind: 'after', date: '2026-06-10', minuteOfDay: 900 }],
    ['at 10:30am', { kind: 'at', date: '2026-06-11', minuteOfDay: 630 }],
  ])('%s', (text, expected) => {
    expect(nyc(text)).toEqual(expected);
  });

  it.each(['how much is a beard trim?', 'the sun is out', 'may I ask something', 'sat down', 'in March'])('finds no time in %j', (text) => {
    expect(nyc(text)).toEqual({ kind: 'none' });
  });

  it('counts "tomorrow" from the New York date late in the evening', () => {
    // 23:30 EDT on 10 June is already 11 June in UTC.
    expect(when('tomorrow', '2026-06-11T03:30:00Z', 'America/New_York')).toEqual({ kind: 'day', date: '2026-06-11' });
  });

  it('keeps local dates and times across the spring-forward night (8 March 2026)', () => {
    const beforeJump = '2026-03-08T06:30:00Z'; // 01:30 EST
    const afterJump = '2026-03-08T07:30:00Z'; // 03:30 EDT
    for (const now of [beforeJump, afterJump]) {
      expect(when('today at 3', now, 'America/New_York')).toEqual({ kind: 'at', date: '2026-03-08', minuteOfDay: 900 });
      expect(when('tomorrow at 10am', now, 'America/New_York')).toEqual({ kind: 'at', date: '2026-03-09', minuteOfDay: 600 });
    }
    // 02:30 does not exist that night; the wall-clock reading is returned as said and the
    // slot search (which works in real instants) decides what is bookable.
    expect(when('at 2:30am', '2026-03-08T06:30:00Z', 'America/New_York')).toEqual({ kind: 'at', date: '2026-03-08', minuteOfDay: 150 });
    expect(when('sunday', '2026-03-07T05:30:00Z', 'America/New_York')).toEqual({ kind: 'day', date: '2026-03-08' });
  });

  it('keeps local dates and times across the fall-back night (1 November 2026)', () => {
    const firstOneThirty = '2026-11-01T05:30:00Z'; // 01:30 EDT
    const secondOneThirty = '2026-11-01T06:30:00Z'; // 01:30 EST
    for (const now of [firstOneThirty, secondOneThirty]) {
      expect(when('tomorrow', now, 'America/New_York')).toEqual({ kind: 'day', date: '2026-11-02' });
      expect(when('today after 5', now, 'America/New_York')).toEqual({ kind: 'after', date: '2026-11-01', minuteOfDay: 1020 });
      expect(when('at 1', now, 'America/New_York')).toEqual({ kind: 'at', date: '2026-11-01', minuteOfDay: 780 });
    }
  });
});

describe('parseWhen in Yerevan (UTC+4), Armenian', () => {
  // Wednesday 10 June 2026, 12:00 in Yerevan.
  const now = '2026-06-10T08:00:00Z';
  const evn = (text: string, lang: Lang = 'hy') => when(text, now, 'Asia/Yerevan', lang);

  it.each<[string, When]>([
    ['վաղը ժամը 15-ին', { kind: 'at', date: '2026-06-11', minuteOfDay: 900 }],
    ['Կարելի՞ է վաղը ժամը 3-ին', { kind: 'at', date: '2026-06-11', minuteOfDay: 900 }],
    ['այսօր', { kind: 'day', date: '2026-06-10' }],
    ['վաղը', { kind: 'day', date: '2026-06-11' }],
    ['վաղը չէ մյուս օրը', { kind: 'day', date: '2026-06-12' }],
    ['կիրակի', { kind: 'day', date: '2026-06-14' }],
    ['շաբաթ օրը առավոտյան', { kind: 'before', date: '2026-06-13', minuteOfDay: 720 }],
    ['ուրբաթ երեկոյան 7-ին', { kind: 'at', date: '2026-06-12', minuteOfDay: 1140 }],
    ['ժամը 5-ից հետո', { kind: 'after', date: '2026-06-10', minuteOfDay: 1020 }],
    ['մինչև ժամը 12-ը', { kind: 'before', date: '2026-06-11', minuteOfDay: 720 }],
    ['vaxy jamy 5in', { kind: 'at', date: '2026-06-11', minuteOfDay: 1020 }],
    ['15:00', { kind: 'at', date: '2026-06-10', minuteOfDay: 900 }],
  ])('%s', (text, expected) => {
    expect(evn(text)).toEqual(expected);
  });

  it('finds no time in "հաջորդ շաբաթ" (next week) or a price question', () => {
    expect(evn('հաջորդ շաբաթ')).toEqual({ kind: 'none' });
    expect(evn('Ինչքա՞ն արժե լիցքը')).toEqual({ kind: 'none' });
  });

  it('counts "tomorrow" from the Yerevan date just after midnight', () => {
    expect(when('վաղը', '2026-06-10T20:30:00Z', 'Asia/Yerevan')).toEqual({ kind: 'day', date: '2026-06-12' });
  });

  it('picks the grammar by the script, not the site language', () => {
    expect(evn('завтра в 10', 'en')).toEqual({ kind: 'at', date: '2026-06-11', minuteOfDay: 600 });
    expect(evn('tomorrow at 10am', 'hy')).toEqual({ kind: 'at', date: '2026-06-11', minuteOfDay: 600 });
    expect(evn('վաղը', 'ru')).toEqual({ kind: 'day', date: '2026-06-11' });
  });
});

describe('parseWhen and the server time zone', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it('gives the same answers whatever zone the server runs in', () => {
    const phrases: Array<[string, string, string]> = [
      ['можно завтра в 15:00?', '2026-06-10T21:30:00Z', 'Europe/Moscow'],
      ['в пятницу утром', '2026-06-10T21:30:00Z', 'Europe/Moscow'],
      ['tomorrow after 5pm', '2026-06-11T03:30:00Z', 'America/New_York'],
      ['next Monday', '2026-03-08T06:30:00Z', 'America/New_York'],
      ['վաղը ժամը 15-ին', '2026-06-10T20:30:00Z', 'Asia/Yerevan'],
    ];
    const answers = (zone: string) => {
      // Node re-reads TZ when it changes; chrono works in the process's local time internally.
      process.env['TZ'] = zone;
      return phrases.map(([text, now, timeZone]) => when(text, now, timeZone));
    };
    const utc = answers('UTC');
    expect(answers('Pacific/Kiritimati')).toEqual(utc);
    expect(answers('America/Los_Angeles')).toEqual(utc);
    expect(answers('Asia/Kathmandu')).toEqual(utc);
  });
});

describe('parseWhen properties', () => {
  const zones = ['Europe/Moscow', 'Asia/Yerevan', 'America/New_York', 'UTC', 'Australia/Lord_Howe'];
  const tokens = [
    'завтра', 'сегодня', 'послезавтра', 'в', 'после', 'до', 'часа', 'дня', 'вечера', 'утром', 'пятницу', '12.06', '15:00', '3',
    'tomorrow', 'today', 'at', 'after', 'before', 'pm', 'am', 'next', 'monday', 'noon', '6/14', '5',
    'վաղը', 'այսօր', 'ժամը', '15-ին', 'ից', 'հետո', 'մինչև', 'կիրակի', 'շաբաթ', 'երեկոյան',
    '?', ',', '-', '.', ':', '99', '0', '24', '31.02', '29.02',
  ];
  const textArb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.string({ unit: 'grapheme', maxLength: 2000 }),
    fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((parts) => parts.join(' ')),
  );
  const nowArb = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') });

  it('never throws and always returns a well-formed local date and minute', () => {
    fc.assert(
      fc.property(textArb, nowArb, fc.constantFrom(...zones), fc.constantFrom<Lang | undefined>('ru', 'hy', 'en', undefined), (text, now, timeZone, lang) => {
        const result = parseWhen(text, { now, timeZone, lang });
        if (result.kind === 'none') return;
        expect(result.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(() => epochDay(result.date)).not.toThrow();
        if (result.kind !== 'day') {
          expect(Number.isInteger(result.minuteOfDay)).toBe(true);
          expect(result.minuteOfDay).toBeGreaterThanOrEqual(0);
          expect(result.minuteOfDay).toBeLessThan(1440);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseWhen: the shapes visitors write that the grammars did not know (issue 18 held-out failures)', () => {
  // Monday 2 March 2026, 09:00 in Moscow.
  const now = '2026-03-02T06:00:00Z';
  const at = (text: string, lang: Lang) => when(text, now, 'Europe/Moscow', lang);

  it.each<[string, Lang, When]>([
    // approximate times: the time itself
    ['can i come tomorrow around 2', 'en', { kind: 'at', date: '2026-03-03', minuteOfDay: 840 }],
    ['friday about 4pm', 'en', { kind: 'at', date: '2026-03-06', minuteOfDay: 960 }],
    ['завтра около двух', 'ru', { kind: 'at', date: '2026-03-03', minuteOfDay: 840 }],
    ['в среду часа в 4', 'ru', { kind: 'at', date: '2026-03-04', minuteOfDay: 960 }],
    ['վաղը ժամը 3-ի մոտ', 'hy', { kind: 'at', date: '2026-03-03', minuteOfDay: 900 }],
    ['vaxy 4-i koxmer@', 'hy', { kind: 'at', date: '2026-03-03', minuteOfDay: 960 }],
    // hours in words
    ['thursday at three', 'en', { kind: 'at', date: '2026-03-05', minuteOfDay: 900 }],
    ['в пятницу в пять вечера', 'ru', { kind: 'at', date: '2026-03-06', minuteOfDay: 1020 }],
    // a day of the month alone: the next such day
    ['on the 10th?', 'en', { kind: 'day', date: '2026-03-10' }],
    ['the 1st at 3pm', 'en', { kind: 'at', date: '2026-04-01', minuteOfDay: 900 }],
    ['можно 12-го?', 'ru', { kind: 'day', date: '2026-03-12' }],
    ['на 1-е число в 11', 'ru', { kind: 'at', date: '2026-04-01', minuteOfDay: 660 }],
    ['ամսի 15-ին', 'hy', { kind: 'day', date: '2026-03-15' }],
    ['կարելի՞ է 20-ին', 'hy', { kind: 'day', date: '2026-03-20' }],
    ['վաղը 11-ին', 'hy', { kind: 'at', date: '2026-03-03', minuteOfDay: 660 }],
    // misspelt weekdays, in every language and in Latin letters
    ['wensday after 5', 'en', { kind: 'after', date: '2026-03-04', minuteOfDay: 1020 }],
    ['satruday', 'en', { kind: 'day', date: '2026-03-07' }],
    ['в четрвег', 'ru', { kind: 'day', date: '2026-03-05' }],
    ['mozhno v pyatnicu', 'en', { kind: 'day', date: '2026-03-06' }],
    // Armenian typed in Latin letters: weekdays and parts of the day, mixed with Latin times
    ['hingshabti aravotyan', 'hy', { kind: 'before', date: '2026-03-05', minuteOfDay: 720 }],
    ['urbat orn zhamy 5-in', 'hy', { kind: 'at', date: '2026-03-06', minuteOfDay: 1020 }],
    ['vaghy yereko', 'hy', { kind: 'after', date: '2026-03-03', minuteOfDay: 1020 }],
    ['kiraki at 3pm', 'hy', { kind: 'at', date: '2026-03-08', minuteOfDay: 900 }],
  ])('%s (%s)', (text, lang, expected) => {
    expect(at(text, lang)).toEqual(expected);
  });

  it('leaves quantities and real words that look like them alone', () => {
    expect(at('about 2 hours?', 'en')).toEqual({ kind: 'none' });
    expect(at('нас будет два человека', 'ru')).toEqual({ kind: 'none' });
    expect(at('urban style cut', 'en')).toEqual({ kind: 'none' });
  });
});

describe('mentionsWhen', () => {
  it('detects a day or a time in any of the three languages', () => {
    expect(mentionsWhen('можно завтра?')).toBe(true);
    expect(mentionsWhen('any time after 5?')).toBe(true);
    expect(mentionsWhen('վաղը')).toBe(true);
    expect(mentionsWhen('сколько стоит?')).toBe(false);
    expect(mentionsWhen('hello')).toBe(false);
  });
});
