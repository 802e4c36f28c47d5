/**
 * The one best guess for text the classifier could not read ("did you mean “Prices”?"): the
 * intent whose cue word is nearest to a word of the message, with a looser typo budget than
 * classify-intent.ts allows itself (short words get one edit, the first letter may be wrong:
 * "цнеы", "prcie", "зпаись", "գնր"). A guess is only offered, never acted on: the visitor confirms
 * it by tapping it. Nothing near enough → null (the plain menu).
 */
import { editDistance } from './fuzzy-match.js';
import { VOCABULARY, type Intent } from './intent-vocabulary.js';
import { words } from './normalize-text.js';

type Guessable = Exclude<Intent, 'other'>;

interface Word {
  intent: Guessable;
  text: string;
  prefix: boolean;
  weight: number;
}

/** The menu's own labels count too: a visitor who mistypes "Цены" means the button. */
const LABEL_WORDS: Record<Guessable, string[]> = {
  prices: ['цены', 'prices', 'գներ'],
  book: ['записаться', 'book', 'գրանցվել'],
  human: ['администратор*', 'person', 'աշխատակից'],
  // "Моя запись" / "My booking": both words are cues of booking too ("зпаись" means "запись").
  my_booking: [],
};

/** Single-word cues only: one word of a phrase ("how" of "how much") says nothing alone. */
const WORDS: Word[] = [
  ...Object.entries(VOCABULARY).flatMap(([intent, cues]) =>
    cues
      .filter((c) => !c.phrase.includes(' '))
      .flatMap((c) => c.phrase.split('|').map((alt) => ({ intent: intent as Guessable, weight: Math.min(1, c.weight), ...stem(alt) }))),
  ),
  ...Object.entries(LABEL_WORDS).flatMap(([intent, list]) => list.map((w) => ({ intent: intent as Guessable, weight: 1, ...stem(w) }))),
];

function stem(alt: string): { text: string; prefix: boolean } {
  return alt.endsWith('*') ? { text: alt.slice(0, -1), prefix: true } : { text: alt, prefix: false };
}

/** Edits tolerated for a guess: none below 4 letters ("the" is not "fee"), then about one in four letters. */
function looseBudget(length: number): number {
  return length < 4 ? 0 : length < 6 ? 1 : length < 10 ? 2 : 3;
}

/**
 * The distance of `token` to a cue word, or null beyond the budget (a stem compares with the
 * token's start). A wrong first letter costs one more edit: typos rarely hit it, and real words
 * that differ there are other words ("сколко" is not "окошко").
 */
function distance(token: string, w: Word): number | null {
  const d = rawDistance(token, w);
  const firstWrong = token.codePointAt(0) !== w.text.codePointAt(0) ? 1 : 0;
  return d === null || d + firstWrong > looseBudget(Array.from(w.text).length) ? null : d + firstWrong;
}

function rawDistance(token: string, w: Word): number | null {
  const budget = looseBudget(Array.from(w.text).length);
  if (budget === 0) return null;
  if (!w.prefix) {
    const d = editDistance(token, w.text, budget);
    return d <= budget ? d : null;
  }
  const letters = Array.from(token);
  const length = Array.from(w.text).length;
  let best: number | null = null;
  for (let cut = length - budget; cut <= Math.min(letters.length, length + budget); cut++) {
    if (cut <= 0) continue;
    const d = editDistance(letters.slice(0, cut).join(''), w.text, budget);
    if (d <= budget && (best === null || d < best)) best = d;
  }
  return best;
}

/** Tie-break as the classifier does: the more specific request first. */
const PRIORITY: Guessable[] = ['my_booking', 'human', 'prices', 'book'];

/**
 * @example guessIntent('цнеы')   // → 'prices'
 * @example guessIntent('qwerty') // → null
 */
export function guessIntent(text: string): Guessable | null {
  const tokens = words(text.slice(0, 500)).slice(0, 30).filter((w) => Array.from(w).length >= 3);
  const score = new Map<Guessable, number>();
  for (const token of tokens) {
    for (const w of WORDS) {
      const d = distance(token, w);
      if (d === null) continue;
      // Closeness relative to the word's length: one edit in "администратор" is nearer than in "цена".
      const s = w.weight * (1 - d / (Array.from(w.text).length + 1));
      if (s > (score.get(w.intent) ?? 0)) score.set(w.intent, s);
    }
  }
  let best: Guessable | null = null;
  for (const intent of PRIORITY) if ((score.get(intent) ?? 0) > (best ? (score.get(best) ?? 0) : 0)) best = intent;
  return best;
}
