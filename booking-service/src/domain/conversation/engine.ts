/**
 * The conversation engine: ONE implementation of every flow for every channel (the widget now;
 * Telegram, WhatsApp, SMS next). Pure and synchronous, like XState's `transition`: a visitor's
 * event, the state and the context (the business and the time) go in; the new state, what the
 * bot says, at most one effect to carry out and the KPI facts come out. The conversation service
 * performs the effect and `resume`s the engine with its result, until no effect is left.
 *
 * @example
 * let out = start(state, { type: 'choose', optionId: 'intent:book' }, ctx);
 * while (out.effect) out = merge(out, resume(out.state, await perform(out.effect), ctx));
 * const prompt = promptOf(out.state, ctx);
 */
import { parseContact } from './contact.js';
import { parseSlotId, labelOf, promptOf, STAFF_CHOICE } from './prompt.js';
import { matchNames } from '../intent/name-match.js';
import { parseWhen } from '../intent/parse-when.js';
import { classifyIntent } from '../intent/classify-intent.js';
import { saysNo, saysYes } from '../intent/short-replies.js';
import { words } from '../intent/normalize-text.js';
import type { Lang } from '../messages/types.js';
import { findService, findStaff, findTree, type EngineContext } from './context.js';
import type { EffectResult, SlotRef } from './effects.js';
import type { VisitorEvent } from './protocol.js';
import { newState, type ConversationState, type SlotList, type Step } from './state.js';
import { Turn, type TurnOutput } from './turn.js';
import { dayWords } from './words/format.js';
import { redactContacts } from './redact.js';
import { staffNamed } from './staff-names.js';
import { allNames, serviceName } from './names.js';
import { localize } from '../quote/localized-text.js';
import * as booking from './flows/booking.js';
import * as handoff from './flows/handoff.js';
import * as manage from './flows/manage.js';
import * as quote from './flows/quote.js';
import { reask } from './flows/reask.js';
import * as erase from './flows/erase.js';
import * as qualify from './flows/qualify.js';
import * as afterQualify from './flows/after-qualify.js';
import * as waitlist from './flows/waitlist.js';
import { chooseIntent, greeting, intentOf, menuOptions, toMenu } from './flows/menu.js';
import { closeNotInterested, isNotInterested, otherText, route, understand } from './flows/free-text.js';
import { durationWords, priceWords } from './words/format.js';
import { onAssistant, onKnowledge } from './flows/knowledge.js';

export type { TurnOutput, OutMessage, Fact } from './turn.js';

/** A new conversation: the greeting a channel showed (or shows now) and the menu. */
export function openConversation(ctx: EngineContext, lang: Lang): TurnOutput {
  const t = new Turn(newState(lang), ctx);
  t.bot(greeting(ctx, lang));
  return t.output();
}

/** One visitor event. */
export function start(state: ConversationState, event: VisitorEvent, ctx: EngineContext): TurnOutput {
  const t = new Turn(state, ctx);
  onEvent(t, event);
  return t.output();
}

/** The result of the effect the previous step asked for. */
export function resume(state: ConversationState, result: EffectResult, ctx: EngineContext): TurnOutput {
  const t = new Turn(state, ctx);
  onResult(t, result);
  return t.output();
}

function onEvent(t: Turn, e: VisitorEvent): void {
  const step = t.state.step;
  switch (e.type) {
    case 'lang':
      // The prompt is rendered from the state: it comes back in the new language by itself.
      if (!t.ctx.business.languages.includes(e.lang) || e.lang === t.state.lang) return;
      t.state.lang = e.lang;
      return reask(t);
    case 'menu':
      t.visitor(t.word('menu'));
      return toMenu(t);
    case 'start':
      if (e.flow === 'book') {
        t.state.intent = 'book';
        return booking.startBooking(t, { serviceId: e.serviceId });
      }
      return manage.openLink(t, e.manageToken);
    case 'choose':
      return choose(t, e.optionId);
    case 'text':
      return text(t, e.text);
    case 'number':
      if (step.at === 'question') quote.answerNumber(t, e.value, numberEcho(t, e.value));
      return;
    case 'day':
      if (step.at !== 'slots' && step.at !== 'move-slots') return;
      t.visitor(dayWords(e.date, t.lang).day);
      return step.at === 'slots' ? booking.pickDay(t, e.date) : manage.movePickDay(t, e.date);
    case 'more':
      if (step.at === 'slots') {
        t.visitor(t.word('more'));
        return booking.showMore(t);
      }
      if (step.at === 'move-slots') {
        t.visitor(t.word('more'));
        return manage.moveMore(t);
      }
      return;
    case 'contact':
      if (step.at === 'lookup') return manage.lookup(t, e.contact);
      if (step.at === 'contact' && step.purpose === 'book') return booking.submitContact(t, e);
      if (step.at === 'confirm-booking') return booking.submitContact(t, e);
      if (step.at === 'contact' && step.purpose === 'handoff') return handoff.submitContact(t, e);
      if (step.at === 'contact' && step.purpose === 'waitlist') return waitlist.submitContact(t, e);
      return;
    case 'code':
      if (step.at === 'code') manage.enterCode(t, e.code);
      return;
  }
}

