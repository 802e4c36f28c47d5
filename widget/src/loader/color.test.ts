import { describe, expect, it } from 'vitest';
import { luminance, theme } from './color';

const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

describe('theme', () => {
  it.each(['#ffd400', '#0b6e4f', '#c2185b', '#777777', '#767676', '#ffffff', '#000', 'not-a-colour', '#e91e63'])('keeps AA for %s', (c) => {
    const t = theme(c);
    expect(contrast(t.brand, t.onBrand)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it('leaves a dark brand colour as it is', () => {
    expect(theme('#0b6e4f')).toEqual({ brand: '#0b6e4f', onBrand: '#ffffff', accent: '#0b6e4f' });
  });
});
