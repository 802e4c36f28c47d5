/**
 * The model is asked before the turn's transaction, never inside it (issue 18): a model may take
 * seconds, and a transaction held that long holds a database connection (on the embedded database
 * the only one, so every other turn would wait). The engine is pure, so the turn is rehearsed on
 * the state read: through read-only effects (a knowledge search, not recorded) up to the
 * `askAssistant` it asks for, whose answer is kept by its text. The turn then plays in its
 * transaction as ever and takes the kept answer (perform-effect.ts); a turn whose state changed
 * meanwhile and asks about other text gets no model answer (the engine answers as without AI).
 */
import type { EngineContext } from '../../domain/conversation/context.js';
import { resume, start } from '../../domain/conversation/engine.js';
import type { EffectResult } from '../../domain/conversation/effects.js';
import type { VisitorEvent } from '../../domain/conversation/protocol.js';
import type { ConversationState } from '../../domain/conversation/state.js';
import type { Deps } from '../deps.js';
import { searchKnowledge } from '../knowledge/search.js';
import type { SiteContext } from '../site.js';
import { assistantFor } from './settings.js';
import { runAssistant } from './turn.js';

/** The model's answers of one turn, by the text asked (`askAssistant`'s `text`). */
export type AssistantAnswers = Map<string, Extract<EffectResult, { kind: 'askAssistant' }>>;

const MAX_STEPS = 8;

export async function askAhead(deps: Deps, site: SiteContext, ctx: EngineContext, state: ConversationState, event: VisitorEvent | null): Promise<AssistantAnswers> {
  const answers: AssistantAnswers = new Map();
  if (!ctx.assistant || event?.type !== 'text') return answers;
  let out = start(state, event, ctx);
  for (let n = 0; out.effect && n < MAX_STEPS; n++) {
    const e = out.effect;
    let result: EffectResult;
    if (e.kind === 'searchKnowledge') {
      result = { kind: 'searchKnowledge', ok: true, hit: await searchKnowledge(deps.db, site.business.id, e.lang, e.text) };
    } else if (e.kind === 'askAssistant') {
      const assistant = await assistantFor(deps, site.business.id);
      const r = assistant
        ? await runAssistant(deps, assistant, { business: site.business, ctx, lang: e.lang, text: e.text })
        : ({ ok: false, reason: 'error' } as const);
      answers.set(e.text, r.ok ? { kind: 'askAssistant', ok: true, reply: r.reply, action: r.action, serviceId: r.serviceId } : { kind: 'askAssistant', ok: false, reason: r.reason });
      return answers;
    } else {
      // Anything else writes or books: the model is not what this turn needs.
      return answers;
    }
    out = resume(out.state, result, ctx);
  }
  return answers;
}
