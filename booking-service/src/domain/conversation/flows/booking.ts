/**
 * Booking: service → (the owner's questions, flows/qualify.ts) → specialist or "anyone" (a
 * qualified visitor skips it: "choose a specialist" is under the times) → nearest free times / show more / pick a day →
 * hold → name + one "phone or e-mail" field + consent (or, with a contact consented earlier in
 * this conversation, one "book it?") → confirmation card. A time taken meanwhile re-offers the
 * alternatives; an expired hold re-offers the nearest times.
 */
import { contactText } from '../contact.js';
import { findService, findStaff } from '../context.js';
import type { ClosedWhy, ResultOf, SlotRef } from '../effects.js';
import { bookingCard } from '../cards.js';
import { serviceName } from '../names.js';
import { WINDOW_DAYS, type AskedWhen, type BookingState } from '../state.js';
import type { Turn } from '../turn.js';
import { instantWords } from '../words/format.js';
import { alternatives, emptyList, more as moreOf, receive, search } from './slot-list.js';
import { askForContact, type ContactInput, validContact } from './contact-step.js';
import { qualifiedFor, qualifyFor } from './qualify.js';

export interface BookingStart {
  serviceId?: string | undefined;
  /** Candidates when the text named a service ambiguously ("стрижка": women's or men's). */
  serviceIds?: string[] | undefined;
  when?: AskedWhen | undefined;
  quote?: BookingState['quote'] | undefined;
}

export function startBooking(t: Turn, opts: BookingStart = {}): void {
  t.state.intent ??= 'book';
  t.state.booking = { serviceId: null, staffId: null, when: opts.when ?? null, list: null, hold: null, quote: opts.quote ?? null };
  const services = t.ctx.services;
  const only = services.length === 1 ? services[0]!.id : undefined;
  const id = opts.serviceId ?? (opts.serviceIds?.length === 1 ? opts.serviceIds[0] : undefined) ?? only;
  if (id && findService(t.ctx, id)) return chooseService(t, id);
  const ids = opts.serviceIds?.filter((s) => findService(t.ctx, s)) ?? null;
  t.go({ at: 'service', purpose: 'book', ids: ids && ids.length > 1 ? ids : null });
  t.say(ids && ids.length > 1 ? 'askServiceOf' : 'askService');
}

export function chooseService(t: Turn, serviceId: string): void {
  const b = t.state.booking!;
  b.serviceId = serviceId;
  // The owner's qualification questions for this service come first (flows/qualify.ts).
  if (qualifyFor(t, serviceId)) return;
  afterQualified(t);
}

/**
 * On from the chosen (and, where the owner asks, qualified) service: the specialist, then the
 * times. A visitor who passed the owner's questions goes straight to the times of anyone (issue
 * 17: "qualified leads go straight to slots"); the times then offer "choose a specialist".
 */
export function afterQualified(t: Turn): void {
  const b = t.state.booking!;
  const serviceId = b.serviceId!;
  const staff = findService(t.ctx, serviceId)?.staffIds ?? [];
  if (staff.length > 1 && qualifiedFor(t.state, serviceId)) return chooseStaff(t, null);
  if (staff.length > 1) {
    t.go({ at: 'staff' });
    t.say('askStaff');
    return;
  }
  chooseStaff(t, staff[0] ?? null);
}

export function chooseStaff(t: Turn, staffId: string | null): void {
  const b = t.state.booking!;
  b.staffId = staffId;
  const list = emptyList(b.serviceId!, staffId);
  b.list = b.when ? search(t, list, 'when', { when: b.when }) : search(t, list, 'nearest');
  b.when = null;
  t.go({ at: 'slots' });
}

/**
 * A specialist named in words at the times ("к Анне", "Anna please", "к Анне в пятницу"): their
 * times (around the time asked for with the name, if any); when they have none at all, that is
 * said and everyone's nearest times follow (onSlots).
 */
export function chooseNamedStaff(t: Turn, staffId: string, when: AskedWhen | null): void {
  const b = t.state.booking!;
  b.staffId = staffId;
  b.when = null;
  const list = { ...emptyList(b.serviceId!, staffId), named: true };
  b.list = !when ? search(t, list, 'nearest') : when.kind === 'day' ? search(t, list, 'day', { day: when.date }) : search(t, list, 'when', { when });
  t.go({ at: 'slots' });
}

/** "Choose a specialist" from the times a qualified visitor was taken to: the specialist question after all. */
export function askStaff(t: Turn): void {
  t.go({ at: 'staff' });
  t.say('askStaff');
}

/** Free text at the slots: another day or time asked for ("а в пятницу?", "after 5pm"). */
export function searchAround(t: Turn, when: AskedWhen): void {
  const b = t.state.booking!;
  b.list = search(t, b.list ?? emptyList(b.serviceId!, b.staffId), when.kind === 'day' ? 'day' : 'when', when.kind === 'day' ? { day: when.date } : { when });
}

export function pickDay(t: Turn, day: string): void {
  const b = t.state.booking!;
  b.list = search(t, b.list ?? emptyList(b.serviceId!, b.staffId), 'day', { day });
}

export function nearest(t: Turn): void {
  const b = t.state.booking!;
  b.list = search(t, b.list ?? emptyList(b.serviceId!, b.staffId), 'nearest');
}

