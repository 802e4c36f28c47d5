/**
 * Which of the business's own names a message mentions: services ("стрижку завтра в 15" →
 * "Женская стрижка", "Мужская стрижка"), quote trees, staff ("к Анне"). Names are the owner's,
 * in any of the three languages, so matching is by word stems (Russian and Armenian inflect:
 * "стрижку" ~ "стрижка", "սանրվածքի" ~ "սանրվածք") with the same typo tolerance as the intent cues.
 */
import { isNear } from './fuzzy-match.js';
import { foldText, words } from './normalize-text.js';
import { hyStem } from './armenian-stem.js';
import { familiesOf, servicePhrases } from './service-words.js';

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

/** A word and the service-word families it belongs to (service-words.ts). */
interface Word {
  text: string;
  families: number;
}

const word = (text: string): Word => ({ text, families: familiesOf(text) });

function sameWord(x: Word, y: Word): boolean {
  const a = x.text;
  const b = y.text;
  if (a === b) return true;
  if ((x.families & y.families) !== 0) return true;
  // English possessive or plural typed without the apostrophe: "mens" of "Men's", "nails" of "Nail".
  if (LATIN.test(a) && LATIN.test(b) && (a === `${b}s` || b === `${a}s`)) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_STEM) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  // An inflected ending changes at most two letters of the longer word (стрижк-а/-у/-ой,
  // սանրվածք/-ի); "hair" is not "haircut".
  if (common >= Math.max(MIN_STEM, Math.max(a.length, b.length) - 2)) return true;
  // A long stem said whole with at most a one-letter ending: "имплант" of "имплантации",
  // "իմպլանտի" of "իմպլանտացիայի", "маникюрчик" of "маникюр".
  if (common >= LONG_STEM && common >= shorter - 1) return true;
  const sa = hyStem(a);
  if (sa !== a && sa === hyStem(b)) return true;
  return isNear(a, b);
}

const LATIN = /^[a-z]+$/;

/** A stem this long said in full names the word it starts ("имплант", not "hair" of "haircut"). */
const LONG_STEM = 6;

interface Coverage {
  /** 0…1: the share of the name's words the message mentions. */
  share: number;
  /** How many of its words: a longer name mentioned in full is the more specific one. */
  found: number;
  /** The mentioned words themselves. */
  words: Word[];
}

const NONE: Coverage = { share: 0, found: 0, words: [] };

/** How much of one name the message covers, and whether a meaningful word matched. */
function coverage(text: readonly Word[], name: string): Coverage {
  const parts = words(name).filter((w) => w.length >= MIN_WORD).map(word);
  if (parts.length === 0) return NONE;
  const found = parts.filter((p) => text.some((t) => sameWord(t, p)));
  if (!found.some((p) => p.text.length >= MIN_STEM || p.families !== 0)) return NONE;
  return { share: found.length / parts.length, found: found.length, words: found };
}

function better(a: Coverage, b: Coverage): boolean {
  return a.share > b.share || (a.share === b.share && a.found > b.found);
}

/**
 * `minCoverage`: how much of a name must be mentioned (0.5 for the business's services; any
 * telling word among the options of the question on screen).
 *
 * @example matchNames('сколько стоит чистка зубов', [{ id: 'cleaning', names: ['Профессиональная чистка'] }])
 * // → { ids: ['cleaning'], complete: false }
 */
export function matchNames(text: string, items: readonly Named[], minCoverage = 0.5): NameMatch {
  const tokens = words(servicePhrases(foldText(text.slice(0, 500)))).filter((w) => w.length >= MIN_WORD).map(word);
  const scored = items.map((item) => ({
    id: item.id,
    names: item.names,
    best: item.names.reduce<Coverage>((top, n) => {
      const c = coverage(tokens, n);
      return better(c, top) ? c : top;
    }, NONE),
  }));
  // A word several names share ("ատամ", tooth, of "Ատամի լցավորում" and "Ատամների … մաքրում")
  // says what the visitor talks about, not which service: a name mentioned only through shared
  // words, and not in full, counts no more than the least covered name sharing them. So "ատամս
  // ցավում է" (my tooth aches) names no service, "стрижка" still names both haircuts alike, and
  // "стрижка" said in full still names "Стрижка" rather than "Стрижка + борода".
  if (minCoverage > 0) {
    const capped = scored.map((s) => {
      if (s.best.share === 0 || s.best.share >= 1) return s.best.share;
      let cap = s.best.share;
      for (const w of s.best.words) {
        const others = scored.filter((o) => o !== s && o.names.some((n) => words(n).some((x) => sameWord(w, word(x)))));
        if (others.length === 0) return s.best.share;
        for (const o of others) cap = Math.min(cap, o.best.share);
      }
      return cap;
    });
    scored.forEach((s, i) => {
      if (capped[i]! < s.best.share) s.best = { ...s.best, share: capped[i]! };
    });
  }
  // A service word (service-words.ts) of a longer name that no other item's name has tells which
  // one is meant: "shave" of "Hot towel shave", "гель" for "Маникюр с покрытием". It counts as
  // half a name. Any other word ("premium" of "Premium composite (…)") stays a coincidence.
  if (minCoverage > 0) {
    for (const s of scored) {
      if (s.best.share >= minCoverage || s.best.share === 0) continue;
      const telling = s.best.words.some((w) =>
        w.families !== 0 &&
        scored.every((o) => o === s || o.names.every((n) => words(n).every((x) => !sameWord(w, word(x))))),
      );
      if (telling) s.best = { ...s.best, share: minCoverage };
    }
  }
  let top: Coverage = NONE;
  let ids: string[] = [];
  for (const s of scored) {
    if (s.best.share === 0) continue;
    if (better(s.best, top)) {
      top = s.best;
      ids = [];
    }
    if (s.best.share === top.share && s.best.found === top.found) ids.push(s.id);
  }
  // Half a name ("стрижка" of "Женская стрижка") is a mention; less is a coincidence, except
  // among the few options of the question on screen, where one telling word picks an option.
  // Equally covered names: the one with more words mentioned is the more specific ("стрижка с
  // бородой" is "Стрижка + борода", not "Стрижка").
  if (ids.length > 1 && minCoverage > 0) ids = combosSettled(tokens, ids, items);
  return top.share > 0 && top.share >= minCoverage ? { ids, complete: top.share === 1 } : { ids: [], complete: false };
}

/** How owners join two services into one: "Haircut + beard", "Стрижка & борода". */
const JOINER = /\s*[+&]\s*/u;

/**
 * Names fitting equally, one of them a combination of services: the combination when the message
 * names each of its parts ("постричься и бороду оформить" is "Стрижка + борода"), else the other
 * ones ("how much for a beard" is "Beard trim", not "Haircut + beard"). Runs only on a tie.
 */
function combosSettled(tokens: readonly Word[], ids: string[], items: readonly Named[]): string[] {
  const combos = new Map<string, boolean>();
  for (const id of ids) {
    const parts = items.find((i) => i.id === id)?.names.map((n) => n.split(JOINER)).filter((p) => p.length > 1) ?? [];
    if (parts.length > 0) combos.set(id, parts.some((p) => p.every((part) => coverage(tokens, part).found > 0)));
  }
  if (combos.size === 0) return ids;
  const whole = ids.filter((id) => combos.get(id) === true);
  if (whole.length > 0) return whole;
  const others = ids.filter((id) => !combos.has(id));
  return others.length > 0 ? others : ids;
}
