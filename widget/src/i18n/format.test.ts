import { describe, expect, it } from 'vitest';
import { fill, formatter } from './index';

describe('formatter', () => {
  it('formats times in the business zone in each language', () => {
    expect(formatter('en').time('2026-06-10T14:00:00Z', 'America/New_York')).toBe('10:00 AM');
    expect(formatter('ru').time('2026-06-10T14:00:00Z', 'Europe/Moscow')).toBe('17:00');
    expect(formatter('hy').time('2026-06-10T14:00:00Z', 'Asia/Yerevan')).toBe('18:00');
  });
  it('formats money and ranges with the currency, and plural durations', () => {
    expect(formatter('en').money(40, 'USD')).toBe('$40');
    expect(formatter('en').range(20, 30, 'USD')).toMatch(/\$20\s?[–-]\s?\$?30/);
    expect(formatter('ru').duration(90)).toBe('90 минут');
    expect(formatter('ru').duration(120)).toBe('2 часа');
    expect(formatter('en').duration(60)).toBe('1 hour');
  });
  it('formats a business-local day as that day whatever the host zone', () => {
    expect(formatter('en').day('2026-06-10')).toBe('Wed, Jun 10');
  });
  it('fills placeholders', () => {
    expect(fill('A {x} and {y}', { x: '1', y: '2' })).toBe('A 1 and 2');
  });
});
