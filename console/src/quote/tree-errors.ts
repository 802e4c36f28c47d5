/**
 * The quote-tree editor's error messages in the console's language. The form's own checks
 * (tree-form.ts) and the server's (zod's shape and the semantic rules of quote-tree-schema.ts)
 * report in English; here each known message becomes a sentence of the catalogue with its
 * figures kept (minimum, maximum, a count). A message nobody mapped yet reads as a translated
 * "check this value" outside English, never as raw English in a ru/hy console.
 */
import type { Dict } from '../i18n/en.js';
import { fmt } from '../i18n/index.js';

type Key = keyof Dict['quote']['errors'];

/** Message patterns, the first match wins; named groups fill the catalogue sentence. */
const RULES: Array<[RegExp, Key]> = [
  [/^required$/, 'required'],
  [/^not a whole number$|expected int\b|prices are whole units/, 'wholeNumber'],
  [/^not a number$|expected number, received/, 'number'],
  [/^needs text in at least one language$|at least one language/, 'needsText'],
  [/expected string to have >=1 characters|expected string, received undefined/, 'required'],
  [/expected number to be >0$/, 'positive'],
  [/expected number to be >=(?<n>-?[\d.]+)/, 'atLeast'],
  [/expected number to be <=(?<n>-?[\d.]+)/, 'atMost'],
  [/expected array to have >=(?<n>\d+) items/, 'atLeastItems'],
  [/expected array to have <=(?<n>\d+) items/, 'atMostItems'],
  [/expected string to have <=(?<n>\d+) characters/, 'tooLong'],
  [/Invalid option: expected one of/, 'choose'],
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

/**
 * @example quoteErrorText('Too small: expected number to be >=0', ru) // → 'Не меньше 0.'
 */
export function quoteErrorText(message: string, dict: Dict, english: boolean): string {
  const m = message.replace(PATH_PREFIX, '');
  for (const [re, key] of RULES) {
    const hit = re.exec(m);
    if (hit) return fmt(dict.quote.errors[key], { ...hit.groups });
  }
  return english ? m : dict.quote.errors.other;
}