function numberEcho(t: Turn, value: number): string {
  const q = t.state.quote;
  const step = t.state.step;
  const tree = findTree(t.ctx, q?.treeId);
  const question = step.at === 'question' ? tree?.questions.find((x) => x.id === step.questionId) : undefined;
  const unit = question?.type === 'number' && question.unit && tree ? ` ${localize(question.unit, t.lang, tree.defaultLang)}` : '';
  return `${value}${unit}`;
}

function slotOf(list: SlotList | null, id: string): SlotRef | null {
  const ref = parseSlotId(id);
  return (ref && list?.slots.find((s) => s.start === ref.start && s.staffId === ref.staffId)) || null;
}

function choose(t: Turn, optionId: string): void {
  const intent = intentOf(optionId);
  if (intent) {
    t.visitor(menuOptions(t.ctx, t.lang).find((o) => o.id === optionId)?.label ?? t.word(`intent.${intent}`));
    return chooseIntent(t, intent);
  }
  const label = labelOf(promptOf(t.state, t.ctx), optionId, t.ctx, t.lang);
  // Not on offer now (a second tab showing an older step): nothing happens, the current prompt stands.
  if (label === null) return;
  t.visitor(label);
  const s = t.state.step;
  const [kind, ...rest] = optionId.split(':');
  const arg = rest.join(':');
  // The waiting list, from the times on show or from the qualification's alternatives (flows/waitlist.ts).
  if (optionId === waitlist.JOIN) return waitlist.join(t);
  switch (s.at) {
    case 'service':
      if (s.purpose === 'price') return quote.priceOfService(t, arg);
      if (!t.state.booking) booking.startBooking(t, { serviceId: arg });
      else booking.chooseService(t, arg);
      return;
    case 'staff':
      return booking.chooseStaff(t, arg === 'any' ? null : arg);
    case 'slots': {
      if (optionId === 'act:nearest') return booking.nearest(t);
      if (optionId === STAFF_CHOICE) return booking.askStaff(t);
      const slot = slotOf(t.state.booking?.list ?? null, optionId);
      if (slot) booking.pickSlot(t, slot);
      return;
    }
    case 'contact':
      if (optionId === 'act:change-time') booking.changeTime(t);
      return;
    case 'confirm-booking':
      if (optionId === 'act:yes') return booking.confirm(t);
      return booking.changeDetails(t);
    case 'tree':
      return quote.pickTree(t, arg);
    case 'question':
      return quote.answerChoice(t, arg);
    case 'quoted':
      return optionId === 'act:book' ? quote.bookQuoted(t) : quote.askSpecialist(t);
    case 'priced':
      return booking.startBooking(t, { serviceId: s.serviceId });
    case 'code':
      return optionId === 'act:new-code' ? manage.resendCode(t) : manage.otherContact(t);
    case 'bookings':
      return manage.chooseBooking(t, arg);
    case 'booking':
      if (kind === 'act' && arg === 'reschedule') return manage.reschedule(t, s.bookingId);
      if (kind === 'act' && arg === 'cancel') return manage.cancel(t, s.bookingId);
      return manage.rebook(t, s.bookingId);
    case 'move-slots': {
      if (optionId === 'act:nearest') return manage.moveNearest(t);
      const slot = slotOf(t.state.manage.moveList, optionId);
      if (slot) manage.pickMoveSlot(t, s.bookingId, slot);
      return;
    }
    case 'confirm-move':
      return manage.confirmMove(t, optionId === 'act:yes');
    case 'confirm-cancel':
      return manage.confirmCancel(t, optionId === 'act:yes');
    case 'confirm-erase':
      return erase.confirmErase(t, optionId === 'act:yes');
    case 'qualify':
      return qualify.answer(t, Number(arg), afterQualify.goOn);
    case 'unqualified':
      return qualify.chooseAlternative(t, optionId, afterQualify.bookInstead);
    case 'answered':
      if (optionId === 'act:book' && s.serviceId) return booking.startBooking(t, { serviceId: s.serviceId });
      return handoff.startHandoff(t, { intent: 'other', message: s.question });
    case 'waitlist-window':
      return waitlist.chooseWindow(t, optionId);
    case 'waitlist-part':
      return waitlist.choosePart(t, optionId);
    default:
      return;
  }
}

