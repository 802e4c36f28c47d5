import { describe, expect, it } from 'vitest';
import { missingNames, priceText } from './services.js';

describe('priceText', () => {
  it('shows a single price or a range in the currency', () => {
    expect(priceText({ priceMin: 45, priceMax: null }, 'USD', 'en-US')).toBe('$45');
    expect(priceText({ priceMin: 40, priceMax: 55 }, 'USD', 'en-US')).toBe('$40 – $55');
    expect(priceText({ priceMin: 40, priceMax: 40 }, 'USD', 'en-US')).toBe('$40');
  });
});

describe('missingNames (the Services page warns of a missing translation)', () => {
  it('names the site languages without a name and what their visitors see instead: the business language first', () => {
    expect(missingNames({ ru: 'Стрижка', en: 'Haircut' }, ['ru', 'en', 'hy'], 'ru')).toEqual({ langs: ['hy'], shown: 'Стрижка' });
    expect(missingNames({ en: 'Haircut', hy: ' ' }, ['ru', 'en', 'hy'], 'ru')).toEqual({ langs: ['ru', 'hy'], shown: 'Haircut' });
    expect(missingNames({ ru: 'Стрижка' }, ['ru'], 'ru')).toBeNull();
  });
});
