/**
 * `chat.interpret`: what a visitor's free text asks for, and when — parsed on the server so
 * the widget ships no date parser. Dates are in the business's zone.
 */
import type { Lang } from '../adapters/db/schema.js';
import { classifyIntent, parseWhen, type IntentResult, type When } from '../domain/intent/index.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { openSite } from './site.js';

export interface Interpretation extends IntentResult {
  when: When;
  timeZone: string;
}

export async function interpretMessage(
  deps: Deps,
  input: { siteKey: string; text: string; lang: Lang },
  origin: string | undefined,
): Promise<Result<Interpretation>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const { timeZone } = site.value.business;
  const now = deps.clock.now().getTime();
  return ok({ ...classifyIntent(input.text, input.lang), when: parseWhen(input.text, { now, timeZone, lang: input.lang }), timeZone });
}
