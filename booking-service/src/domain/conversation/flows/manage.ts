/**
 * "My booking", in any browser: by phone or e-mail and a one-time code (bookings made in this
 * very conversation, or opened with a manage link, need none). Nothing about a booking is shown
 * before the code is verified, and a booking is always shown as it is now: every card comes from
 * a fresh read (`loadBookings`), never from the conversation's memory. Moving and cancelling ask
 * for confirmation inside the chat.
 */
import { maskContact, parseContact } from '../contact.js';
import { bookingCard } from '../cards.js';
import type { BookingFacts, ResultOf, SlotRef } from '../effects.js';
import type { BookingShown } from '../state.js';
import type { Turn } from '../turn.js';
import { instantWords } from '../words/format.js';
import { alternatives, emptyList, more as moreOf, receive, search } from './slot-list.js';
import { startBooking, takenWords } from './booking.js';
import type { AskedWhen } from '../state.js';

/** A verified code lets the visitor back into their bookings for this long without a new one. */
export const VERIFIED_FOR_MS = 24 * 60 * 60_000;
export const CODE_LENGTH = 6;

export function startManage(t: Turn): void {
  t.state.intent ??= 'my_booking';
  const m = t.state.manage;
  if (m.customerIds.length > 0 && m.verifiedAt !== null && t.ctx.now - m.verifiedAt < VERIFIED_FOR_MS) {
    return load(t, { customerIds: m.customerIds }, 'list');
  }
  const own = [...new Set([...m.made, ...m.linked])];
  if (own.length > 0) return load(t, { bookingIds: own }, 'list');
  askLookup(t);
}

function askLookup(t: Turn): void {
  t.go({ at: 'lookup' });
  t.say('lookupAsk');
}

/** A manage link opened in the chat: that booking, no code needed (the link is the proof). */
export function openLink(t: Turn, manageToken: string): void {
  t.state.intent ??= 'my_booking';
  load(t, { manageToken }, 'link');
}

function load(t: Turn, by: { customerIds: string[] } | { bookingIds: string[] } | { manageToken: string }, what: 'list' | 'link' | { bookingId: string }): void {
  t.state.manage.loading = what;
  t.request({ kind: 'loadBookings', by });
}

/** The phone or e-mail to find bookings by. Only a masked form is echoed and remembered. */
export function lookup(t: Turn, raw: string | undefined): void {
  const contact = parseContact(raw ?? '');
  if (!contact) {
    t.go({ at: 'lookup', errors: { contact: true } });
    return;
  }
  t.visitor(maskContact(contact));
  t.state.manage.lookup = { contact };
  t.request({ kind: 'sendCode', contact, lang: t.lang });
}

export function resendCode(t: Turn): void {
  const l = t.state.manage.lookup;
  if (!l) return askLookup(t);
  t.request({ kind: 'sendCode', contact: l.contact, lang: t.lang });
}

export function otherContact(t: Turn): void {
  t.state.manage.code = null;
  t.state.manage.lookup = null;
  askLookup(t);
}

export function onCodeSent(t: Turn, r: ResultOf<'sendCode'>): void {
  if (r.ok) {
    t.state.manage.code = { requestId: r.requestId, sentTo: r.sentTo };
    t.say('codeSent', { to: r.sentTo, minutes: r.ttlMin });
    t.go({ at: 'code' });
    return;
  }
  // The lookup contact is not kept once it cannot be used.
  t.state.manage.lookup = null;
  if (r.reason === 'no_email') t.say('codeNoEmail');
  else if (r.reason === 'limited') t.say('codeLimited', { minutes: r.retryAfterMin });
  else t.say('error');
  t.go({ at: 'lookup' });
}

export function enterCode(t: Turn, code: string): void {
  const c = t.state.manage.code;
  if (!c) return askLookup(t);
  t.visitor('•'.repeat(Math.min(code.length, 12)));
  t.request({ kind: 'verifyCode', requestId: c.requestId, code });
}

export function onVerified(t: Turn, r: ResultOf<'verifyCode'>): void {
  const m = t.state.manage;
  if (r.ok) {
    m.customerIds = [...new Set([...m.customerIds, ...r.customerIds])];
    m.verifiedAt = t.ctx.now;
    m.code = null;
    m.lookup = null;
    return load(t, { customerIds: m.customerIds }, 'list');
  }
  if (r.reason === 'wrong') {
    t.say('codeWrong', { left: r.attemptsLeft });
    t.go({ at: 'code', error: 'wrong' });
  } else if (r.reason === 'expired') {
    t.say('codeExpired');
    t.go({ at: 'code', error: 'expired' });
  } else t.say('error');
}

function shownOf(t: Turn, b: BookingFacts): BookingShown {
  return { id: b.id, serviceId: b.serviceId, staffId: b.staffId, start: b.start, status: b.status, changeableUntil: b.start - t.ctx.business.cancellationWindowMin * 60_000 };
}

export function onBookings(t: Turn, r: ResultOf<'loadBookings'>): void {
  const m = t.state.manage;
  const what = m.loading;
  m.loading = null;
  if (!r.ok) {
    if (r.reason === 'link_invalid') {
      t.say('linkInvalid');
      t.go({ at: 'lookup' });
    } else t.say('error');
    return;
  }
  const list = [...r.bookings].sort((a, b) => a.start - b.start);
  if (what === 'link') for (const b of list) if (!m.linked.includes(b.id)) m.linked.push(b.id);
  if (what && typeof what === 'object') {
    const one = list.find((b) => b.id === what.bookingId);
    if (one) return show(t, one, 'yourBooking');
  }
  if (list.length === 0) {
    t.say('noBookings');
    t.go({ at: 'menu' });
    return;
  }
  if (list.length === 1) return show(t, list[0]!, 'yourBooking');
  m.shown = list.map((b) => shownOf(t, b));
  t.say('yourBookings', { n: list.length });
  t.go({ at: 'bookings' });
}

