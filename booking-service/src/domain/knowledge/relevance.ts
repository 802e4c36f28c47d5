/**
 * Which of the database's candidate entries answers a visitor's question, if any (issue 18).
 * The search (services/knowledge/search.ts) matches ANY significant word of the question, since
 * visitors ask in other words than the owner wrote ("где можно оставить машину?" for "Есть ли
 * парковка?", found through a phrasing or the answer); this decides what is a good enough match:
 *
 * - the rank (`ts_rank_cd`, question and phrasings weigh 1.0, the answer 0.4 per cover) reaches
 *   MIN_RANK — one word of the question, or two of the answer;
 * - and enough of the question is covered: at least half of its significant words, or two of
 *   them ("сколько стоит стрижка у вас во дворе" shares only "двор" with the parking answer), or
 *   the entry's own question is asked in full ("is there parking near the salon");
 * - a word counts with its related words (topic-words.ts: "припарковаться" finds "парковка").
 *
 * Below that the visitor gets the menu and "ask a person", never a made-up answer.
 */
import type { Lang } from '@frontdesk/shared';
import { hyRoot } from '../intent/armenian-stem.js';
import { words } from '../intent/normalize-text.js';
import { latinToArmenian } from '../intent/translit-hy.js';
import { relatedWords } from './topic-words.js';

export const MIN_RANK = 0.4;
const MIN_SHARE = 0.5;
const ENOUGH_WORDS = 2;
/** Words of a question searched for: a pasted essay would only cost time. */
const MAX_WORDS = 16;

export interface Candidate {
  id: string;
  answer: string;
  serviceId: string | null;
  rank: number;
  /** The entry's lexemes (tsvector_to_array). */
  lexemes: readonly string[];
  /** The lexemes of the entry's question and of each other wording, one list each. */
  questions: ReadonlyArray<readonly string[]>;
}

/**
 * The question's words as the search used them: one group per word of the visitor's, holding
 * the word's lexeme and those of its related words (topic-words.ts) and, for Armenian typed in
 * Latin letters, its other readings; a group is found when any of its lexemes is. `prefix`: a
 * lexeme also matches entry lexemes it begins (Armenian, searched with the `simple`
 * configuration and `:*` prefixes).
 */
export interface QueryTerms {
  groups: ReadonlyArray<readonly string[]>;
  prefix: boolean;
}

/**
 * The best candidate that passes the rule, or null. Besides the share of the question's words, an
 * entry whose own question (or another wording of it) is asked in full answers: "is there parking
 * near the salon" holds all of "Is there parking?", whatever else it says.
 */
export function pickAnswer(candidates: readonly Candidate[], q: QueryTerms): Candidate | null {
  if (q.groups.length === 0) return null;
  const matches = (l: string, e: string) => e === l || (q.prefix && e.startsWith(l));
  const asked = q.groups.flat();
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.rank < MIN_RANK) continue;
    const found = q.groups.filter((g) => g.some((l) => c.lexemes.some((e) => matches(l, e)))).length;
    const askedInFull = c.questions.some((ws) => {
      const meaningful = q.prefix ? ws.filter((e) => !HY_STOP.has(e)) : ws;
      return meaningful.length > 0 && meaningful.every((e) => asked.some((l) => matches(l, e)));
    });
    if (!askedInFull && found < ENOUGH_WORDS && found / q.groups.length < MIN_SHARE) continue;
    if (!best || c.rank > best.rank) best = c;
  }
  return best;
}

/**
 * Armenian has no stemmer in every PostgreSQL we run ('armenian' came with PostgreSQL 17), so
 * its words are searched as prefixes: a word loses up to two case endings (armenian-stem.ts:
 * "մաքրումից" → "մաքր", which begins "մաքրմանը") or, with none known, up to two final letters
 * of a word of five or more ("թողնեմ" → "թողն"), and the question words and small words the
 * `simple` configuration keeps are dropped.
 */
const HY_STOP = new Set([
  'ինչ', 'ինչպես', 'ինչու', 'որտեղ', 'երբ', 'ով', 'ովքեր', 'որ', 'որն', 'որը', 'քանի', 'ինչքան', 'որքան',
  'կա', 'կան', 'է', 'են', 'եմ', 'ես', 'ենք', 'եք', 'էր', 'էին', 'ու', 'եվ', 'թե', 'կամ', 'բայց', 'մի', 'այս', 'այդ', 'այն',
  'ձեր', 'ձեզ', 'ձեզ', 'մեր', 'իմ', 'դուք', 'մենք', 'նա', 'ինձ', 'կարող', 'կարելի', 'պետք', 'ոչ', 'չէ', 'այո', 'համար', 'հետ',
  'մոտ', 'վրա', 'մեջ', 'շատ', 'լավ', 'բարեվ', 'խնդրեմ', 'խնդրում', 'շնորհակալ', 'հնարավոր', 'ունեք', 'ունի', 'կլինի',
]);

/**
 * Letters the Latin spelling does not tell apart (translit-hy.ts reads the commoner one): a
 * Latin-typed word is searched in each reading, "kartov" as "կարտով" and "քարտով", "vcharel" as
 * "վչարել" and "վճարել".
 */
const OTHER_READING: ReadonlyArray<[string, string]> = [['կ', 'ք'], ['տ', 'թ'], ['պ', 'փ'], ['չ', 'ճ'], ['ց', 'ծ'], ['ր', 'ռ']];
const MAX_READINGS = 8;

function readings(w: string): string[] {
  let out = [w];
  for (const [from, to] of OTHER_READING) {
    if (!w.includes(from)) continue;
    out = [...out, ...out.map((x) => x.replaceAll(from, to))].slice(0, MAX_READINGS);
  }
  return out;
}

function hyPrefix(w: string): string {
  const root = hyRoot(w);
  const cut = w.length >= 5 ? w.slice(0, Math.max(4, w.length - 2)) : w;
  return root.length < cut.length ? root : cut;
}

/** The Armenian question as prefix groups (see QueryTerms). */
export function armenianGroups(text: string): string[][] {
  const latin = words(text.slice(0, 500));
  const groups: string[][] = [];
  const related = relatedWords(latin, 'hy');
  latin.forEach((original, i) => {
    // Armenian typed in Latin letters is searched in Armenian letters ("kayanatexi" → "կայանատեղի").
    const w = latinToArmenian(original);
    if (w.length < 2 || HY_STOP.has(w) || /^\d+$/.test(w)) return;
    const typedInLatin = w !== original;
    const forms = typedInLatin ? readings(w) : [w];
    const relatedHere = [...(related[i] ?? []), ...relatedWords([w], 'hy')[0]!];
    groups.push([...new Set([...forms.map(hyPrefix), ...relatedHere])]);
  });
  return groups.slice(0, MAX_WORDS);
}

/**
 * The Russian or English question as one text per word, the word and its related words, for the
 * language's configuration to stem (search.ts); stop words come back empty from it and are left out.
 */
export function wordGroups(text: string, lang: 'ru' | 'en'): string[] {
  const tokens = words(text.slice(0, 500)).slice(0, MAX_WORDS);
  const related = relatedWords(tokens, lang);
  return tokens.map((w, i) => [w, ...(related[i] ?? [])].join(' '));
}

/** The text search configuration of each language (drizzle/0018_knowledge_base.sql). */
export const TS_CONFIG: Record<Lang, 'russian' | 'english' | 'simple'> = { ru: 'russian', en: 'english', hy: 'simple' };
