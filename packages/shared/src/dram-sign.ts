/**
 * The Armenian dram sign ֏ (U+058F, 2012) is missing from older fonts, which draw an empty box.
 * Where the reader's fonts lack it (a browser can tell: see `hasGlyph` in the console and the
 * widget), amounts say "դր." (Armenian), "драм" (Russian) or "AMD" (English) instead.
 *
 * @example withoutDramSign('15 000 ֏', 'hy') // → '15 000 դր.'
 */
import type { Lang } from './lang.js';

export const DRAM_SIGN = '\u058F';
const WORD: Record<Lang, string> = { hy: 'դր.', ru: 'драм', en: 'AMD' };

export function withoutDramSign(text: string, lang: Lang): string {
  // "֏15,000" (sign first, as en-US writes it) becomes "AMD 15,000"; "15 000 ֏" becomes "15 000 դր.".
  return text.replace(/\u058F(\s?)(?=[\d(−-])/gu, `${WORD[lang]}\u00A0`).replace(/\u058F/gu, WORD[lang]);
}
