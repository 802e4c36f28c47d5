import { describe, expect, it } from 'vitest';
import { withoutDramSign } from './dram-sign.js';

const amd = (lang: string, n: number) =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'AMD', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(n);

describe('withoutDramSign', () => {
  it('writes "դր." / "драм" / "AMD" where the sign was, in each language’s own order', () => {
    expect(withoutDramSign(amd('hy-AM', 15000), 'hy')).toBe('15\u00A0000\u00A0դր.');
    expect(withoutDramSign(amd('ru-RU', 15000), 'ru')).toMatch(/^15\s000\sдрам$/);
    expect(withoutDramSign(amd('en-US', 15000), 'en')).toBe('AMD\u00A015,000');
  });

  it('covers ranges and leaves other currencies alone', () => {
    expect(withoutDramSign('10 000–15 000 ֏', 'hy')).toBe('10 000–15 000 դր.');
    expect(withoutDramSign('4 500 ₽', 'ru')).toBe('4 500 ₽');
  });
});
