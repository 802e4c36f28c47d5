import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, formatRate, formatResponse, formatTime } from './format.js';

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
    expect(formatResponse(42_000)).toBe('42 s');
    expect(formatResponse(210_000)).toBe('3.5 min');
    expect(formatResponse(7_200_000)).toBe('2 h');
    expect(formatResponse(null)).toBe('—');
  });
});

describe('the dram sign', () => {
  it('is kept where the fonts draw it, and becomes "դր." where they do not', () => {
    expect(formatMoney(15000, 'AMD', 'hy-AM', () => true)).toBe('15\u00A0000\u00A0֏');
    expect(formatMoney(15000, 'AMD', 'hy-AM', () => false)).toBe('15\u00A0000\u00A0դր.');
    expect(formatMoney(4500, 'RUB', 'ru-RU', () => false)).toMatch(/₽$/);
  });
});