function show(t: Turn, b: BookingFacts, lead: 'yourBooking' | 'moved' | 'cancelled' | null): void {
  const m = t.state.manage;
  m.shown = [shownOf(t, b), ...m.shown.filter((x) => x.id !== b.id)];
  const card = bookingCard(t.ctx, b, t.lang);
  if (lead === 'moved') t.say('moved', { ...instantWords(b.start, t.ctx.business.timeZone, t.lang) }, card);
  else if (lead) t.say(lead, undefined, card);
  else t.bot('', card);
  t.go({ at: 'booking', bookingId: b.id });
}

export function chooseBooking(t: Turn, bookingId: string): void {
  load(t, { bookingIds: [bookingId] }, { bookingId });
}

function shown(t: Turn, bookingId: string): BookingShown | undefined {
  return t.state.manage.shown.find((b) => b.id === bookingId);
}

export function reschedule(t: Turn, bookingId: string): void {
  const b = shown(t, bookingId);
  if (!b) return;
  const m = t.state.manage;
  m.moveList = search(t, emptyList(b.serviceId, b.staffId, b.id), 'nearest');
  t.go({ at: 'move-slots', bookingId });
}

export function moveAround(t: Turn, bookingId: string, when: AskedWhen): void {
  const m = t.state.manage;
  const b = shown(t, bookingId);
  if (!b) return;
  const list = m.moveList ?? emptyList(b.serviceId, b.staffId, b.id);
  m.moveList = when.kind === 'day' ? search(t, list, 'day', { day: when.date }) : search(t, list, 'when', { when });
}

export function movePickDay(t: Turn, day: string): void {
  const m = t.state.manage;
  if (m.moveList) m.moveList = search(t, m.moveList, 'day', { day });
}

export function moveNearest(t: Turn): void {
  const m = t.state.manage;
  if (m.moveList) m.moveList = search(t, m.moveList, 'nearest');
}

export function moveMore(t: Turn): void {
  const m = t.state.manage;
  if (m.moveList) m.moveList = moreOf(m.moveList);
}

export function onMoveSlots(t: Turn, r: ResultOf<'findSlots'>): void {
  const m = t.state.manage;
  const list = receive(t, m.moveList!, r);
  m.moveList = list ?? { ...m.moveList!, slots: [], shown: 0 };
}

export function pickMoveSlot(t: Turn, bookingId: string, slot: SlotRef): void {
  const b = shown(t, bookingId);
  if (!b) return;
  const tz = t.ctx.business.timeZone;
  t.say('confirmMove', { to: instantWords(slot.start, tz, t.lang).when, from: instantWords(b.start, tz, t.lang).when });
  t.go({ at: 'confirm-move', bookingId, slot });
}

export function confirmMove(t: Turn, yes: boolean): void {
  const step = t.state.step;
  if (step.at !== 'confirm-move') return;
  if (!yes) {
    t.say('kept');
    return load(t, { bookingIds: [step.bookingId] }, { bookingId: step.bookingId });
  }
  t.request({ kind: 'reschedule', bookingId: step.bookingId, start: step.slot.start });
}

export function onMoved(t: Turn, r: ResultOf<'reschedule'>): void {
  const step = t.state.step;
  const bookingId = step.at === 'confirm-move' ? step.bookingId : null;
  if (r.ok) {
    t.state.manage.moveList = null;
    return show(t, r.booking, 'moved');
  }
  if (r.reason === 'taken' && bookingId) {
    t.say(takenWords(r.why));
    t.state.manage.moveList = alternatives(t.state.manage.moveList ?? emptyList('', null), r.alternatives);
    t.go({ at: 'move-slots', bookingId });
    return;
  }
  refused(t, r, bookingId);
}

export function cancel(t: Turn, bookingId: string): void {
  const b = shown(t, bookingId);
  if (!b) return;
  t.say('confirmCancel', { ...instantWords(b.start, t.ctx.business.timeZone, t.lang) });
  t.go({ at: 'confirm-cancel', bookingId });
}

export function confirmCancel(t: Turn, yes: boolean): void {
  const step = t.state.step;
  if (step.at !== 'confirm-cancel') return;
  if (!yes) {
    t.say('kept');
    return load(t, { bookingIds: [step.bookingId] }, { bookingId: step.bookingId });
  }
  t.request({ kind: 'cancel', bookingId: step.bookingId });
}

export function onCancelled(t: Turn, r: ResultOf<'cancel'>): void {
  const step = t.state.step;
  const bookingId = step.at === 'confirm-cancel' ? step.bookingId : null;
  if (r.ok) return show(t, r.booking, 'cancelled');
  refused(t, r, bookingId);
}

/** The change was refused: say why, and show the booking as it is now. */
function refused(t: Turn, r: Extract<ResultOf<'reschedule'> | ResultOf<'cancel'>, { ok: false }>, bookingId: string | null): void {
  if (r.reason === 'not_active') t.say('notActive', { status: r.status });
  else if (r.reason === 'too_late') {
    const words = instantWords(r.deadline, t.ctx.business.timeZone, t.lang);
    const phone = t.ctx.business.phone;
    if (phone) t.say('tooLate', { ...words, phone });
    else t.say('tooLateNoPhone', { ...words });
  } else t.say('error');
  if (bookingId) load(t, { bookingIds: [bookingId] }, { bookingId });
}

export function rebook(t: Turn, bookingId: string): void {
  const b = shown(t, bookingId);
  startBooking(t, b ? { serviceId: b.serviceId } : {});
}
