import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, isNear, startsNear } from './fuzzy-match.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit', () => {
    expect(editDistance('запись', 'запись', 2)).toBe(0);
    expect(editDistance('записаться', 'записатся', 2)).toBe(1);
    expect(editDistance('appointment', 'apointment', 2)).toBe(1);
    expect(editDistance('operator', 'oeprator', 2)).toBe(1);
    expect(editDistance('цена', 'цина', 2)).toBe(1);
  });

  it('stops at the limit', () => {
    expect(editDistance('human', 'operator', 1)).toBe(2);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b, 20);
        expect(editDistance(b, a, 20)).toBe(d);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('isNear / startsNear', () => {
  it('tolerates a typo only in longer keywords', () => {
    expect(isNear('администартор', 'администратор')).toBe(true);
    expect(isNear('opertor', 'operator')).toBe(true);
    expect(isNear('boko', 'book')).toBe(false);
    expect(isNear('цина', 'цена')).toBe(false);
    expect(isNear('dates', 'rates')).toBe(false);
  });

  it('matches a misspelt stem at the start of a word', () => {
    expect(startsNear('зпаисаться', 'запис')).toBe(true);
    expect(startsNear('стоимасть', 'стоимост')).toBe(true);
    expect(startsNear('сапоги', 'запис')).toBe(false);
  });
});
