import { describe, expect, it } from 'vitest';
import { zoneWords } from './zone-words.js';

describe('zoneWords', () => {
  it('names the demo businesses’ zones as people say them', () => {
    expect(zoneWords('Europe/Moscow', 'ru')).toBe('время московское');
    expect(zoneWords('Asia/Yerevan', 'hy')).toBe('Երևանի ժամանակով');
    expect(zoneWords('America/New_York', 'en')).toBe('Eastern Time');
    expect(zoneWords('America/New_York', 'ru')).toBe('время нью-йоркское');
  });

  it('falls back to the generic name, without the form-like "стандартное время"', () => {
    expect(zoneWords('Asia/Tokyo', 'ru')).toMatch(/^время: Япония$/);
    expect(zoneWords('Asia/Tokyo', 'en')).toMatch(/^Japan (Standard )?Time$/);
    expect(zoneWords('Asia/Tokyo', 'hy')).toMatch(/^ժամային գոտի՝ /);
  });

  it('says an unknown zone as stored instead of throwing', () => {
    expect(zoneWords('Mars/Olympus', 'en')).toBe('Mars/Olympus');
  });
});
