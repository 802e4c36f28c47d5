/**
 * The prompt: what the visitor can do now, rendered from the state in the conversation's
 * language. Pure, so a language switch or a resume renders the current step again without
 * repeating any message. It is also the list of what may be chosen: an option id that is not
 * in the current prompt (a stale tab) is ignored (`labelOf`).
 */
import { contactText } from './contact.js';
import { findService, findStaff, findTree, type EngineContext } from './context.js';
import { serviceName } from './names.js';
import type { Option, Prompt, SlotOption } from './protocol.js';
import { menuOptions } from './flows/menu.js';
import { visible } from './flows/slot-list.js';
import { CODE_LENGTH } from './flows/manage.js';
import { alternatives, qualifiedFor, questionOptions } from './flows/qualify.js';
import { canJoin, joinOption, partOptions, windowOptions } from './flows/waitlist.js';
import { freeDays as freeDaysOf } from './slots.js';
import type { ConversationState, FieldErrors, SlotList } from './state.js';
import { durationWords, instantWords, priceWords } from './words/format.js';
import { say, type WordKey } from './words/index.js';
import { localize } from '../quote/localized-text.js';
import { zoneWords } from '@frontdesk/shared';

/** "Choose a specialist" under the times a qualified visitor was taken to straight away (flows/booking.ts). */
export const STAFF_CHOICE = 'act:staff';

export const slotId = (s: { start: number; staffId: string }) => `slot:${s.start}:${s.staffId}`;

export function parseSlotId(id: string): { start: number; staffId: string } | null {
  const m = /^slot:(\d{1,15}):(.+)$/.exec(id);
  return m ? { start: Number(m[1]), staffId: m[2]! } : null;
}

export function promptOf(state: ConversationState, ctx: EngineContext): Prompt {
  const lang = state.lang;
  const w = (key: WordKey, values?: Record<string, string | number>) => say(lang, key, values);
  const act = (name: string, key: WordKey): Option => ({ id: `act:${name}`, label: w(key) });
  const menu = (): Prompt => ({ kind: 'choice', options: menuOptions(ctx, lang, s.at === 'menu' ? s.guess : undefined), menu: true });
  const errorsOf = (e: FieldErrors | undefined) => (e ? Object.fromEntries(Object.keys(e).map((k) => [k, w(`err.${k}` as WordKey)])) : undefined);
  const s = state.step;

  switch (s.at) {
    case 'menu':
    case 'closed':
    case 'booked':
      return menu();
    case 'other':
    case 'handoff-message':
    case 'live':
      return { kind: 'text', placeholder: w('typeHere') };
    case 'service': {
      const ids = s.ids ?? ctx.services.map((x) => x.id);
      return {
        kind: 'choice',
        menu: false,
        options: ids.flatMap((id) => {
          const svc = findService(ctx, id);
          return svc ? [{ id: `svc:${id}`, label: serviceName(ctx, id, lang), detail: `${priceWords(svc.price, svc.currency, lang)}, ${durationWords(svc.durationMin, lang)}` }] : [];
        }),
      };
    }
    case 'staff': {
      const svc = findService(ctx, state.booking?.serviceId);
      const staff = (svc?.staffIds ?? []).flatMap((id) => (findStaff(ctx, id) ? [{ id: `staff:${id}`, label: findStaff(ctx, id)!.name }] : []));
      return { kind: 'choice', menu: false, options: [{ id: 'staff:any', label: w('anyone') }, ...staff] };
    }
    case 'slots': {
      // "None of these suit me": the waiting list is always there under the times; a qualified
      // visitor, who was not asked who they would like, may still choose a specialist there.
      const b = state.booking;
      const staffChoice = !!b && b.staffId === null && qualifiedFor(state, b.serviceId) && (findService(ctx, b.serviceId)?.staffIds.length ?? 0) > 1;
      return slotsPrompt(ctx, b?.list ?? null, lang, [act('nearest', 'nearest')], [...(staffChoice ? [{ id: STAFF_CHOICE, label: w('chooseStaff') }] : []), ...(canJoin(state) ? [joinOption(state)] : [])]);
    }
    case 'move-slots':
      return slotsPrompt(ctx, state.manage.moveList, lang, [act('nearest', 'nearest')]);
    case 'waitlist-window':
      return { kind: 'choice', menu: false, options: windowOptions(state) };
    case 'waitlist-part':
      return { kind: 'choice', menu: false, options: partOptions(state) };
    case 'contact': {
      const c = state.contact;
      const book = s.purpose === 'book';
      const wait = s.purpose === 'waitlist';
      return {
        kind: 'contact',
        fields: ['name', 'contact'],
        consent: { required: true, text: w(book ? 'consentBook' : wait ? 'consentWaitlist' : 'consentHandoff') },
        submit: w(book ? 'confirmBooking' : wait ? 'waitlistSubmit' : 'send'),
        ...(c ? { values: { name: c.name, contact: contactText(c.contact) } } : {}),
        ...(s.errors ? { errors: errorsOf(s.errors) } : {}),
        ...(book ? { actions: [act('change-time', 'changeTime')] } : {}),
      };
    }
    case 'confirm-booking':
      return { kind: 'confirm', question: w('confirmQuestion'), yes: act('yes', 'bookIt'), no: act('change-details', 'changeDetails') };
    case 'tree':
      return { kind: 'choice', menu: false, options: ctx.quoteTrees.map((tr) => ({ id: `tree:${tr.id}`, label: localize(tr.title, lang, tr.defaultLang) })) };
    case 'question': {
      const tree = findTree(ctx, state.quote?.treeId);
      const q = tree?.questions.find((x) => x.id === s.questionId);
      if (!tree || !q) return menu();
      if (q.type === 'choice') return { kind: 'choice', menu: false, options: q.options.map((o) => ({ id: `q:${o.id}`, label: localize(o.label, lang, tree.defaultLang) })) };
      return { kind: 'number', min: q.min, max: q.max, step: q.step ?? 1, ...(q.unit ? { unit: localize(q.unit, lang, tree.defaultLang) } : {}) };
    }
    case 'quoted':
      return { kind: 'choice', menu: false, options: [act('book', 'bookThis'), act('ask', 'askSpecialist')] };
    case 'priced':
      return { kind: 'choice', menu: false, options: [act('book', 'bookThis')] };
    case 'lookup':
      return {
        kind: 'contact',
        fields: ['contact'],
        consent: { required: false, text: '' },
        submit: w('lookupSubmit'),
        ...(s.errors ? { errors: errorsOf(s.errors) } : {}),
      };
    case 'code':
      return {
        kind: 'code',
        length: CODE_LENGTH,
        sentTo: state.manage.code?.sentTo ?? '',
        ...(s.error ? { error: w(s.error === 'wrong' ? 'codeMismatch' : 'codeExpired') } : {}),
        actions: [act('new-code', 'newCode'), act('other-contact', 'otherContact')],
      };
    case 'bookings':
      return {
        kind: 'choice',
        menu: false,
        options: state.manage.shown.map((b) => ({ id: `bk:${b.id}`, label: serviceName(ctx, b.serviceId, lang), detail: instantWords(b.start, ctx.business.timeZone, lang).when })),
      };
    case 'booking': {
      const b = state.manage.shown.find((x) => x.id === s.bookingId);
      if (!b) return menu();
      const options =
        b.status === 'cancelled'
          ? [act('rebook', 'rebook')]
          : b.status === 'confirmed' && ctx.now < b.changeableUntil
            ? [act('reschedule', 'reschedule'), act('cancel', 'cancel')]
            : [];
      return options.length ? { kind: 'choice', menu: false, options } : menu();
    }
    case 'confirm-move':
      return { kind: 'confirm', question: w('moveQuestion'), yes: act('yes', 'yesMove'), no: act('no', 'keepTime') };
    case 'confirm-cancel':
      return { kind: 'confirm', question: w('cancelQuestion'), yes: act('yes', 'yesCancel'), no: act('no', 'noKeep') };
    case 'confirm-erase':
      return { kind: 'confirm', question: w('eraseQuestion'), yes: act('yes', 'yesErase'), no: act('no', 'noErase') };
    case 'qualify': {
      const options = questionOptions(state, ctx, s.index);
      return options ? { kind: 'choice', menu: false, options } : menu();
    }
    case 'unqualified':
      return { kind: 'choice', menu: false, options: alternatives(state, ctx) };
    case 'answered':
      return { kind: 'choice', menu: false, options: [...(findService(ctx, s.serviceId) ? [act('book', 'bookThis')] : []), act('ask', 'kb.askPerson')] };
  }
}

