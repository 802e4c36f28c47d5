/**
 * Which of the business's own names a message mentions: services ("стрижку завтра в 15" →
 * "Женская стрижка", "Мужская стрижка"), quote trees, staff ("к Анне"). Names are the owner's,
 * in any of the three languages, so matching is by word stems (Russian and Armenian inflect:
 * "стрижку" ~ "стрижка", "սանրվածքի" ~ "սանրվածք") with the same typo tolerance as the intent cues.
 */
import { isNear } from './fuzzy-match.js';
import { words } from './normalize-text.js';

export interface Named {
  id: string;
  /** Every spelling to look for (the name in each language). */
  names: readonly string[];
}

export interface NameMatch {
  /** Best matches, in the order given; several when the message fits them equally well. */
  ids: string[];
  /** Every word of the best name was found ("haircut" for "Haircut", not for "Haircut + beard"). */
  complete: boolean;
}

/** Words shorter than this say too little ("в", "to", "s" of "Women's"). */
const MIN_WORD = 3;
/** A word shorter than this must match exactly to count as a mention on its own. */
const MIN_STEM = 4;

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_STEM) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  // An inflected ending changes at most two letters of the longer word (стрижк-а/-у/-ой,
  // սանրվածք/-ի); "hair" is not "haircut".
  if (common >= Math.max(MIN_STEM, Math.max(a.length, b.length) - 2)) return true;
  return isNear(a, b);
}

/** How much of one name the message covers: 0…1, and whether a meaningful word matched. */
function coverage(text: readonly string[], name: string): number {
  const parts = words(name).filter((w) => w.length >= MIN_WORD);
  if (parts.length === 0) return 0;
  const found = parts.filter((p) => text.some((t) => sameWord(t, p)));
  if (!found.some((p) => p.length >= MIN_STEM)) return 0;
  return found.length / parts.length;
}

/**
 * `minCoverage`: how much of a name must be mentioned (0.5 for the business's services; any
 * telling word among the options of the question on screen).
 *
 * @example matchNames('сколько стоит чистка зубов', [{ id: 'cleaning', names: ['Профессиональная чистка'] }])
 * // → { ids: ['cleaning'], complete: false }
 */
export function matchNames(text: string, items: readonly Named[], minCoverage = 0.5): NameMatch {
  const tokens = words(text.slice(0, 500)).filter((w) => w.length >= MIN_WORD);
  let best = 0;
  let ids: string[] = [];
  for (const item of items) {
    const score = Math.max(0, ...item.names.map((n) => coverage(tokens, n)));
    if (score === 0 || score < best) continue;
    if (score > best) {
      best = score;
      ids = [];
    }
    ids.push(item.id);
  }
  // Half a name ("стрижка" of "Женская стрижка") is a mention; less is a coincidence, except
  // among the few options of the question on screen, where one telling word picks an option.
  return best > 0 && best >= minCoverage ? { ids, complete: best === 1 } : { ids: [], complete: false };
}
