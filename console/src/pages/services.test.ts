import { describe, expect, it } from 'vitest';
import { priceText } from './services.js';

describe('priceText', () => {
  it('shows a single price or a range in the currency', () => {
    expect(priceText({ priceMin: 45, priceMax: null }, 'USD', 'en-US')).toBe('$45');
    expect(priceText({ priceMin: 40, priceMax: 55 }, 'USD', 'en-US')).toBe('$40 – $55');
    expect(priceText({ priceMin: 40, priceMax: 40 }, 'USD', 'en-US')).toBe('$40');
  });
});
