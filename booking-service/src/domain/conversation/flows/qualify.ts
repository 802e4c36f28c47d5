/**
 * Qualification (issue 17): the owner's questions, asked one at a time with quick replies; typed
 * text counts when it names one answer (or its number), else the question is asked again. They
 * are asked
 * - for a SERVICE, after the visitor picks it for booking (`qualifyFor`);
 * - for an INTENT, when the visitor asks for a price (before the price) or for a person (before
 *   the hand-off form) (`qualifyIntent`; what they asked for is kept in the state and resumed,
 *   flows/after-qualify.ts).
 * The points add up:
 * - qualified → on to what was asked: a service goes straight to the nearest times ("anyone":
 *   a qualified visitor is not asked who first; the times offer "choose a specialist");
 * - not qualified → what the owner offers instead: the waiting list (`waitlist:join`, only for a
 *   service and where the business has one), a smaller package (another service), a useful link —
 *   and always "talk to a person" (which, after a person-request's own questions, goes straight on
 *   to the hand-off form: the visitor asked for a person, the lead is just colder).
 * Zero questions = exactly as before. A service's questions are asked once per service in a
 * conversation (coming back goes on from the result); an intent's once per conversation, and not
 * after the visitor already answered other questions (they are on the lead card already).
 */
import { localize } from '../../quote/localized-text.js';
import { hasQuestions, leadRecord, scoreAnswers, type LeadQualificationRecord, type QualIntent, type Qualification } from '../../qualification/qualification.js';
import { matchNames } from '../../intent/name-match.js';
import { findService, ownerText } from '../context.js';
import type { EngineContext } from '../context.js';
import { serviceName } from '../names.js';
import type { Option } from '../protocol.js';
import type { ConversationState, QualifyState, QualifyThen } from '../state.js';
import type { Turn } from '../turn.js';
import { say } from '../words/index.js';
import type { Lang } from '../../messages/types.js';

export const WAITLIST_JOIN = 'waitlist:join';

/** The questions a qualification in the state is about (a service's or an intent's); null when the owner has none (now). */
export function configOf(ctx: EngineContext, s: QualifyState | null | undefined): Qualification | null {
  const q = !s ? undefined : s.intent ? ctx.intentQualification?.[s.intent] : s.serviceId ? ctx.qualification?.[s.serviceId] : undefined;
  return hasQuestions(q) ? q : null;
}

/**
 * Called when the visitor has picked `serviceId` for booking. True when qualification took over
 * (a question or the alternatives are on screen); false: go on with the booking.
 */
export function qualifyFor(t: Turn, serviceId: string): boolean {
  const q = configOf(t.ctx, { serviceId, picked: [], qualified: null, score: 0, soon: false });
  if (!q) return false;
  const s = t.state.qualify;
  if (s && !s.intent && s.serviceId === serviceId && s.qualified !== null) {
    if (s.qualified) return false;
    offerAlternatives(t);
    return true;
  }
  t.state.qualify = { serviceId, picked: [], qualified: null, score: 0, soon: false };
  t.say('qualify.intro', { n: q.questions.length });
  ask(t, 0);
  return true;
}

/**
 * Called when the visitor asks for a price or a person; `then` is that request, resumed once they
 * pass (flows/after-qualify.ts). True when qualification took over; false: go on as asked.
 */
export function qualifyIntent(t: Turn, intent: QualIntent, then: QualifyThen): boolean {
  const q = t.ctx.intentQualification?.[intent];
  if (!hasQuestions(q)) return false;
  const s = t.state.qualify;
  if (s && s.qualified !== null) {
    // A price request that did not qualify gets the alternatives again; anything else goes on.
    if (s.intent === intent && !s.qualified && intent === 'prices') {
      offerAlternatives(t);
      return true;
    }
    return false;
  }
  t.state.qualify = { serviceId: null, intent, then, picked: [], qualified: null, score: 0, soon: false };
  t.say('qualify.intro', { n: q.questions.length });
  ask(t, 0);
  return true;
}

/** The visitor passed the questions of the service `serviceId` in this conversation (they go straight to the times). */
export function qualifiedFor(state: ConversationState, serviceId: string | null | undefined): boolean {
  const s = state.qualify;
  return !!s && !s.intent && !!serviceId && s.serviceId === serviceId && s.qualified === true;
}

function ask(t: Turn, index: number): void {
  const q = configOf(t.ctx, t.state.qualify)!;
  t.go({ at: 'qualify', index });
  t.bot(localize(q.questions[index]!.text, t.lang, t.ctx.business.defaultLang));
}

/** The quick replies of the question on screen. */
export function questionOptions(state: ConversationState, ctx: EngineContext, index: number): Option[] | null {
  const q = configOf(ctx, state.qualify)?.questions[index];
  return q ? q.answers.map((a, i) => ({ id: `qa:${i}`, label: localize(a.label, state.lang, ctx.business.defaultLang) })) : null;
}

/**
 * An answer to the question on screen. `goOn` continues with what the visitor asked for
 * (flows/after-qualify.ts, passed in by the engine, which keeps this file free of a cycle).
 */
