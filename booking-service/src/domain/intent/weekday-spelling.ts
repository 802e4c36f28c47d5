/**
 * Weekday names as visitors mistype them ("thrusday", "wensday", "четрвег", "пятнцу", "hingshapti")
 * spelt right before the date grammars read the text: chrono and the Armenian grammar only know
 * the exact names. A word is corrected to the nearest weekday form (every language, the common
 * inflections, Russian and Armenian typed in Latin letters) within a small edit budget, with its
 * first letter right (typos rarely hit it). Russian typed in Latin letters ("pyatnicu",
 * "v subbotu") is written in Cyrillic, so chrono's Russian grammar reads it on any site; Armenian
 * typed in Latin letters is spelt the way armenian-when.ts reads it ("urbat").
 *
 * Pure and cheap: one table built at module load, indexed by first letter; only words of six
 * letters or more are compared, and only with forms of about their length.
 */
import { editDistance } from './fuzzy-match.js';

/** Each weekday's forms: [the spelling to write, …the spellings it stands for]. */
const FORMS: ReadonlyArray<readonly [string, ...string[]]> = [
  // English
  ['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday'], ['sunday'],
  // Russian, with the cases a day is said in ("в пятницу", "до пятницы", "к пятнице")
  ['понедельник'], ['понедельника'], ['вторник'], ['вторника'], ['среда'], ['среду'], ['среды'],
  ['четверг'], ['четверга'], ['пятница'], ['пятницу'], ['пятницы'], ['пятнице'],
  ['суббота'], ['субботу'], ['субботы'], ['воскресенье'], ['воскресенья'],
  // Russian typed in Latin letters, the spellings people use
  ['понедельник', 'ponedelnik', 'ponedel\'nik'], ['вторник', 'vtornik'], ['среда', 'sreda'], ['среду', 'sredu'],
  ['четверг', 'chetverg', 'cetverg'], ['пятница', 'pyatnica', 'pyatnitsa', 'pjatnica', 'piatnica'],
  ['пятницу', 'pyatnicu', 'pyatnitsu', 'pjatnicu', 'piatnicu'], ['суббота', 'subbota', 'subota'], ['субботу', 'subbotu', 'subotu'],
  ['воскресенье', 'voskresenye', 'voskresenie', 'voskresene', 'voskresen\'e'],
  // Armenian, and typed in Latin letters
  ['երկուշաբթի'], ['երեքշաբթի'], ['չորեքշաբթի'], ['հինգշաբթի'], ['ուրբաթ'], ['կիրակի'],
  ['erkushabti', 'yerkushabti'], ['ereqshabti', 'yereqshabti', 'erekshabti', 'yerekshabti'],
  ['choreqshabti', 'chorekshabti'], ['hingshabti'], ['urbat', 'urbath'], ['shabat', 'shabath'], ['kiraki'],
];

/**
 * Real words a weekday's budget would reach: "четверть" (a quarter, as in "в четверть пятого"),
 * "среди" (among), "сред" (of environments).
 */
const NOT_TYPOS = new Set(['четверть', 'четверти', 'четвертью', 'среди', 'сред', 'средь', 'сряду']);

interface Form {
  spelling: string;
  write: string;
  length: number;
}

const ALL: Form[] = FORMS.flatMap(([write, ...others]) => [write, ...others].map((spelling) => ({ spelling, write, length: Array.from(spelling).length })));
const EXACT = new Map(ALL.map((f) => [f.spelling, f.write]));
const BY_FIRST = new Map<string, Form[]>();
for (const f of ALL) {
  const first = f.spelling[0]!;
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), f]);
}

/**
 * Edits tolerated: one in a name of six letters, two from seven ("wensday", "четрвег"); none in
 * shorter ones, whose neighbours are real words ("urban" of "urbat", "среди" of "среду").
 */
function budget(length: number): number {
  return length < 6 ? 0 : length < 7 ? 1 : 2;
}

/** The spelling to write for a mistyped weekday, or null. */
export function weekdaySpelling(word: string): string | null {
  const length = Array.from(word).length;
  const exact = EXACT.get(word);
  if (exact !== undefined) return exact === word ? null : exact;
  if (length < 6 || NOT_TYPOS.has(word)) return null;
  let best: Form | null = null;
  let bestDistance = Infinity;
  for (const f of BY_FIRST.get(word[0]!) ?? []) {
    const allowed = budget(Math.min(f.length, length));
    if (allowed === 0 || Math.abs(f.length - length) > allowed) continue;
    const d = editDistance(word, f.spelling, allowed);
    if (d <= allowed && d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  return best?.write ?? null;
}

const WORD = /[\p{L}']+/gu;

/**
 * Folded text (normalize-text.ts) with mistyped weekday names spelt right; the rest unchanged.
 *
 * @example correctWeekdays('beard trim thrusday') // → 'beard trim thursday'
 */
export function correctWeekdays(text: string): string {
  return text.replace(WORD, (w) => weekdaySpelling(w) ?? w);
}
