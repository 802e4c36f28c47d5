/**
 * Free-text intent: what a visitor who typed instead of tapping the menu wants. Keyword cues in
 * Russian, Armenian and English (intent-vocabulary.ts), tolerant of case, punctuation, "ё",
 * inflection and typos; a message that only names a day or time ("можно завтра?") is a
 * booking request.
 */
import type { Lang } from '@frontdesk/shared';
import { isNear, startsNear } from './fuzzy-match.js';
import { QUESTION, VOCABULARY, WANT, type Cue, type Intent } from './intent-vocabulary.js';
import { asksAdvice } from './advice-question.js';
import { foldText, words } from './normalize-text.js';
import { mentionsWhen } from './parse-when.js';

export type { Intent } from './intent-vocabulary.js';

export interface IntentResult {
  intent: Intent;
  /**
   * 0–1. About 0.8 for one clear cue, up to 0.95 for an unambiguous phrase, lower when cues of
   * two intents compete or only a misspelling matched; 0.6 for a bare date/time; 0.5 for
   * 'other'. Below ~0.65 the widget should confirm with the intent menu.
   */
  confidence: number;
}

type Alternative = { text: string; prefix: boolean };
type CompiledCue = { words: Alternative[][]; weight: number };

function compile(cues: readonly Cue[]): CompiledCue[] {
  return cues.map(({ phrase, weight }) => ({
    weight,
    words: phrase.split(' ').map((word) =>
      word.split('|').map((alt) => (alt.endsWith('*') ? { text: alt.slice(0, -1), prefix: true } : { text: alt, prefix: false })),
    ),
  }));
}

const COMPILED: Array<[Exclude<Intent, 'other'>, CompiledCue[]]> = Object.entries(VOCABULARY).map(([intent, cues]) => [
  intent as Exclude<Intent, 'other'>,
  compile(cues),
]);
const COMPILED_QUESTION = compile(QUESTION);
const COMPILED_WANT = compile(WANT);

/** Tie-break between equal scores: the more specific request wins ("cancel my booking" over "booking"). */
const PRIORITY: Array<Exclude<Intent, 'other'>> = ['my_booking', 'human', 'prices', 'book'];

/** A cue matched only through a typo counts for less. */
const FUZZY_FACTOR = 0.7;
/** A day or time in the message supports booking (or rescheduling, if that is what is asked). */
const WHEN_BONUS = 0.6;
/** Enough to read the gist; a pasted essay would only cost time. */
const MAX_WORDS = 100;

function exactly(token: string, { text, prefix }: Alternative): boolean {
  return prefix ? token.startsWith(text) : token === text;
}

const ALL_ALTERNATIVES: Alternative[] = [...COMPILED.flatMap(([, cues]) => cues), ...COMPILED_QUESTION, ...COMPILED_WANT].flatMap((cue) => cue.words.flat());

/**
 * Words some cue knows exactly are not typos: "запись" must not also count as a misspelt
 * "запиш*", nor "человека" as a misspelt "человек".
 */
function knownWords(tokens: readonly string[]): Set<string> {
  return new Set(tokens.filter((token) => ALL_ALTERNATIVES.some((alt) => exactly(token, alt))));
}

function wordMatch(token: string, alternatives: Alternative[], known: ReadonlySet<string>): number {
  if (alternatives.some((alt) => exactly(token, alt))) return 1;
  if (known.has(token)) return 0;
  return alternatives.some(({ text, prefix }) => (prefix ? startsNear(token, text) : isNear(token, text))) ? FUZZY_FACTOR : 0;
}

function cueScore(tokens: readonly string[], cue: CompiledCue, known: ReadonlySet<string>): number {
  let best = 0;
  for (let i = 0; i + cue.words.length <= tokens.length; i++) {
    let quality = 1;
    for (let j = 0; j < cue.words.length && quality > 0; j++) {
      quality = Math.min(quality, wordMatch(tokens[i + j] ?? '', cue.words[j] ?? [], known));
    }
    best = Math.max(best, quality);
    if (best === 1) break;
  }
  return best * cue.weight;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * @example
 * classifyIntent('Сколько стоит окрашивание?') // → { intent: 'prices', confidence: 0.95 }
 * classifyIntent('можно завтра?')               // → { intent: 'book', confidence: 0.6 }
 *
 * `namesWhen`: whether the text names a day or time, when the caller knows (parseWhen).
 * `namesService`: whether it names one of the business's services (name-match.ts): then "I want"
 * / "I need" is a request for it ("нужна мужская стрижка").
 */
export function classifyIntent(text: string, lang?: Lang, namesWhen?: boolean, namesService = false): IntentResult {
  const tokens = words(text.slice(0, 2000)).slice(0, MAX_WORDS);
  const known = knownWords(tokens);
  const sum = (cues: readonly CompiledCue[]) => cues.reduce((total, cue) => total + cueScore(tokens, cue, known), 0);
  const scores = new Map<Exclude<Intent, 'other'>, number>(COMPILED.map(([intent, cues]) => [intent, sum(cues)]));
  const best = Math.max(...scores.values());
  // A question about the business ("до скольки вы работаете в воскресенье?") outweighing every
  // request is for the knowledge base, whatever day it names.
  if (sum(COMPILED_QUESTION) > best) return { intent: 'other', confidence: 0.5 };
  // How to prepare, or whether to come without booking, is a question too, unless the visitor
  // clearly asks about a booking they have or for a person.
  if ((scores.get('my_booking') ?? 0) < 1 && (scores.get('human') ?? 0) < 1 && asksAdvice(foldText(text.slice(0, 2000)))) {
    return { intent: 'other', confidence: 0.5 };
  }
  if (namesService && best === 0) scores.set('book', sum(COMPILED_WANT));
  const anyCue = [...scores.values()].some((s) => s > 0);
  // A caller that already parsed the date says so: the date grammars are the costly part.
  const hasWhen = namesWhen ?? mentionsWhen(text, lang);

  if (!anyCue) return hasWhen ? { intent: 'book', confidence: 0.6 } : { intent: 'other', confidence: 0.5 };
  if (hasWhen) {
    const target = (scores.get('my_booking') ?? 0) > 0 ? 'my_booking' : 'book';
    scores.set(target, (scores.get(target) ?? 0) + WHEN_BONUS);
  }

  const ranked = [...PRIORITY].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
  const [top = 'book', second = 'book'] = ranked;
  const topScore = scores.get(top) ?? 0;
  const secondScore = scores.get(second) ?? 0;
  // Strength: one clear cue (1) is fairly sure, a strong phrase (1.5) saturates. Margin: how
  // far ahead of the runner-up; a tie halves the certainty the strength gives.
  const strength = Math.min(1, topScore / 1.5);
  const margin = (topScore - secondScore) / topScore;
  return { intent: top, confidence: round2(0.55 + 0.4 * strength * (0.5 + 0.5 * margin)) };
}
