/**
 * `quote.evaluate`: the site's quote tree (validated when read, since it is owner-edited
 * configuration) run against the visitor's answers. Prices come only from here.
 */
import { evaluateQuote, quoteTreeSchema, type QuoteEvaluateInput, type QuoteEvaluation } from '../domain/quote/index.js';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';
import { openSite } from './site.js';

export type QuoteView = Exclude<QuoteEvaluation, { kind: 'invalid' }>;

export async function evaluateSiteQuote(deps: Deps, input: QuoteEvaluateInput, origin: string | undefined): Promise<Result<QuoteView>> {
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
  return ok(result);
}