/** Steps where the visitor is in the middle of something: text is first read in that context. */
const AT_REST: ReadonlySet<Step['at']> = new Set(['menu', 'closed', 'booked', 'priced', 'quoted', 'other', 'answered']);

function text(t: Turn, raw: string): void {
  const step = t.state.step;
  const typed = raw.trim();
  if (!typed) return;
  // What may be a contact detail or a code is handled before anything is echoed or kept.
  if (step.at === 'code' && /^\d[\d\s-]{2,10}$/.test(typed)) return manage.enterCode(t, typed.replace(/\D/g, ''));
  if (step.at === 'lookup' && parseContact(typed)) return manage.lookup(t, typed);
  const said = t.state.contact ? typed : redactContacts(typed);
  if (step.at === 'contact' && said !== typed) {
    t.say('fillForm');
    return;
  }
  // "Delete my data" is heard anywhere, even while a person answers: it is asked once, in the chat.
  if (erase.asksToErase(said)) {
    t.visitor(said);
    return erase.askErase(t);
  }
  // Live with a person: the words go to staff; the bot stays quiet — unless they answer a follow-up with "no thanks".
  if (step.at === 'live' && !(t.ctx.followedUp && isNotInterested(said))) return t.visitor(said);
  if (step.at === 'handoff-message' && !isNotInterested(said)) return handoff.takeMessage(t, said);
  t.visitor(said);
  if (isNotInterested(said)) return closeNotInterested(t);
  if (step.at === 'other') return otherText(t, said);
  if (inContext(t, said)) return;
  route(t, said, understand(t, said), !AT_REST.has(step.at));
}

