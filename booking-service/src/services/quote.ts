/**
 * `quote.evaluate`: the site's quote tree (validated when read, since it is owner-edited
 * configuration) run against the visitor's answers. Prices come only from here.
 *
 * KPI: `quote_given` is recorded when the evaluation reaches a final price — the point where
 * the visitor has a number to book at. Ranges shown along the way are steps towards it, not
 * quotes (counting them would make every half-answered tree a "quote"). A visitor re-running
 * a tree records it again; the dashboard counts conversations, so repeats do not inflate it.
 */
import { evaluateQuote, quoteTreeSchema, type QuoteEvaluateInput, type QuoteEvaluation } from '../domain/quote/index.js';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';
import { openSite } from './site.js';
import { recordEvent } from './events.js';

export type QuoteView = Exclude<QuoteEvaluation, { kind: 'invalid' }>;

export async function evaluateSiteQuote(
  deps: Deps,
  input: QuoteEvaluateInput & { conversationId?: string | undefined },
  origin: string | undefined): Promise<Result<QuoteView>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const raw = (site.value.site.widget.quoteTrees as Array<{ id?: unknown }>).find((t) => t.id === input.treeId);
  const tree = raw ? quoteTreeSchema.safeParse(raw) : undefined;
  // A tree that no longer validates is treated as absent rather than half-evaluated.
  if (!tree?.success) return fail('QUOTE_TREE_NOT_FOUND', `No quote tree "${input.treeId}"`, { field: 'treeId' });
  const result = evaluateQuote(tree.data, input.answers, input.lang);
  if (result.kind === 'invalid') {
    const path = `answers.${result.field}`;
    return fail('INVALID_INPUT', `Invalid input: ${path}: ${result.reason}`, { fields: [{ path, message: result.reason }] });
  }
  if (result.kind === 'final') {
    await recordEvent(deps.db, {
      businessId: site.value.business.id,
      kind: 'quote_given',
      at: deps.clock.now(),
      siteId: site.value.site.id,
      conversationId: input.conversationId,
      intent: 'prices',
      meta: { treeId: input.treeId, price: result.price, serviceId: result.serviceId },
    });
  }
  return ok(result);
}
