import { describe, expect, it } from 'vitest';
import { localize, localizedTextSchema } from './localized-text.js';

describe('localizedTextSchema', () => {
  const schema = localizedTextSchema(10);

  it('accepts any non-empty subset of ru/hy/en and trims', () => {
    expect(schema.parse({ hy: '  Բարև ' })).toEqual({ hy: 'Բարև' });
    expect(schema.parse({ ru: 'Привет', en: 'Hi' })).toEqual({ ru: 'Привет', en: 'Hi' });
  });

  it('rejects an empty object, blank text, unknown languages and overlong text', () => {
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ ru: '   ' }).success).toBe(false);
    expect(schema.safeParse({ am: 'Բարև' }).success).toBe(false);
    expect(schema.safeParse({ en: 'x'.repeat(11) }).success).toBe(false);
  });
});

describe('localize', () => {
  it('prefers the requested language, then the business default, then any', () => {
    expect(localize({ ru: 'Цена', en: 'Price' }, 'en', 'ru')).toBe('Price');
    expect(localize({ ru: 'Цена', en: 'Price' }, 'hy', 'ru')).toBe('Цена');
    expect(localize({ hy: 'Գին' }, 'en', 'ru')).toBe('Գին');
  });
});
