/**
 * Validation messages in the console's language. The server (zod's shape, the console inputs'
 * own rules, the quote-tree rules of quote-tree-schema.ts) and a few form checks (quote/tree-form.ts)
 * report in English; each known message becomes a sentence of the catalogue with its figures kept
 * (minimum, maximum, a count), without the path prefix or internal ids the server adds. A message
 * already in the catalogue's words passes through; an English one nobody mapped yet reads as a
 * translated "check this value" in ru/hy, never as raw English.
 */
import type { Dict } from '../i18n/en.js';
import { fmt } from '../i18n/index.js';

type Key = keyof Dict['fieldErrors'];

/** Message patterns, the first match wins; named groups fill the catalogue sentence. */
const RULES: Array<[RegExp, Key]> = [
  [/^required$/, 'required'],
  [/^not a whole number$|expected int\b|prices are whole units/, 'wholeNumber'],
  [/^not a number$|expected number, received/, 'number'],
  [/^needs text in at least one language|at least one language/, 'needsText'],
  [/expected string to have >=1 characters|expected string, received undefined/, 'required'],
  [/expected number to be >0$/, 'positive'],
  [/expected number to be >=(?<n>-?[\d.]+)/, 'atLeast'],
  [/expected number to be <=(?<n>-?[\d.]+)/, 'atMost'],
  [/expected array to have >=(?<n>\d+) items/, 'atLeastItems'],
  [/expected array to have <=(?<n>\d+) items/, 'atMostItems'],
  [/expected string to have <=(?<n>\d+) characters/, 'tooLong'],
  [/Invalid option: expected one of/, 'choose'],
  // The console's own inputs (booking-service/src/api/console/inputs.ts).
  [/use a real date as YYYY-MM-DD|Invalid (?:ISO )?date/, 'date'],
  [/use HH:MM/, 'time'],
  [/use #rrggbb/, 'colour'],
  [/unknown time zone/, 'timeZone'],
  [/ranges overlap/, 'overlap'],
  [/not an e-mail address|Invalid email/, 'email'],
  [/no control characters/, 'controlChars'],
  [/end must be after start|must be after from/, 'endAfterStart'],
  // Quote trees (booking-service/src/domain/quote/quote-tree-schema.ts).
  [/duplicate (?:question|option|tree) id/, 'duplicate'],
  [/every option hands off/, 'allHandoff'],
  [/max \((?<max>[^)]+)\) is below min \((?<min>[^)]+)\)/, 'maxBelowMin'],
  [/must be at least min \((?<min>[^)]+)\) and below max \((?<max>[^)]+)\)/, 'handoffRange'],
  [/no question has id/, 'conditionMissing'],
  [/must come before this question/, 'conditionOrder'],
  [/is a number question; conditions can only refer to choice questions/, 'conditionNumber'],
  [/has no option/, 'conditionOption'],
  [/lists only hand-off options/, 'conditionNever'],
  [/scoping questions must come before the clarifying one/, 'stageOrder'],
  [/both clarifying and could both be asked/, 'twoClarifying'],
  [/highest possible price exceeds (?<max>\d+)/, 'tooExpensive'],
];

/** The server prefixes its own rules' messages with the path ("questions[2].max: …"): the field already shows where. */
const PATH_PREFIX = /^[\w[\].]+: /;

/** Latin letters only: a message in the server's English, not one of the catalogue's ru/hy sentences. */
const ENGLISH = /^[\x20-\x7E’“”–—…]*[A-Za-z][\x20-\x7E’“”–—…]*$/;

/**
 * @example fieldText('Too small: expected number to be >=0', ru, false) // → 'Не меньше 0.'
 */
export function fieldText(message: string, dict: Dict, english: boolean): string {
  const m = message.replace(PATH_PREFIX, '');
  for (const [re, key] of RULES) {
    const hit = re.exec(m);
    if (hit) return fmt(dict.fieldErrors[key], { ...hit.groups });
  }
  return english || !ENGLISH.test(m) ? m : dict.fieldErrors.other;
}
