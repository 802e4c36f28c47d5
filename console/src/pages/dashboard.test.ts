import { describe, expect, it } from 'vitest';
import { changeText } from './dashboard.js';

describe('changeText (KPI comparison)', () => {
  it('says up, down or flat with the percentage', () => {
    expect(changeText(0.25, 'en-US')).toBe('▲ 25%');
    expect(changeText(-0.5, 'en-US')).toBe('▼ 50%');
    expect(changeText(0, 'en-US')).toBe('= 0%');
    expect(changeText(null, 'en-US')).toBeNull();
  });
});
