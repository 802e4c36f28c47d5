/**
 * "When" in a visitor's message, as a local date (and minute) in the BUSINESS's time zone:
 * "можно завтра в 15:00?", "tomorrow after 5pm", "վաղը ժամը 15-ին".
 *
 * Pure: the instant `now` and the zone are inputs. The grammar is chosen by the script the
 * message is written in (a Russian speaker on an English site still writes Cyrillic), then
 * the others are tried in case the message mixes them.
 */
import type { ParsingReference } from 'chrono-node';
import { tzOffsetMinutes, utcToZoned, type Lang } from '@frontdesk/shared';
import { approximateToExact } from './approximate-time.js';
import { armenianWhen } from './armenian-when.js';
import { chronoWhen } from './chrono-when.js';
import { hoursInDigits } from './hour-words.js';
import { foldText } from './normalize-text.js';
import { correctWeekdays } from './weekday-spelling.js';
import { resolveWhen, type When, type WhenExpression } from './when-expression.js';

export type { When } from './when-expression.js';

export interface ParseWhenOptions {
  /** The reference instant, epoch ms. */
  now: number;
  /** The business's IANA zone, e.g. 'Europe/Moscow'. An unknown zone throws RangeError (a config bug). */
  timeZone: string;
  /** The visitor's language: breaks ties when the text has no letters ("15:00"). */
  lang?: Lang | undefined;
}

/**
 * Chat messages are short; parsing only the start bounds the work on a pasted wall of text
 * (the chrono grammars are many regular expressions run over the whole input).
 */
const MAX_TEXT_LENGTH = 500;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Letters of each grammar's script in the text. */
function lettersOf(text: string): Record<Lang, number> {
  return {
    hy: count(text, /\p{Script=Armenian}/gu),
    ru: count(text, /\p{Script=Cyrillic}/gu),
    en: count(text, /[a-z]/g),
  };
}

/** Grammars to try, most likely first. */
function grammarOrder(letters: Record<Lang, number>, lang: Lang | undefined): Lang[] {
  const preferred = lang ?? 'en';
  return (['ru', 'hy', 'en'] as const)
    .slice()
    .sort((a, b) => letters[b] - letters[a] || Number(b === preferred) - Number(a === preferred));
}

/**
 * The text as the grammars can read it: folded, mistyped weekdays spelt right, hours in words as
 * digits, approximate times as the time itself.
 */
function spelledOut(text: string): string {
  return approximateToExact(hoursInDigits(correctWeekdays(foldText(text.slice(0, MAX_TEXT_LENGTH)))));
}

function extract(text: string, lang: Lang | undefined, reference: ParsingReference): WhenExpression | null {
  const folded = spelledOut(text);
  let found: WhenExpression | null = null;
  const letters = lettersOf(folded);
  for (const grammar of grammarOrder(letters, lang)) {
    // Completing a reading costs a parse: only grammars whose letters the text has (Latin-typed
    // Armenian is read by the Armenian grammar, so Latin letters count for it too).
    if (found !== null && letters[grammar === 'hy' ? 'en' : grammar] === 0 && letters[grammar] === 0) continue;
    const expr = grammar === 'hy' ? armenianWhen(folded) : chronoWhen(folded, grammar, reference);
    if (expr === null) continue;
    // A message mixing spellings ("kareli e urbat, at 3pm") may say its day in one grammar and
    // its time in another: the first reading is completed by the others, never overridden.
    found = found === null ? expr : completed(found, expr);
    if (found.date !== undefined && (found.time !== undefined || found.partOfDay !== undefined)) break;
  }
  return found;
}

function completed(first: WhenExpression, other: WhenExpression): WhenExpression {
  if (first.date === undefined && other.date !== undefined) return { ...first, date: other.date };
  if (first.time === undefined && first.partOfDay === undefined && (other.time !== undefined || other.partOfDay !== undefined)) {
    return { ...first, time: other.time, partOfDay: other.partOfDay, qualifier: other.qualifier };
  }
  return first;
}

/**
 * @example
 * parseWhen('можно завтра в 3 часа дня?', { now: Date.parse('2026-06-10T09:00:00Z'), timeZone: 'Europe/Moscow' })
 * // → { kind: 'at', date: '2026-06-11', minuteOfDay: 900 }
 */
export function parseWhen(text: string, { now, timeZone, lang }: ParseWhenOptions): When {
  const local = utcToZoned(now, timeZone);
  // chrono computes "today"/"tomorrow" in this fixed offset; the offset at `now` is the right
  // one for the dates around it, and the result is read back as wall-clock components only.
  const expr = extract(text, lang, { instant: new Date(now), timezone: tzOffsetMinutes(now, timeZone) });
  return expr === null ? { kind: 'none' } : resolveWhen(expr, local);
}

/**
 * Whether the message names a day or a time at all, whatever the date: for intent
 * classification, where a bare "завтра в 5?" is a request to book.
 */
export function mentionsWhen(text: string, lang?: Lang): boolean {
  // Any fixed reference does: only the presence of a date or time is asked for.
  return extract(text, lang, { instant: new Date(0), timezone: 0 }) !== null;
}
