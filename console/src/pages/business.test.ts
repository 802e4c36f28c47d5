import { describe, expect, it } from 'vitest';
import { parseMinutesList } from './business.js';

describe('parseMinutesList (reminder schedule)', () => {
  it('reads comma- or space-separated minutes', () => {
    expect(parseMinutesList('1440, 120')).toEqual([1440, 120]);
    expect(parseMinutesList(' 60 30 ')).toEqual([60, 30]);
  });
  it('refuses anything that is not a positive whole number', () => {
    expect(parseMinutesList('1440, two hours')).toBeNull();
    expect(parseMinutesList('1.5')).toBeNull();
    expect(parseMinutesList('-10')).toBeNull();
  });
});
