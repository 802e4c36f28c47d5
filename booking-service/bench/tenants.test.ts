import { expect, it } from 'vitest';
import { parseCount } from './tenants.js';

it('reads the bench size as a count with an optional k or M suffix and separators', () => {
  expect(parseCount('20M')).toBe(20_000_000);
  expect(parseCount('1.5m')).toBe(1_500_000);
  expect(parseCount('500k')).toBe(500_000);
  expect(parseCount('20_000_000')).toBe(20_000_000);
  expect(parseCount('20,000,000')).toBe(20_000_000);
  expect(parseCount(' 2000000 ')).toBe(2_000_000);
});

it('refuses what is not a positive count, so a typo does not generate a surprise size', () => {
  for (const bad of ['', 'lots', '20G', '-5', '0', '1.5', '2e7', '20 M']) expect(parseCount(bad)).toBeUndefined();
});
