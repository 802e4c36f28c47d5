/**
 * Folds a visitor's message into the form the keyword and date parsers compare against:
 * case-folded, ё → е, Armenian emphasis marks dropped, dashes unified. Punctuation that
 * carries meaning in times ("15:30", "5-ից") is kept; `words` drops it for keyword matching.
 */

// Armenian puts "՞" (question), "՜" (exclamation) and "՛" (emphasis) on the stressed vowel
// INSIDE a word ("ինչքա՞ն"); they must vanish, not become spaces. Zero-width characters come
// from copy-paste and some keyboards.
const INVISIBLE = /[\u055B\u055C\u055E\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Armenian hyphen, Unicode dashes and the minus sign all read as "-" in "15-ին" or "5-6pm".
const DASHES = /[\u058A\u2010-\u2015\u2212]/g;

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    // "և" is one letter in reformed spelling and "եւ" in classical; keywords use "եվ".
    .replace(/և/g, 'եվ')
    .replace(/եւ/g, 'եվ')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letter-and-digit runs of the folded text: "Сколько стоит?!" → ["сколько", "стоит"]. */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