export function answer(t: Turn, picked: number, goOn: (t: Turn) => void): void {
  const step = t.state.step;
  const s = t.state.qualify;
  if (step.at !== 'qualify' || !s) return;
  const q = configOf(t.ctx, s);
  // The owner removed the questions meanwhile: nothing left to ask.
  if (!q) return goOn(t);
  s.picked[step.index] = picked;
  s.picked.length = step.index + 1;
  if (step.index + 1 < q.questions.length) return ask(t, step.index + 1);
  const r = scoreAnswers(q, s.picked);
  Object.assign(s, { qualified: r.qualified, score: r.score, soon: r.soon });
  if (r.qualified) {
    t.say(s.intent ? 'qualify.thanks' : 'qualify.ok');
    return goOn(t);
  }
  // A person was asked for and there is nothing else to offer: on to the hand-off form at once.
  if (s.intent === 'human' && alternatives(t.state, t.ctx).length === 1) {
    t.say('qualify.thanks');
    return goOn(t);
  }
  offerAlternatives(t);
}

/** Typed text at a question: the answer it names (or its number, as SMS users reply), else the question again. */
export function answerText(t: Turn, text: string, goOn: (t: Turn) => void): void {
  const step = t.state.step;
  if (step.at !== 'qualify') return;
  const options = questionOptions(t.state, t.ctx, step.index) ?? [];
  const q = configOf(t.ctx, t.state.qualify)?.questions[step.index];
  const n = /^\s*(\d)\s*[.)]?\s*$/.exec(text);
  if (n && Number(n[1]) >= 1 && Number(n[1]) <= options.length) return answer(t, Number(n[1]) - 1, goOn);
  const m = q ? matchNames(text, q.answers.map((a, i) => ({ id: String(i), names: Object.values(a.label).filter((x): x is string => !!x) })), 0) : { ids: [] };
  if (m.ids.length === 1) return answer(t, Number(m.ids[0]), goOn);
  t.say('qualify.pick');
  if (q) t.bot(localize(q.text, t.lang, t.ctx.business.defaultLang));
}

function offerAlternatives(t: Turn): void {
  t.go({ at: 'unqualified' });
  t.say(alternatives(t.state, t.ctx).length > 1 ? 'qualify.alternatives' : 'qualify.person');
}

/** What an unqualified visitor may do instead; "talk to a person" is always last. */
export function alternatives(state: ConversationState, ctx: EngineContext): Option[] {
  const lang: Lang = state.lang;
  const q = configOf(ctx, state.qualify);
  const out: Option[] = [];
  const alt = q?.alternatives;
  // The waiting list is for a service's times: an intent's questions come before any service.
  if (alt?.waitlist && ctx.waitlist && !state.qualify?.intent) out.push({ id: WAITLIST_JOIN, label: say(lang, 'qualify.waitlist') });
  const smaller = alt?.smallerServiceId && alt.smallerServiceId !== state.qualify?.serviceId ? findService(ctx, alt.smallerServiceId) : undefined;
  if (smaller) out.push({ id: 'qual:smaller', label: say(lang, 'qualify.smaller', { service: serviceName(ctx, smaller.id, lang) }) });
  if (alt?.link) out.push({ id: 'qual:link', label: ownerText(ctx, alt.link.label, lang) ?? alt.link.url });
  out.push({ id: 'intent:human', label: say(lang, 'intent.human') });
  return out;
}

/** A chosen alternative (the waiting list and "talk to a person" are handled by their own flows). */
export function chooseAlternative(t: Turn, optionId: string, bookService: (t: Turn, serviceId: string) => void): void {
  const alt = configOf(t.ctx, t.state.qualify)?.alternatives;
  if (optionId === 'qual:smaller' && alt?.smallerServiceId) {
    if (t.state.booking) t.state.booking.quote = null;
    return bookService(t, alt.smallerServiceId);
  }
  if (optionId === 'qual:link' && alt?.link) {
    t.say('qualify.link', { label: ownerText(t.ctx, alt.link.label, t.lang) ?? '', url: alt.link.url });
  }
}

/** The answers as the lead card keeps them, in the team's language; null when none were given. */
export function leadQualification(state: ConversationState, ctx: EngineContext): LeadQualificationRecord | null {
  const s = state.qualify;
  const q = configOf(ctx, s);
  if (!s || !q || s.picked.length === 0) return null;
  const staffLang = ctx.business.defaultLang;
  return leadRecord(s.intent ? { intent: s.intent } : (s.serviceId ?? ''), q, s.picked, staffLang, staffLang);
}

/** The answers for staff, in the team's language ("Answers: When? — Within 7 days; … (score 4)"); null when none were given. */
export function qualificationSummary(t: Turn): string | null {
  const r = leadQualification(t.state, t.ctx);
  if (!r) return null;
  const staffLang = t.ctx.business.defaultLang;
  return say(staffLang, 'summary.qualification', { answers: r.answers.map((a) => `${a.question} — ${a.answer}`).join('; '), score: r.score });
}
