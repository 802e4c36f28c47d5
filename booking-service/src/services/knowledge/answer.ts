/**
 * `answerFromKnowledge`: the whole knowledge base behind one call — the business's own data
 * first (domain/knowledge/catalog-answer.ts), then the owner's questions and answers (search.ts).
 * The chat reaches the same two through its engine (flows/knowledge.ts and the `searchKnowledge`
 * effect); this is the entry point for other callers, such as the optional AI assistant's
 * "answer from the knowledge base" tool (issue 18, part 2): it never invents, it returns null.
 */
import type { Lang } from '@frontdesk/shared';
import type { EngineContext } from '../../domain/conversation/context.js';
import { catalogAnswer, type KnowledgeAnswer } from '../../domain/knowledge/catalog-answer.js';
import type { Deps } from '../deps.js';
import { searchKnowledge } from './search.js';

export type { KnowledgeAnswer } from '../../domain/knowledge/catalog-answer.js';

export async function answerFromKnowledge(deps: Pick<Deps, 'db'>, businessId: string, ctx: EngineContext, lang: Lang, question: string): Promise<KnowledgeAnswer | null> {
  const fromCatalog = catalogAnswer(question, ctx, lang);
  if (fromCatalog) return fromCatalog;
  const hit = await searchKnowledge(deps.db, businessId, lang, question);
  return hit ? { text: hit.answer, serviceId: hit.serviceId, source: { kind: 'entry', entryId: hit.entryId } } : null;
}
