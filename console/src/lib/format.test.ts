import { describe, expect, it } from 'vitest';
import { durationAxis, formatDateTime, formatDay, formatMoney, formatRate, formatResponse, formatTime, responseFormat } from './format.js';

describe('format', () => {
  it('shows times in the business zone', () => {
    // The widget's clock: 12 hours in English, 24 in Russian and Armenian, no leading zero.
    expect(formatTime('2026-01-15T14:30:00Z', 'America/New_York', 'en-US')).toMatch(/^9:30\sAM$/);
    expect(formatTime('2026-01-15T14:30:00Z', 'Europe/Moscow', 'ru-RU')).toBe('17:30');
  });
  it('never shifts a calendar date', () => {
    // Midnight-adjacent zones must not move it to the 15th or 17th (ICU punctuation varies).
    expect(formatDay('2026-11-16', 'en-GB')).toMatch(/^Mon,? 16 Nov$/);
  });
  it('formats rates and response times, with a dash for no data', () => {
    expect(formatRate(0.25, 'en-US')).toBe('25%');
    expect(formatRate(null, 'en-US')).toBe('—');
    expect(formatResponse(42_000)).toBe('42 sec');
    expect(formatResponse(210_000)).toBe('3.5 min');
    expect(formatResponse(7_200_000)).toBe('2 hr');
    expect(formatResponse(null)).toBe('—');
    expect(formatResponse(210_000, 'ru-RU')).toBe('3,5 мин');
  });
});

describe('the dram sign', () => {
  it('is kept where the fonts draw it, and becomes "դր." where they do not', () => {
    expect(formatMoney(15000, 'AMD', 'hy-AM', () => true)).toBe('15\u00A0000\u00A0֏');
    expect(formatMoney(15000, 'AMD', 'hy-AM', () => false)).toBe('15\u00A0000\u00A0դր.');
    expect(formatMoney(4500, 'RUB', 'ru-RU', () => false)).toMatch(/₽$/);
  });
});

describe('response-time axis', () => {
  it('puts every tick of a short scale in one unit with a decimal, not "0 s" everywhere', () => {
    const f = responseFormat(1000, 'en-US');
    expect([0, 250, 500, 750, 1000].map(f)).toEqual(['0 sec', '0.3 sec', '0.5 sec', '0.8 sec', '1 sec']);
    expect(responseFormat(600_000, 'ru-RU')(300_000)).toBe('5 мин');
  });
});

describe('durationAxis (the dashboard’s response-time chart)', () => {
  const labels = (values: number[], locale: string) => {
    const a = durationAxis(values, locale);
    return a.ticks.map(a.format);
  };

  it('all zeros: a 0 … 1 s axis with distinct labels, not "0 sec" on every tick', () => {
    expect(labels([0, 0, 0, 0], 'en-US')).toEqual(['0 sec', '0.5 sec', '1 sec']);
    expect(labels([0, 0], 'ru-RU')).toEqual(['0 с', '0,5 с', '1 с']);
    expect(labels([0], 'hy-AM')).toEqual(['0 վրկ', '0,5 վրկ', '1 վրկ']);
  });

  it('a few milliseconds (the bot) still reads in seconds, never as repeated "0 s"', () => {
    const a = durationAxis([12, 30], 'en-US');
    expect(a.max).toBe(1000);
    expect(new Set(a.ticks.map(a.format)).size).toBe(a.ticks.length);
  });

  it('picks the unit from the top and steps of 1-2-5 in that unit', () => {
    expect(labels([42_000, 59_000], 'en-US')).toEqual(['0 sec', '20 sec', '40 sec', '60 sec']);
    expect(labels([210_000], 'ru-RU')).toEqual(['0 мин', '1 мин', '2 мин', '3 мин', '4 мин']);
    expect(labels([2.5 * 3_600_000], 'en-US')).toEqual(['0 hr', '1 hr', '2 hr', '3 hr']);
    expect(durationAxis([210_000]).ticks).toEqual([0, 60_000, 120_000, 180_000, 240_000]);
  });

  it('never repeats a tick label, whatever the values', () => {
    for (const top of [0, 1, 7, 99, 450, 999, 1000, 1500, 9_999, 59_999, 60_000, 61_000, 599_000, 3_599_999, 3_600_000, 86_400_000]) {
      for (const locale of ['en-US', 'ru-RU', 'hy-AM']) {
        const a = durationAxis([top], locale);
        const l = a.ticks.map(a.format);
        expect(new Set(l).size, `${top} ${locale}: ${l.join(' | ')}`).toBe(l.length);
        expect(a.max).toBeGreaterThanOrEqual(top);
      }
    }
  });
});

describe('Armenian without Armenian locale data (Chromium ships none: Intl would answer "Mon, Dec 7", "9:00 AM")', () => {
  it('days, date-times and clock times in Armenian words and the 24-hour clock, as the widget', () => {
    expect(formatDay('2026-12-07', 'hy-AM')).toBe('երկ, 7 դեկ');
    expect(formatDay('2026-12-13', 'hy-AM', true)).toBe('կիրակի, 13 դեկտեմբերի');
    expect(formatTime('2026-12-07T05:00:00Z', 'Asia/Yerevan', 'hy-AM')).toBe('9:00');
    expect(formatTime('2026-12-07T12:30:00Z', 'Asia/Yerevan', 'hy-AM')).toBe('16:30');
    expect(formatDateTime('2026-12-07T21:30:00Z', 'Asia/Yerevan', 'hy-AM')).toBe('8 դեկ 2026 թ., 1:30');
    expect(formatResponse(210_000, 'hy-AM')).toBe('3,5 ր');
  });
});