/** Text answered by the step on screen. True when it was. */
function inContext(t: Turn, text: string): boolean {
  const s = t.state.step;
  const ctx = t.ctx;
  switch (s.at) {
    case 'service': {
      const ids = s.ids ?? ctx.services.map((x) => x.id);
      const m = matchNames(text, ids.flatMap((id) => { const svc = findService(ctx, id); return svc ? [{ id, names: allNames(svc) }] : []; }));
      if (m.ids.length === 0) return false;
      if (m.ids.length > 1 && m.ids.length < ids.length) {
        t.go({ at: 'service', purpose: s.purpose, ids: m.ids });
        t.say('askServiceOf');
        return true;
      }
      if (m.ids.length > 1) return false;
      if (s.purpose === 'price') quote.priceOfService(t, m.ids[0]!);
      else booking.chooseService(t, m.ids[0]!);
      return true;
    }
    case 'staff': {
      const ids = findService(ctx, t.state.booking?.serviceId)?.staffIds ?? [];
      if (words(text).some((w) => ANYONE.has(w))) {
        booking.chooseStaff(t, null);
        return true;
      }
      const named = staffOf(t, text);
      if (named) {
        booking.chooseStaff(t, named);
        return true;
      }
      const m = matchNames(text, ids.flatMap((id) => (findStaff(ctx, id) ? [{ id, names: [findStaff(ctx, id)!.name] }] : [])), 0);
      if (m.ids.length !== 1) return false;
      booking.chooseStaff(t, m.ids[0]!);
      return true;
    }
    case 'slots':
    case 'move-slots': {
      const when = parseWhen(text, { now: ctx.now, timeZone: ctx.business.timeZone, lang: t.lang });
      // A specialist named at the times ("к Анне", "Anna please", "к Анне в пятницу"): their times.
      const named = s.at === 'slots' ? staffOf(t, text) : null;
      if (named) {
        booking.chooseNamedStaff(t, named, when.kind === 'none' ? null : when);
        return true;
      }
      if (when.kind !== 'none') {
        if (s.at === 'slots') booking.searchAround(t, when);
        else manage.moveAround(t, s.bookingId, when);
        return true;
      }
      const serviceId = s.at === 'slots' ? t.state.booking?.serviceId : t.state.manage.shown.find((b) => b.id === s.bookingId)?.serviceId;
      const svc = findService(ctx, serviceId);
      if (svc && classifyIntent(text, t.lang).intent === 'prices') {
        t.say('priceOf', { service: serviceName(ctx, svc.id, t.lang), price: priceWords(svc.price, svc.currency, t.lang), duration: durationWords(svc.durationMin, t.lang) });
        return true;
      }
      return false;
    }
    case 'question': {
      const tree = findTree(ctx, t.state.quote?.treeId);
      const q = tree?.questions.find((x) => x.id === s.questionId);
      if (!tree || !q) return false;
      if (q.type === 'number') {
        const n = /^\s*(-?\d{1,9})(?:[.,](\d+))?\b/.exec(text);
        if (!n) return false;
        // The echo is the text already in the transcript.
        t.messages.pop();
        quote.answerNumber(t, Number(`${n[1]}${n[2] ? `.${n[2]}` : ''}`), text);
        return true;
      }
      const m = matchNames(text, q.options.map((o) => ({ id: o.id, names: Object.values(o.label).filter((x): x is string => !!x) })), 0);
      if (m.ids.length !== 1) return false;
      quote.answerChoice(t, m.ids[0]!);
      return true;
    }
    case 'tree': {
      const m = matchNames(text, ctx.quoteTrees.map((tr) => ({ id: tr.id, names: Object.values(tr.title).filter((x): x is string => !!x) })));
      if (m.ids.length !== 1) return false;
      quote.pickTree(t, m.ids[0]!);
      return true;
    }
    case 'qualify':
      qualify.answerText(t, text, afterQualify.goOn);
      return true;
    case 'confirm-booking':
      if (saysYes(text)) booking.confirm(t);
      else if (saysNo(text)) booking.changeDetails(t);
      else return false;
      return true;
    case 'confirm-erase':
      if (!saysYes(text) && !saysNo(text)) return false;
      erase.confirmErase(t, saysYes(text));
      return true;
    case 'confirm-move':
    case 'confirm-cancel':
      if (!saysYes(text) && !saysNo(text)) return false;
      if (s.at === 'confirm-move') manage.confirmMove(t, saysYes(text));
      else manage.confirmCancel(t, saysYes(text));
      return true;
    case 'priced':
    case 'quoted':
      if (!saysYes(text)) return false;
      if (s.at === 'priced') booking.startBooking(t, { serviceId: s.serviceId });
      else quote.bookQuoted(t);
      return true;
    case 'contact':
      t.say('fillForm');
      return true;
    default:
      return false;
  }
}

/** The one specialist of the service being booked that the text names, or null. */
function staffOf(t: Turn, text: string): string | null {
  const ids = findService(t.ctx, t.state.booking?.serviceId)?.staffIds ?? [];
  return staffNamed(text, ids.flatMap((id) => findStaff(t.ctx, id) ?? []));
}

const ANYONE = new Set(['любой', 'любому', 'любая', 'неважно', 'все', 'anyone', 'any', 'anybody', 'whoever', 'ցանկացած', 'որևէ', 'միևնույն']);

function onResult(t: Turn, r: EffectResult): void {
  switch (r.kind) {
    case 'findSlots':
      return t.state.step.at === 'move-slots' ? manage.onMoveSlots(t, r) : booking.onSlots(t, r);
    case 'hold':
      return booking.onHold(t, r);
    case 'release':
      // Nothing to say: the times are on screen already; a hold already gone lapsed by itself.
      return;
    case 'confirm':
      return booking.onConfirm(t, r);
    case 'handoff':
      return handoff.onHandoff(t, r);
    case 'sendCode':
      return manage.onCodeSent(t, r);
    case 'verifyCode':
      return manage.onVerified(t, r);
    case 'loadBookings':
      return manage.onBookings(t, r);
    case 'reschedule':
      return manage.onMoved(t, r);
    case 'cancel':
      return manage.onCancelled(t, r);
    case 'erase':
      return erase.onErased(t, r);
    case 'searchKnowledge':
      return onKnowledge(t, r);
    case 'joinWaitlist':
      return waitlist.onJoined(t, r);
    case 'askAssistant':
      return onAssistant(t, r);
  }
}

export { promptOf } from './prompt.js';
export { newState, readState } from './state.js';