function slotsPrompt(ctx: EngineContext, list: SlotList | null, lang: ConversationState['lang'], actions: Option[], always: Option[] = []): Prompt {
  const tz = ctx.business.timeZone;
  if (!list || list.slots.length === 0) {
    return { kind: 'slots', timeZone: tz, zoneName: zoneWords(tz, lang, ctx.now), day: list?.day ?? null, slots: [], more: false, days: (list?.freeDays ?? []).map((date) => ({ date, free: true })), nextFreeDay: null, actions: [...always, { id: 'intent:human', label: say(lang, 'intent.human') }] };
  }
  const shown = visible(list);
  const slots: SlotOption[] = shown.map((x) => ({ id: slotId(x), start: new Date(x.start).toISOString(), end: new Date(x.end).toISOString(), staffName: findStaff(ctx, x.staffId)?.name ?? null }));
  const days = list.freeDays.length ? list.freeDays : freeDaysOf(list.slots, tz);
  const showingNearest = list.mode === 'nearest' || list.mode === 'when';
  return {
    kind: 'slots',
    timeZone: tz,
    zoneName: zoneWords(tz, lang, ctx.now),
    day: list.mode === 'day' ? list.day : null,
    slots,
    more: showingNearest && list.slots.length > list.shown,
    days: days.map((date) => ({ date, free: true })),
    nextFreeDay: list.nextFreeDay,
    ...(showingNearest && list.mode === 'nearest' ? (always.length ? { actions: always } : {}) : { actions: [...actions, ...always] }),
  };
}

/** The label of an option of the current prompt (its echo in the transcript), or null if it is not on offer. */
export function labelOf(prompt: Prompt, optionId: string, ctx: EngineContext, lang: ConversationState['lang']): string | null {
  const from = (options: Option[] | undefined) => options?.find((o) => o.id === optionId)?.label ?? null;
  switch (prompt.kind) {
    case 'choice':
      return from(prompt.options);
    case 'confirm':
      return from([prompt.yes, prompt.no]);
    case 'slots': {
      const slot = prompt.slots.find((x) => x.id === optionId);
      return slot ? instantWords(Date.parse(slot.start), ctx.business.timeZone, lang).when : from(prompt.actions);
    }
    default:
      return from(prompt.actions);
  }
}
