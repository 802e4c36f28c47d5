import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, formatRate, formatResponse, formatTime, responseFormat } from './format.js';

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