export function showMore(t: Turn): void {
  const b = t.state.booking!;
  if (b.list) b.list = moreOf(b.list);
}

export function onSlots(t: Turn, r: ResultOf<'findSlots'>): void {
  const b = t.state.booking!;
  if (r.ok && r.slots.length === 0 && b.list?.named && b.list.staffId) {
    t.say('staffNoTime', { name: findStaff(t.ctx, b.list.staffId)?.name ?? '', days: WINDOW_DAYS });
    b.staffId = null;
    b.list = search(t, emptyList(b.serviceId!, null), 'nearest');
    return;
  }
  const list = receive(t, b.list!, r);
  b.list = list ?? { ...b.list!, slots: [], shown: 0 };
  t.go({ at: 'slots' });
}

/** Why the time was refused, in the visitor's words: closed that day, outside the opening hours, or taken. */
export const takenWords = (why: ClosedWhy | undefined) => (why === 'closed' ? 'closedDay' : why === 'outside_hours' ? 'outsideHours' : 'taken');

export function pickSlot(t: Turn, slot: SlotRef): void {
  const b = t.state.booking!;
  const q = b.quote;
  // "Anyone": the hold takes whoever is free at that time, not only the first one listed.
  t.request({ kind: 'hold', serviceId: b.serviceId!, staffId: b.staffId, start: slot.start, quote: q ? { treeId: q.treeId, answers: q.answers } : undefined });
  b.hold = { token: '', expiresAt: 0, slot };
}

export function onHold(t: Turn, r: ResultOf<'hold'>): void {
  const b = t.state.booking!;
  if (!r.ok) {
    b.hold = null;
    if (r.reason === 'taken') {
      t.say(takenWords(r.why));
      b.list = alternatives(b.list!, r.alternatives);
    } else t.say('error');
    t.go({ at: 'slots' });
    return;
  }
  const slot = { ...b.hold!.slot, staffId: r.staffId };
  b.hold = { token: r.holdToken, expiresAt: r.expiresAt, slot };
  const words = instantWords(slot.start, t.ctx.business.timeZone, t.lang);
  const minutes = t.ctx.business.holdMinutes;
  const c = t.state.contact;
  if (c) {
    t.go({ at: 'confirm-booking' });
    t.say('heldKnown', { ...words, minutes, name: c.name, contact: contactText(c.contact) });
    return;
  }
  t.say('held', { ...words, minutes });
  askForContact(t, 'book');
}

/** The contact form of a booking: checked here, stored only with consent, then the confirm. */
export function submitContact(t: Turn, input: ContactInput): void {
  const c = validContact(t, input, 'book');
  if (c) confirm(t);
}

/** Confirms the hold with the consented contact (or re-offers times if the hold has lapsed). */
export function confirm(t: Turn): void {
  const b = t.state.booking!;
  const c = t.state.contact!;
  if (!b.hold || b.hold.expiresAt <= t.ctx.now) {
    b.hold = null;
    t.say('expired');
    nearest(t);
    t.go({ at: 'slots' });
    return;
  }
  t.request({ kind: 'confirm', holdToken: b.hold.token, name: c.name, contact: c.contact, lang: t.lang, customerIds: t.state.manage.customerIds });
}

export function onConfirm(t: Turn, r: ResultOf<'confirm'>): void {
  const b = t.state.booking!;
  if (r.ok) {
    b.hold = null;
    t.state.manage.made.push(r.booking.id);
    t.outcome('booked');
    t.say('booked', undefined, bookingCard(t.ctx, r.booking, t.lang, b.quote));
    t.go({ at: 'booked' });
    return;
  }
  switch (r.reason) {
    case 'taken':
      b.hold = null;
      t.say('taken');
      b.list = alternatives(b.list!, r.alternatives);
      t.go({ at: 'slots' });
      return;
    case 'expired':
      b.hold = null;
      t.say('expired');
      nearest(t);
      t.go({ at: 'slots' });
      return;
    case 'closed':
      b.hold = null;
      t.say(takenWords(r.why));
      nearest(t);
      t.go({ at: 'slots' });
      return;
    case 'invalid':
      // The service refused what the engine accepted (e.g. a stricter rule): ask again, keep nothing.
      t.state.contact = null;
      t.go({ at: 'contact', purpose: 'book', errors: Object.fromEntries(r.fields.map((f) => [f, true])) });
      return;
    default:
      t.say('error');
      t.go(t.state.contact && t.state.step.at === 'confirm-booking' ? { at: 'confirm-booking' } : { at: 'contact', purpose: 'book' });
  }
}

/** Back from the contact form to the times: the hold is released, so the time is free again at once. */
export function changeTime(t: Turn): void {
  const b = t.state.booking!;
  if (b.hold?.token) t.request({ kind: 'release', holdToken: b.hold.token });
  b.hold = null;
  t.go({ at: 'slots' });
}

/** "Change my details" at the one-tap confirm: the form again, prefilled. */
export function changeDetails(t: Turn): void {
  t.go({ at: 'contact', purpose: 'book' });
}

/** For a staff summary: what the visitor was booking. */
export function bookingSummaryService(t: Turn, lang = t.ctx.business.defaultLang): string | null {
  const id = t.state.booking?.serviceId;
  return id ? serviceName(t.ctx, id, lang) : null;
}
