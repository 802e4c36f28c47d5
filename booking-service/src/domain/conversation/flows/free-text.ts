/**
 * Free text, wherever the visitor types it. First in the context of the step on screen (a
 * service's name at the service question, "а в пятницу?" at the times, a number at a number
 * question, "yes" at a confirmation); then, if the step has nothing to do with it, understood
 * on its own: a service named in the text goes straight to its price or its free times, around
 * the time asked for; a price question gets the price; "не актуально" / "no thanks" closes the
 * lead; a question is answered from the knowledge base (flows/knowledge.ts); what nothing
 * answers re-offers the menu ("did you mean …", or "ask a person").
 */
import { classifyIntent } from '../../intent/classify-intent.js';
import { guessIntent } from '../../intent/guess-intent.js';
import { matchNames } from '../../intent/name-match.js';
import { parseWhen } from '../../intent/parse-when.js';
import { readable } from '../../intent/reading.js';
import { saysNotInterested } from '../../intent/short-replies.js';
import { allNames } from '../names.js';
import type { AskedWhen } from '../state.js';
import type { Turn } from '../turn.js';
import { startBooking } from './booking.js';
import { startHandoff } from './handoff.js';
import { startManage } from './manage.js';
import { askKnowledge, offerNamed } from './knowledge.js';
import { words } from '../../intent/normalize-text.js';
import { findService } from '../context.js';
import { catalogAnswer } from '../../knowledge/catalog-answer.js';
import { pickTree, priceOfService, startQuote } from './quote.js';

/** Below this the classifier is guessing (classify-intent.ts): the menu is offered instead. */
export const SURE = 0.65;
/** In the middle of a flow, only a clear request moves the visitor elsewhere. */
export const VERY_SURE = 0.8;
/** A hand-off request this long says what it is about: it becomes the message to staff. */
const MESSAGE_WORDS = 4;

export interface Understanding {
  intent: ReturnType<typeof classifyIntent>;
  when: AskedWhen | null;
  services: string[];
  /** A quote tree named in full ("how much is a haircut" at a salon with a "Haircut" tree). */
  tree: string | null;
}

export function understand(t: Turn, raw: string): Understanding {
  const tz = t.ctx.business.timeZone;
  // Chat shorthand spelt out, Latin-typed Russian read in Cyrillic too (intent/reading.ts).
  const text = readable(raw, t.lang);
  const w = parseWhen(text, { now: t.ctx.now, timeZone: tz, lang: t.lang });
  const services = matchNames(text, t.ctx.services.map((s) => ({ id: s.id, names: allNames(s) })));
  const trees = matchNames(text, t.ctx.quoteTrees.map((tr) => ({ id: tr.id, names: Object.values(tr.title).filter((n): n is string => !!n) })));
  // A service named in full beats a partial match of several ("Haircut" over "Haircut + beard").
  return {
    intent: classifyIntent(text, t.lang, w.kind !== 'none', services.ids.length > 0 || trees.ids.length > 0),
    when: w.kind === 'none' ? null : w,
    services: services.ids,
    tree: trees.complete && trees.ids.length === 1 ? trees.ids[0]! : null,
  };
}

export function isNotInterested(text: string): boolean {
  return saysNotInterested(text);
}

/** "Not interested": the lead is closed cleanly; writing again opens the menu. */
export function closeNotInterested(t: Turn): void {
  // Answering a follow-up, it closes a lead handed to a person too (only a booking outranks it then).
  if (t.ctx.followedUp && t.state.outcome === 'handed_off') t.state.outcome = 'not_interested';
  else t.outcome('not_interested');
  t.state.status = 'closed';
  t.state.booking = t.state.booking ? { ...t.state.booking, hold: null } : null;
  t.say('notInterested');
  t.go({ at: 'closed' });
}

/**
 * Text understood on its own (at the menu, or when the step on screen has nothing to do with it).
 * `midFlow`: only a clear request leaves the flow; anything else is answered by re-offering the
 * step's own options.
 */
export function route(t: Turn, text: string, u: Understanding, midFlow: boolean): void {
  const { intent, when, services, tree } = u;
  const sure = intent.confidence >= (midFlow ? VERY_SURE : SURE);
  const named = services.length > 0 || tree !== null;

  if (intent.intent === 'my_booking' && sure) return startManage(t);
  if (intent.intent === 'human' && sure) {
    const long = text.trim().split(/\s+/).length >= MESSAGE_WORDS;
    return startHandoff(t, { intent: 'human', message: long ? text.trim() : undefined });
  }
  // A question the business's own data answers ("who does keratin?", "are you open on Sunday?")
  // before a named service or a day turns it into a price or a booking.
  if (catalogAnswer(text, t.ctx, t.lang)) return askKnowledge(t, text, midFlow ? 'stay' : 'menu');
  if (intent.intent === 'prices' && (sure || named)) {
    if (tree) return pickTree(t, tree);
    if (services.length === 1) return priceOfService(t, services[0]!);
    if (services.length > 1) {
      t.go({ at: 'service', purpose: 'price', ids: services });
      t.say('askServiceOf');
      return;
    }
    return startQuote(t);
  }
  if ((intent.intent === 'book' && (sure || named)) || (when && (named || !midFlow))) {
    return startBooking(t, { serviceIds: services, when: when ?? undefined });
  }
  if (named && !midFlow) {
    // "Как подготовиться к окрашиванию?" asks about a service, not its price: the knowledge base first.
    if (wordsBesides(text, t, services) >= QUESTION_WORDS) return askKnowledge(t, text, 'named', null, { services, tree });
    return offerNamed(t, services, tree);
  }
  // Not a booking, a price or a person: a question for the knowledge base (flows/knowledge.ts).
  if (midFlow) return askKnowledge(t, text, 'stay');
  askKnowledge(t, text, 'menu', intent.intent !== 'other' ? intent.intent : guessIntent(text));
}

/** Words besides a named service's name that make the text a question about it ("что такое …", "как подготовиться к …"). */
const QUESTION_WORDS = 2;

function wordsBesides(text: string, t: Turn, services: readonly string[]): number {
  const nameWords = services.flatMap((id) => { const s = findService(t.ctx, id); return s ? allNames(s).flatMap((n) => words(n)) : []; });
  const stem = (w: string) => w.slice(0, 4);
  return words(text).filter((w) => w.length >= 3 && !nameWords.some((n) => stem(n) === stem(w))).length;
}

/** "Other": what the visitor needs, in their words; a clear request is routed, the rest goes to a person. */
export function otherText(t: Turn, text: string): void {
  const u = understand(t, text);
  const clear = u.intent.intent !== 'other' && u.intent.confidence >= SURE;
  if (clear || u.services.length > 0 || u.tree) return route(t, text, u, false);
  askKnowledge(t, text.trim(), 'handoff');
}
