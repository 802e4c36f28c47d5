/**
 * The owner's questions and answers searched with PostgreSQL full-text search (the same SQL on
 * PGlite): the question's significant words, stemmed by the language's configuration, are OR-ed
 * (any of them may find an entry through its question, a phrasing or its answer), ranked with
 * `ts_rank_cd` over the generated, GIN-indexed `kb_entries.search`, and the relevance rule of
 * domain/knowledge/relevance.ts decides whether the best candidate answers at all.
 */
import { sql } from 'drizzle-orm';
import type { Lang } from '@frontdesk/shared';
import { queryRows, type Db } from '../../adapters/db/client.js';
import { armenianTerms, pickAnswer, TS_CONFIG, type Candidate, type QueryTerms } from '../../domain/knowledge/relevance.js';
import type { KnowledgeHit } from '../../domain/conversation/effects.js';

/** Candidates looked at: the best few by rank (the relevance rule may skip the first). */
const CANDIDATES = 5;
/** Weights D, C, B, A: the answer is B, the question and its phrasings A. */
const WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

type Row = { id: string; answer: string; service_id: string | null; rank: number | string; lexemes: string[]; asked: string };

const quoted = (lexeme: string) => `'${lexeme.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

export async function searchKnowledge(db: Db, businessId: string, lang: Lang, text: string): Promise<KnowledgeHit | null> {
  const question = text.slice(0, 500);
  let query;
  let terms: QueryTerms | null = null;
  if (lang === 'hy') {
    const lexemes = armenianTerms(question);
    if (lexemes.length === 0) return null;
    terms = { lexemes, prefix: true };
    query = sql`to_tsquery('simple', ${lexemes.map((l) => `${quoted(l)}:*`).join(' | ')})`;
  } else {
    // plainto_tsquery stems and drops stop words; its AND becomes OR (lexemes are quoted, so the
    // separator " & " cannot occur inside one).
    query = sql`replace(plainto_tsquery(${TS_CONFIG[lang]}::regconfig, ${question})::text, ' & ', ' | ')::tsquery`;
  }
  const rows = await queryRows<Row>(db, sql`
    WITH q AS (SELECT ${query} AS query)
    SELECT e.id, e.answer, e.service_id, ts_rank_cd(${WEIGHTS}::float4[], e.search, q.query) AS rank,
           tsvector_to_array(e.search) AS lexemes, q.query::text AS asked
      FROM kb_entries e, q
     WHERE e.business_id = ${businessId} AND e.lang = ${lang} AND e.search @@ q.query
     ORDER BY rank DESC, e.updated_at DESC, e.id
     LIMIT ${CANDIDATES}`);
  if (rows.length === 0) return null;
  terms ??= { lexemes: [...rows[0]!.asked.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'")), prefix: false };
  const candidates: Candidate[] = rows.map((r) => ({ id: r.id, answer: r.answer, serviceId: r.service_id, rank: Number(r.rank), lexemes: r.lexemes }));
  const best = pickAnswer(candidates, terms);
  return best ? { entryId: best.id, answer: best.answer, serviceId: best.serviceId } : null;
}
