/**
 * `chat.interpret`: what a visitor's free text asks for, and when — parsed on the server so
 * the widget ships no date parser. Dates are in the business's zone.
 */
import type { Lang } from '@frontdesk/shared';
import { performance } from 'node:perf_hooks';
import { classifyIntent, parseWhen, type IntentResult, type When } from '../domain/intent/index.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { openSite } from './site.js';
import { recordEvent } from './events.js';

export interface Interpretation extends IntentResult {
  when: When;
  timeZone: string;
}

export async function interpretMessage(
  deps: Deps,
  input: { siteKey: string; text: string; lang: Lang; conversationId?: string | undefined },
  origin: string | undefined,
): Promise<Result<Interpretation>> {
  // The bot's response time is its server processing time (monotonic timer, not the injected
  // clock: this measures the machine, not the business's calendar). The network is not counted.
  const started = performance.now();
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const { timeZone } = site.value.business;
  const now = deps.clock.now().getTime();
  const answer = { ...classifyIntent(input.text, input.lang), when: parseWhen(input.text, { now, timeZone, lang: input.lang }), timeZone };
  await recordEvent(deps.db, {
    businessId: site.value.business.id,
    kind: 'bot_reply',
    at: deps.clock.now(),
    siteId: site.value.site.id,
    conversationId: input.conversationId,
    intent: answer.intent,
    valueMs: Math.round(performance.now() - started),
  });
  return ok(answer);
}
