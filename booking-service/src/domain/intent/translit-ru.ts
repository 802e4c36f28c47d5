/**
 * Russian typed in Latin letters ("skolko stoit strizhka", "zapisatsya zavtra", "hochu
 * pogovorit s menedzherom") back into Cyrillic, so the Russian cues, the date grammar and the
 * service names read it. People do not follow one standard (GOST, ISO 9, passports); they mix
 * them, so the table takes the spellings of all of them, longest first:
 * - digraphs: shch/sch → щ, zh → ж, kh → х, ch → ч, sh → ш, ts/tz → ц, dzh → дж;
 * - iotated vowels: ya/ja/ia → я, yu/ju/iu → ю, yo/jo → ё (folded to е), ye/je → е;
 * - "y": ы between consonants and at a word's end after a consonant ("vy" → вы), й after a vowel
 *   ("moy" → мой); "j" alone is ж as phones type it ("strijka"), й at a word's end ("moj");
 * - "h" is х ("hochu"), "x" is х too (the letter that looks alike), "c" is ц, "w" в, "q" к;
 * - "'" is the soft sign; the reflexive "-tsya"/"-tsa" is "-тся"/"-ться" ("zapisatsya").
 * Cheap: one pass of a regular expression over the words that have Latin letters.
 */

const VOWELS = 'aeiouy';

/** Multi-letter spellings first: the regular expression tries its alternatives in this order. */
const UNITS: Array<[string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['dzh', 'дж'],
  ['tsya', 'тся'], ['tsa', 'тся'],
  ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['tz', 'ц'],
  ['ya', 'я'], ['ja', 'я'], ['yu', 'ю'], ['ju', 'ю'], ['yo', 'е'], ['jo', 'е'], ['ye', 'е'], ['je', 'е'],
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['w', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'],
  ['i', 'и'], ['k', 'к'], ['q', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'],
  ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['x', 'х'], ['c', 'ц'],
  ["'", 'ь'],
];
const TABLE = new Map(UNITS);
const UNIT = new RegExp(UNITS.map(([latin]) => latin).sort((a, b) => b.length - a.length).join('|'), 'g');

/** One word of Latin letters in Cyrillic. */
function word(latin: string): string {
  let out = '';
  let i = 0;
  while (i < latin.length) {
    const ch = latin[i]!;
    const prev = latin[i - 1];
    if (ch === 'y' || ch === 'j') {
      UNIT.lastIndex = i;
      const m = UNIT.exec(latin);
      // Iotated vowels (ya, ju, …) and the reflexive ending are read as units below.
      if (m === null || m.index !== i || m[0].length === 1) {
        const afterVowel = prev !== undefined && VOWELS.includes(prev);
        const last = i === latin.length - 1;
        out += ch === 'y' ? (afterVowel ? 'й' : 'ы') : last ? 'й' : 'ж';
        i++;
        continue;
      }
    }
    UNIT.lastIndex = i;
    const m = UNIT.exec(latin);
    if (m === null || m.index !== i) {
      out += ch;
      i++;
      continue;
    }
    // "-tsa" is the reflexive ending only at the end of a word ("zapisatsa"), not in "tsarina".
    if ((m[0] === 'tsa' || m[0] === 'tsya') && i + m[0].length !== latin.length) {
      out += 'ц';
      i += 2;
      continue;
    }
    out += TABLE.get(m[0]) ?? m[0];
    i += m[0].length;
  }
  return out;
}

/**
 * The Cyrillic reading of a message typed in Latin letters; words in other scripts and numbers
 * stay as they are.
 *
 * @example latinToRussian('skolko stoit strizhka zavtra') // → 'сколко стоит стрижка завтра'
 */
export function latinToRussian(text: string): string {
  return text.toLowerCase().replace(/[a-z']+/g, (w) => word(w));
}

/** Whether the text is written in Latin letters only (no Cyrillic or Armenian): worth reading as translit. */
export function typedInLatin(text: string): boolean {
  return /[a-z]/i.test(text) && !/[\p{Script=Cyrillic}\p{Script=Armenian}]/u.test(text);
}
