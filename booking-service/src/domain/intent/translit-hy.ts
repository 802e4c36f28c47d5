/**
 * Armenian typed in Latin letters ("kayanatexi ka?", "qartov vcharum") read in Armenian letters, as
 * the visitors' common chat spelling writes it: digraphs first (sh, ch, zh, kh, gh, dz, ts, ou),
 * "vo" opening a word is ո, "u" is ու, "q" is ք, "x" is խ opening a word and ղ inside one
 * (xndrum → խնդրում, vortex → որտեղ, kayanatexi → կայանատեղի), "y" is յ beside a vowel and ը
 * elsewhere, "@" (the schwa key) is ը. Letters the spelling does not tell apart (k/ք, t/թ, p/փ,
 * ch/ճ, r/ռ) get the commoner one: a reading for search, not a spelling checker.
 */
const DIGRAPHS: ReadonlyArray<[string, string]> = [
  ['sh', 'շ'], ['ch', 'չ'], ['zh', 'ժ'], ['kh', 'խ'], ['gh', 'ղ'], ['dz', 'ձ'], ['ts', 'ց'], ['tz', 'ց'], ['ou', 'ու'],
];
const SINGLE: Record<string, string> = {
  a: 'ա', b: 'բ', g: 'գ', d: 'դ', e: 'ե', z: 'զ', i: 'ի', l: 'լ', c: 'ց', k: 'կ', h: 'հ', j: 'ջ', m: 'մ', n: 'ն',
  o: 'ո', p: 'պ', r: 'ր', s: 'ս', v: 'վ', t: 'տ', u: 'ու', q: 'ք', f: 'ֆ', w: 'ւ', '@': 'ը',
};
const VOWEL = /[aeiou]/;

function word(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; ) {
    const two = w.slice(i, i + 2);
    const di = DIGRAPHS.find(([d]) => d === two);
    if (i === 0 && two === 'vo') { out += 'ո'; i += 2; continue; }
    if (di) { out += di[1]; i += 2; continue; }
    const ch = w[i]!;
    if (ch === 'x') out += i === 0 ? 'խ' : 'ղ';
    else if (ch === 'y') out += VOWEL.test(w[i - 1] ?? '') || VOWEL.test(w[i + 1] ?? '') ? 'յ' : 'ը';
    else out += SINGLE[ch] ?? ch;
    i++;
  }
  return out;
}

/** Each Latin-letter word in Armenian letters; other words as they are. */
export function latinToArmenian(text: string): string {
  return text.toLowerCase().replace(/[a-z@]+/g, word);
}
