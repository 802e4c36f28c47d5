/**
 * The owner's questions and answers searched with PostgreSQL full-text search (the same SQL on
 * PGlite): the question's significant words, stemmed by the language's configuration, each with
 * its related words (domain/knowledge/topic-words.ts), are OR-ed (any of them may find an entry
 * through its question, a phrasing or its answer), ranked with
 * `ts_rank_cd` over the generated, GIN-indexed `kb_entries.search`, and the relevance rule of
 * domain/knowledge/relevance.ts decides whether the best candidate answers at all.
 */
import { sql } from 'drizzle-orm';
import type { Lang } from '@frontdesk/shared';
import { queryRows, type Db } from '../../adapters/db/client.js';
import { armenianGroups, pickAnswer, TS_CONFIG, wordGroups, type Candidate, type QueryTerms } from '../../domain/knowledge/relevance.js';
import { words } from '../../domain/intent/normalize-text.js';
import type { KnowledgeHit } from '../../domain/conversation/effects.js';

/** Candidates looked at: the best few by rank (the relevance rule may skip the first). */
const CANDIDATES = 5;
/** Weights D, C, B, A: the answer is B, the question and its phrasings A. */
const WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

type Row = {
  id: string;
  answer: string;
  service_id: string | null;
  rank: number | string;
  lexemes: string[];
  /** The question and each phrasing: as lexemes joined by spaces (ru, en), as written (hy). */
  questions: string[];
  asked: string[] | null;
};

const quoted = (lexeme: string) => `'${lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
const lexemesOf = (tsquery: string) => [...tsquery.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));

export async function searchKnowledge(db: Db, businessId: string, lang: Lang, text: string): Promise<KnowledgeHit | null> {
  const question = text.slice(0, 500);
  // One tsquery per word of the question (with its related words, relevance.ts), OR-ed together.
  let groups;
  let hyGroups: string[][] | null = null;
  if (lang === 'hy') {
    hyGroups = armenianGroups(question);
    if (hyGroups.length === 0) return null;
    groups = sql`SELECT t AS q FROM unnest(string_to_array(${hyGroups.map((g) => g.map((l) => `${quoted(l)}:*`).join(' | ')).join('\n')}, E'\n')) AS t`;
  } else {
    const texts = wordGroups(question, lang);
    if (texts.length === 0) return null;
    // plainto_tsquery stems and drops stop words; its AND becomes OR (lexemes are quoted, so the
    // separator " & " cannot occur inside one).
    groups = sql`SELECT replace(plainto_tsquery(${TS_CONFIG[lang]}::regconfig, t)::text, ' & ', ' | ') AS q FROM unnest(string_to_array(${texts.join('\n')}, E'\n')) AS t`;
  }
  const rows = await queryRows<Row>(db, sql`
    WITH g AS (${groups}),
         q AS (SELECT string_agg('(' || g.q || ')', ' | ')::tsquery AS query, array_agg(g.q) AS asked FROM g WHERE g.q <> '')
    SELECT e.id, e.answer, e.service_id, ts_rank_cd(${WEIGHTS}::float4[], e.search, q.query) AS rank,
           tsvector_to_array(e.search) AS lexemes, q.asked,
           ARRAY(SELECT ${lang === 'hy' ? sql`p` : sql`array_to_string(tsvector_to_array(to_tsvector(${TS_CONFIG[lang]}::regconfig, p)), ' ')`}
                   FROM unnest(string_to_array(e.question || E'\n' || e.phrasings, E'\n')) AS p WHERE btrim(p) <> '') AS questions
      FROM kb_entries e, q
     WHERE e.business_id = ${businessId} AND e.lang = ${lang} AND e.search @@ q.query
     ORDER BY rank DESC, e.updated_at DESC, e.id
     LIMIT ${CANDIDATES}`);
  if (rows.length === 0) return null;
  const terms: QueryTerms = hyGroups
    ? { groups: hyGroups, prefix: true }
    : { groups: (rows[0]!.asked ?? []).map(lexemesOf).filter((g) => g.length > 0), prefix: false };
  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    answer: r.answer,
    serviceId: r.service_id,
    rank: Number(r.rank),
    lexemes: r.lexemes,
    // The 'simple' configuration only lower-cases; folded here as the question's words are ("Կա՞" is "կա").
    questions: r.questions.map((p) => (lang === 'hy' ? words(p) : p.split(' ').filter((l) => l.length > 0))),
  }));
  const best = pickAnswer(candidates, terms);
  return best ? { entryId: best.id, answer: best.answer, serviceId: best.serviceId } : null;
}
