import { describe, expect, it } from 'vitest';
import { priceText as raw, quotedPrice, servicePrice, type PriceSnapshot } from './price.js';
import type { Lang } from '@frontdesk/shared';

// Intl's spaces differ by locale and ICU version (no-break, narrow no-break): compared as plain spaces.
const priceText = (p: PriceSnapshot, l: Lang) => raw(p, l).replace(/\s/gu, ' ');

describe('priceText', () => {
  it('writes drams as a word on pages and in messages, which cannot tell whether the reader has the ֏ glyph', () => {
    const amd = servicePrice({ priceMin: 15000, priceMax: null, currency: 'AMD' });
    expect(priceText(amd, 'hy')).toBe('15 000 դր.');
    expect(priceText(amd, 'ru')).toBe('15 000 драм');
    expect(priceText(amd, 'en')).toBe('AMD 15,000');
    expect(priceText(servicePrice({ priceMin: 20000, priceMax: 45000, currency: 'AMD' }), 'hy')).not.toContain('֏');
  });
  it('leaves other currencies and the quote summary as they are', () => {
    expect(priceText(servicePrice({ priceMin: 45, priceMax: 60, currency: 'USD' }), 'en')).toBe('$45 – $60');
    expect(priceText(quotedPrice({ price: 4500, currency: 'RUB', summary: 'Длина: длинные' }), 'ru')).toBe('4 500 ₽ (Длина: длинные)');
  });
});
