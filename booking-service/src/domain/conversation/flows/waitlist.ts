/**
 * The waiting list in the chat: when no offered time suits (or none is free), "join the waiting
 * list" (option `waitlist:join`, also offered by the qualification flow to unqualified leads) →
 * which days (only the day on show, or any time in the next 7 / 14 days) → which part of the day
 * → the contact step with consent (skipped when the conversation already has one) → the entry is
 * written (effect `joinWaitlist`) and the visitor is told we'll write when a time frees up.
 * The service is the conversation's current one; the staff member is the one chosen (or anyone).
 */
import { contactText } from '../contact.js';
import { findService } from '../context.js';
import type { ResultOf } from '../effects.js';
import { serviceName } from '../names.js';
import type { Option } from '../protocol.js';
import type { ConversationState } from '../state.js';
import type { Turn } from '../turn.js';
import { dayWords } from '../words/format.js';
import { say } from '../words/index.js';
import { OFFER_MINUTES, PARTS, WINDOW_CHOICES, windowOf, type DayPart } from '../../waitlist/window.js';
import { askForContact, type ContactInput, validContact } from './contact-step.js';
import { today } from './slot-list.js';

export const JOIN = 'waitlist:join';

/** The service the visitor is after now: the booking's, else the one qualified for, else the quote's. */
function currentService(state: ConversationState): string | null {
  return state.booking?.serviceId ?? state.qualify?.serviceId ?? state.quote?.final?.serviceId ?? null;
}

/** Whether "join the waiting list" can be offered now (a service is known). */
export function canJoin(state: ConversationState): boolean {
  return currentService(state) !== null;
}

/** The button under the times. */
export function joinOption(state: ConversationState): Option {
  return { id: JOIN, label: say(state.lang, 'waitlistJoin') };
}

export function join(t: Turn): void {
  const serviceId = currentService(t.state);
  if (!serviceId || !findService(t.ctx, serviceId)) return;
  const b = t.state.booking;
  const day = b?.list?.mode === 'day' ? b.list.day : null;
  t.state.waitlist = { serviceId, staffId: b?.serviceId === serviceId ? b.staffId : null, day, choice: null, part: null };
  t.go({ at: 'waitlist-window' });
  t.say('waitlistWhen');
}

/** The quick replies of the two questions (prompt.ts renders them). */
export function windowOptions(state: ConversationState): Option[] {
  const w = state.waitlist;
  const lang = state.lang;
  return [
    ...(w?.day ? [{ id: `wl:day:${w.day}`, label: say(lang, 'waitlistOnlyDay', { ...dayWords(w.day, lang) }) }] : []),
    ...WINDOW_CHOICES.map((days) => ({ id: `wl:days:${days}`, label: say(lang, 'waitlistDays', { days }) })),
  ];
}

export function partOptions(state: ConversationState): Option[] {
  return PARTS.map((p) => ({ id: `wl:part:${p}`, label: say(state.lang, `waitlistPart.${p}`) }));
}

export function chooseWindow(t: Turn, optionId: string): void {
  const w = t.state.waitlist;
  if (!w) return;
  const [, kind, value] = optionId.split(':');
  const days = Number(value);
  if (kind === 'day' && value) w.choice = { day: value };
  else if (kind === 'days' && (WINDOW_CHOICES as readonly number[]).includes(days)) w.choice = { days };
  else return;
  t.go({ at: 'waitlist-part' });
  t.say('waitlistPart');
}

export function choosePart(t: Turn, optionId: string): void {
  const part = optionId.slice('wl:part:'.length) as DayPart;
  const w = t.state.waitlist;
  if (!w?.choice || !PARTS.includes(part)) return;
  w.part = part;
  if (t.state.contact) return send(t);
  t.say('waitlistContact');
  askForContact(t, 'waitlist');
}

export function submitContact(t: Turn, input: ContactInput): void {
  if (validContact(t, input, 'waitlist')) send(t);
}

function send(t: Turn): void {
  const w = t.state.waitlist!;
  const c = t.state.contact!;
  const window = windowOf(today(t), w.choice!, w.part ?? 'any');
  t.request({ kind: 'joinWaitlist', serviceId: w.serviceId, staffId: w.staffId, fromDay: window.fromDay, toDay: window.toDay, part: window.part, name: c.name, contact: c.contact, lang: t.lang });
}

export function onJoined(t: Turn, r: ResultOf<'joinWaitlist'>): void {
  const w = t.state.waitlist;
  if (!r.ok || !w?.choice) {
    t.say('error');
    t.go({ at: 'waitlist-part' });
    return;
  }
  const part = w.part ?? 'any';
  const window = windowOf(today(t), w.choice, part);
  const from = dayWords(window.fromDay, t.lang).date;
  const partWords = t.word(`waitlistPartWords.${part}`);
  const windowText = window.fromDay === window.toDay
    ? t.word('waitlistWindow.day', { from: dayWords(window.fromDay, t.lang).day, part: partWords })
    : t.word('waitlistWindow.days', { from, to: dayWords(window.toDay, t.lang).date, part: partWords });
  t.say('waitlistJoined', { service: serviceName(t.ctx, w.serviceId, t.lang), window: windowText, contact: contactText(t.state.contact!.contact), minutes: OFFER_MINUTES });
  t.state.waitlist = null;
  t.go({ at: 'menu' });
}
