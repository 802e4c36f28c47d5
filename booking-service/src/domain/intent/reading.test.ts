import { describe, expect, it } from 'vitest';
import { readable } from './reading.js';

describe('readable', () => {
  it('adds the Cyrillic reading of a Russian visitor\'s Latin-typed message after it', () => {
    expect(readable('mozhno booking na pyatnitsu', 'ru')).toBe('mozhno booking na pyatnitsu\nможно боокинг на пятницу');
  });

  it('spells out English chat shorthand for an English visitor', () => {
    expect(readable('hw mch', 'en')).toBe('how much');
  });

  it('leaves text with no Latin letters, mixed scripts and Armenian Latin alone', () => {
    expect(readable('сколько стоит', 'ru')).toBe('сколько стоит');
    expect(readable('хочу на manicure', 'ru')).toBe('хочу на manicure');
    expect(readable('inch arji', 'hy')).toBe('inch arji');
  });
});
