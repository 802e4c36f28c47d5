/**
 * Which of the database's candidate entries answers a visitor's question, if any (issue 18).
 * The search (services/knowledge/search.ts) matches ANY significant word of the question, since
 * visitors ask in other words than the owner wrote ("где можно оставить машину?" for "Есть ли
 * парковка?", found through a phrasing or the answer); this decides what is a good enough match:
 *
 * - the rank (`ts_rank_cd`, question and phrasings weigh 1.0, the answer 0.4 per cover) reaches
 *   MIN_RANK — one word of the question, or two of the answer;
 * - and enough of the question is covered: at least half of its significant words, or two of
 *   them ("сколько стоит стрижка у вас во дворе" shares only "двор" with the parking answer).
 *
 * Below that the visitor gets the menu and "ask a person", never a made-up answer.
 */
import type { Lang } from '@frontdesk/shared';
import { words } from '../intent/normalize-text.js';
import { latinToArmenian } from '../intent/translit-hy.js';

export const MIN_RANK = 0.4;
const MIN_SHARE = 0.5;
const ENOUGH_WORDS = 2;

export interface Candidate {
  id: string;
  answer: string;
  serviceId: string | null;
  rank: number;
  /** The entry's lexemes (tsvector_to_array). */
  lexemes: readonly string[];
}

/**
 * The question's lexemes as the search used them. `prefix`: a lexeme also matches entry lexemes
 * it begins (Armenian, searched with the `simple` configuration and `:*` prefixes).
 */
export interface QueryTerms {
  lexemes: readonly string[];
  prefix: boolean;
}

export function pickAnswer(candidates: readonly Candidate[], q: QueryTerms): Candidate | null {
  if (q.lexemes.length === 0) return null;
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.rank < MIN_RANK) continue;
    const found = q.lexemes.filter((l) => c.lexemes.some((e) => e === l || (q.prefix && e.startsWith(l)))).length;
    if (found < ENOUGH_WORDS && found / q.lexemes.length < MIN_SHARE) continue;
    if (!best || c.rank > best.rank) best = c;
  }
  return best;
}

/**
 * Armenian has no stemmer in every PostgreSQL we run ('armenian' came with PostgreSQL 17), so
 * its words are searched as prefixes: a word of five letters or more loses up to two final
 * letters (the case endings -ը, -ն, -ի, -ից, -ով, -ում: "մեքենան" → "մեքեն", which begins
 * "մեքենա"), and the question words and small words the `simple` configuration keeps are dropped.
 */
const HY_STOP = new Set([
  'ինչ', 'ինչպես', 'ինչու', 'որտեղ', 'երբ', 'ով', 'ովքեր', 'որ', 'որն', 'որը', 'քանի', 'ինչքան', 'որքան',
  'կա', 'կան', 'է', 'են', 'եմ', 'ես', 'ենք', 'եք', 'էր', 'էին', 'ու', 'եվ', 'թե', 'կամ', 'բայց', 'մի', 'այս', 'այդ', 'այն',
  'ձեր', 'ձեզ', 'ձեզ', 'մեր', 'իմ', 'դուք', 'մենք', 'նա', 'ինձ', 'կարող', 'կարելի', 'պետք', 'ոչ', 'չէ', 'այո', 'համար', 'հետ',
  'մոտ', 'վրա', 'մեջ', 'շատ', 'լավ', 'բարեվ', 'խնդրեմ', 'խնդրում', 'շնորհակալ', 'հնարավոր', 'ունեք', 'ունի', 'կլինի',
]);

export function armenianTerms(text: string): string[] {
  const out = new Set<string>();
  // Armenian typed in Latin letters is searched in Armenian letters ("kayanatexi" → "կայանատեղի").
  for (const w of words(latinToArmenian(text.slice(0, 500)))) {
    if (w.length < 2 || HY_STOP.has(w) || /^\d+$/.test(w)) continue;
    out.add(w.length >= 5 ? w.slice(0, Math.max(4, w.length - 2)) : w);
  }
  return [...out].slice(0, 16);
}

/** The text search configuration of each language (drizzle/0018_knowledge_base.sql). */
export const TS_CONFIG: Record<Lang, 'russian' | 'english' | 'simple'> = { ru: 'russian', en: 'english', hy: 'simple' };
