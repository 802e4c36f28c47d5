/**
 * Questions answered from the knowledge base (issue 18): free text that is not a booking, a
 * price or a request for a person. The business's own data answers first, with no I/O
 * (domain/knowledge/catalog-answer.ts: durations, who does what, opening hours, the address,
 * descriptions); then the owner's questions and answers are searched in the database (the
 * `searchKnowledge` effect). An answer comes with the next step: book the service it is about,
 * or ask a person. Nothing found is never guessed at: the menu with "ask a person", and the
 * question goes to the owner's "unanswered" list.
 */
import { catalogAnswer, type KnowledgeAnswer } from '../../knowledge/catalog-answer.js';
import { matchNames } from '../../intent/name-match.js';
import { allNames } from '../names.js';
import type { ResultOf } from '../effects.js';
import type { IntentId } from '../protocol.js';
import type { PendingQuestion } from '../state.js';
import type { Turn } from '../turn.js';
import { startBooking } from './booking.js';
import { startHandoff } from './handoff.js';
import { startManage } from './manage.js';
import { didYouMean } from './menu.js';
import { pickTree, priceOfService } from './quote.js';

/**
 * `miss`: what follows when nothing answers — `stay` (mid-flow: the step on screen is offered
 * again, nothing recorded), `menu` (the menu, "ask a person" first unless the classifier had a
 * better guess), `handoff` (the visitor chose "Other": it goes to a person, as before).
 */
export function askKnowledge(t: Turn, text: string, miss: PendingQuestion['miss'], guess: IntentId | null = null, named?: PendingQuestion['named']): void {
  const fromCatalog = catalogAnswer(text, t.ctx, t.lang);
  if (fromCatalog) return answer(t, text, fromCatalog, miss === 'stay');
  t.state.question = { text, miss, guess, ...(named ? { named } : {}) };
  // A stray word mid-flow, or a service's name with a few words around it, is no question the owner missed.
  t.request({ kind: 'searchKnowledge', text, lang: t.lang, record: miss === 'menu' || miss === 'handoff' });
}

/** Services (or a quote tree) named with no price or booking asked: their price, or which one. */
export function offerNamed(t: Turn, services: readonly string[], tree: string | null): void {
  if (services.length === 1) return priceOfService(t, services[0]!);
  if (tree) return pickTree(t, tree);
  t.go({ at: 'service', purpose: 'price', ids: [...services] });
  t.say('askServiceOf');
}

export function onKnowledge(t: Turn, r: ResultOf<'searchKnowledge'>): void {
  const pending = t.state.question ?? { text: '', miss: 'menu', guess: null };
  t.state.question = null;
  const hit = r.ok ? r.hit : null;
  if (hit) {
    return answer(t, pending.text, { text: hit.answer, serviceId: hit.serviceId, source: { kind: 'entry', entryId: hit.entryId } }, pending.miss === 'stay');
  }
  switch (pending.miss) {
    case 'stay':
      t.say('notUnderstoodHere');
      return;
    case 'handoff':
      return startHandoff(t, { intent: 'other', message: pending.text });
    case 'named':
      return offerNamed(t, pending.named?.services ?? [], pending.named?.tree ?? null);
    case 'menu':
      // The optional AI assistant gets what nothing here answered (services/assistant/turn.ts).
      if (t.ctx.assistant) {
        t.state.question = pending;
        t.request({ kind: 'askAssistant', text: pending.text, lang: t.lang });
        return;
      }
      return missMenu(t, pending);
  }
}

function missMenu(t: Turn, pending: PendingQuestion): void {
  // The classifier's guess (a half-understood "book"/"price") keeps its "did you mean"; a real
  // question nobody answered says so, with "talk to a person" first.
  if (pending.guess) return didYouMean(t, pending.guess);
  t.say('kb.noAnswer');
  if (t.state.status === 'closed') t.state.status = 'bot';
  t.go({ at: 'menu', guess: 'human' });
}

/**
 * The assistant's answer. A refusal (cap, timeout, a reply that failed the guardrails) answers as
 * without AI: the menu with "ask a person". Its actions are the engine's own steps, so holds and
 * bookings go through the booking flow as ever.
 */
export function onAssistant(t: Turn, r: ResultOf<'askAssistant'>): void {
  const pending = t.state.question ?? { text: '', miss: 'menu', guess: null };
  t.state.question = null;
  if (!r.ok) return missMenu(t, pending);
  if (r.reply) t.bot(r.reply);
  if (t.state.status === 'closed') t.state.status = 'bot';
  switch (r.action?.kind) {
    case 'book':
      return startBooking(t, { serviceIds: [r.action.serviceId] });
    case 'handoff':
      return startHandoff(t, { intent: 'other', message: pending.text });
    case 'my_booking':
      return startManage(t);
    default:
      t.go({ at: 'answered', question: pending.text, serviceId: r.serviceId });
  }
}

/** The answer; at rest, the next steps. Mid-flow the step on screen stays (its prompt follows). */
function answer(t: Turn, question: string, a: KnowledgeAnswer, stay: boolean): void {
  t.bot(a.text);
  if (stay) return;
  if (t.state.status === 'closed') t.state.status = 'bot';
  t.go({ at: 'answered', question, serviceId: a.serviceId ?? onlyNamedService(t, question) });
}

function onlyNamedService(t: Turn, text: string): string | null {
  const m = matchNames(text, t.ctx.services.map((s) => ({ id: s.id, names: allNames(s) })));
  return m.ids.length === 1 ? m.ids[0]! : null;
}
