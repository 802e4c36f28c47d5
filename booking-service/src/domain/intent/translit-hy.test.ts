import { describe, expect, it } from 'vitest';
import { latinToArmenian } from './translit-hy.js';

describe('latinToArmenian', () => {
  it.each([
    ['kayanatexi', 'կայանատեղի'],
    ['xndrum em', 'խնդրում եմ'],
    ['vortex', 'որտեղ'],
    ['qartov', 'քարտով'],
    ['shat lav', 'շատ լավ'],
    ['zhamy', 'ժամը'],
    ['maqrum@', 'մաքրումը'],
  ])('%s → %s', (latin, armenian) => {
    expect(latinToArmenian(latin)).toBe(armenian);
  });

  it('leaves Armenian letters, digits and punctuation as they are', () => {
    expect(latinToArmenian('Բարև, kayanatexi ka? 10-in')).toBe('բարև, կայանատեղի կա? 10-ին');
  });
});

