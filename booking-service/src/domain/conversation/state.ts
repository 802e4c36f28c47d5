/**
 * The engine's memory of one conversation: plain JSON, stored in `conversations.state` and
 * versioned by `v` (a state of another version starts over at the menu; see `readState`).
 * Contact details enter it only with the visitor's consent (`contact.consentAt`). Bookings are
 * never shown from it: `manage.shown` keeps only what the next prompt needs (which buttons).
 */
import type { Lang } from '../messages/types.js';
import type { When } from '../intent/when-expression.js';
import type { ContactPoint } from './contact.js';
import type { BookingFacts, SlotRef } from './effects.js';
import type { ConversationOutcome, ConversationStatus, IntentId } from './protocol.js';
import type { QualIntent } from '../qualification/qualification.js';

export const STATE_VERSION = 1;

/** Nearest free times are offered this many at a time ("3 nearest + show more"). */
export const PAGE = 3;
/** The nearest-times search and the day strip cover this many days from today. */
export const WINDOW_DAYS = 14;
/** At most this many ranked slots are remembered (enough to "show more" many times). */
export const MAX_SLOTS = 48;

export type FieldError = 'name' | 'contact' | 'consent' | 'message';
export type FieldErrors = Partial<Record<FieldError, true>>;

/** A time the visitor asked for in words, pinned to the business's calendar (domain/intent). */
export type AskedWhen = Exclude<When, { kind: 'none' }>;

/** Free times for one service (and one specialist or anyone), as on show. */
export interface SlotList {
  serviceId: string;
  /** null = anyone. */
  staffId: string | null;
  /** A reschedule: the booking's own time does not block it. */
  excludeBookingId: string | null;
  /** What was searched: the nearest, one day (`day`), around an asked time (`when`), or a CONFLICT's alternatives. */
  mode: 'nearest' | 'day' | 'when' | 'alternatives';
  when: AskedWhen | null;
  day: string | null;
  /** Ranked: what to offer first comes first. */
  slots: SlotRef[];
  shown: number;
  /** Days with free times in the searched windows, for the day strip. */
  freeDays: string[];
  /** The day the strip says is the next free one (when the day asked for has none). */
  nextFreeDay: string | null;
  /** The specialist was named in words at the times: when they have no time at all, anyone's nearest are offered. */
  named?: boolean | undefined;
}

export type Step =
  /** `guess`: the intent a low-confidence text probably meant ("did you mean …?"), offered first. */
  | { at: 'menu'; guess?: IntentId | undefined }
  | { at: 'other' }
  | { at: 'service'; purpose: 'book' | 'price'; ids: string[] | null }
  | { at: 'staff' }
  | { at: 'slots' }
  | { at: 'contact'; purpose: 'book' | 'handoff' | 'waitlist'; errors?: FieldErrors | undefined }
  /** The waiting list (flows/waitlist.ts): which days, then which part of the day. */
  | { at: 'waitlist-window' }
  | { at: 'waitlist-part' }
  | { at: 'confirm-booking' }
  | { at: 'booked' }
  | { at: 'tree' }
  | { at: 'question'; questionId: string }
  | { at: 'quoted' }
  | { at: 'priced'; serviceId: string }
  | { at: 'handoff-message' }
  | { at: 'live' }
  | { at: 'lookup'; errors?: FieldErrors | undefined }
  | { at: 'code'; error?: 'wrong' | 'expired' | undefined }
  | { at: 'bookings' }
  | { at: 'booking'; bookingId: string }
  | { at: 'move-slots'; bookingId: string }
  | { at: 'confirm-move'; bookingId: string; slot: SlotRef }
  | { at: 'confirm-cancel'; bookingId: string }
  /** "Delete my data" asked in words: the question on screen, and the step to go back to on "no". */
  | { at: 'confirm-erase'; back: Step }
  /** Qualification (flows/qualify.ts): the owner's question number `index` of the service's (or intent's) questions. */
  | { at: 'qualify'; index: number }
  /** Not qualified: the alternatives the owner chose, and "talk to a person". */
  | { at: 'unqualified' }
  /** A question answered from the knowledge base: the next steps (book the service it is about, ask a person). */
  | { at: 'answered'; question: string; serviceId: string | null }
  | { at: 'closed' };

/**
 * A knowledge-base search under way (flows/knowledge.ts): what to do when nothing answers —
 * re-offer the step on screen (`stay`), the menu with the best guess first, or pass it to a person.
 */
export interface PendingQuestion {
  text: string;
  /** `named`: the text named services (or a quote tree): their prices, as without a knowledge base. */
  miss: 'stay' | 'menu' | 'handoff' | 'named';
  guess: IntentId | null;
  named?: { services: string[]; tree: string | null } | undefined;
}

export interface ConsentedContact {
  name: string;
  contact: ContactPoint;
  /** Epoch ms: when the visitor ticked consent. */
  consentAt: number;
}

export interface QuoteState {
  treeId: string;
  answers: Record<string, string | number>;
  /** Question ids already put to the visitor: a question is never asked twice. */
  asked: string[];
  /** Whether the range before the clarifying question was shown. */
  rangeShown: boolean;
  final: { price: number; serviceId: string; summary: string } | null;
}

export interface BookingState {
  serviceId: string | null;
  /** null = anyone. */
  staffId: string | null;
  /** A time asked for in free text, kept until the slots are offered. */
  when: AskedWhen | null;
  list: SlotList | null;
  hold: { token: string; expiresAt: number; slot: SlotRef } | null;
  /** The quote the visitor is booking from: its price is the booking's. */
  quote: { treeId: string; answers: Record<string, string | number>; price: number; summary: string } | null;
}

export interface HandoffState {
  intent: IntentId;
  /** The visitor's own words; null until asked. */
  message: string | null;
  /** Context for staff, in the team's language (a quote, a wanted booking). */
  summary: string | null;
  id: string | null;
}

/** What a prompt needs about a booking on show (its buttons), read fresh with the card. */
export interface BookingShown {
  id: string;
  serviceId: string;
  staffId: string;
  start: number;
  status: BookingFacts['status'];
  /** Epoch ms until which it may be moved or cancelled online. */
  changeableUntil: number;
}

export interface ManageState {
  /** Bookings made in this conversation: shown without a code. */
  made: string[];
  /** Bookings opened with a manage link in this conversation. */
  linked: string[];
  /** Customers whose bookings the visitor proved to own with a code. */
  customerIds: string[];
  verifiedAt: number | null;
  code: { requestId: string; sentTo: string } | null;
  /** The last lookup contact, masked (to resend a code without asking again). */
  lookup: { contact: ContactPoint } | null;
  shown: BookingShown[];
  moveList: SlotList | null;
  /** What a pending `loadBookings` is for: the list, a manage link's booking, or one booking (after a change, a pick). */
  loading: 'list' | 'link' | { bookingId: string } | null;
}

/**
 * Where a visitor goes on after passing an intent's questions (flows/after-qualify.ts): the step
 * that asked them, resumed as it was asked (plain JSON, kept in the state).
 */
export type QualifyThen =
  | { kind: 'quote' }
  | { kind: 'tree'; treeId: string; preset: Record<string, string> }
  | { kind: 'price'; serviceId: string }
  | { kind: 'handoff'; message: string | null };

/** The owner's qualification questions for one service or one intent, as answered so far (flows/qualify.ts). */
export interface QualifyState {
  /** The service whose questions these are; null for an intent's (`intent`). */
  serviceId: string | null;
  /** The intent whose questions these are (absent: a service's, as stored before intents had questions). */
  intent?: QualIntent | undefined;
  /** An intent's: what the visitor asked for, resumed once they pass. */
  then?: QualifyThen | undefined;
  /** The chosen answer's index for each question asked, in order. */
  picked: number[];
  /** null while asking; the result once every question is answered. */
  qualified: boolean | null;
  score: number;
  /** An answer marked "soon" (wants a time within 48 h) was chosen. */
  soon: boolean;
}

/** A waiting-list entry being made (flows/waitlist.ts). */
export interface WaitlistState {
  serviceId: string;
  /** null = anyone. */
  staffId: string | null;
  /** The day on show when the visitor asked ("only that day"), if any. */
  day: string | null;
  choice: { days: number } | { day: string } | null;
  part: 'any' | 'morning' | 'afternoon' | 'evening' | null;
}

export interface ConversationState {
  v: typeof STATE_VERSION;
  lang: Lang;
  step: Step;
  status: ConversationStatus;
  intent: IntentId | null;
  outcome: ConversationOutcome | null;
  contact: ConsentedContact | null;
  booking: BookingState | null;
  quote: QuoteState | null;
  handoff: HandoffState | null;
  manage: ManageState;
  /** Absent in states stored before qualification existed (same as null). */
  qualify?: QualifyState | null | undefined;
  /** Absent in states stored before the knowledge base: read as null. */
  question?: PendingQuestion | null | undefined;
  /** Absent in states written before the waiting list. */
  waitlist?: WaitlistState | null | undefined;
}

export function newState(lang: Lang): ConversationState {
  return {
    v: STATE_VERSION,
    lang,
    step: { at: 'menu' },
    status: 'bot',
    intent: null,
    outcome: null,
    contact: null,
    booking: null,
    quote: null,
    handoff: null,
    manage: { made: [], linked: [], customerIds: [], verifiedAt: null, code: null, lookup: null, shown: [], moveList: null, loading: null },
  };
}

/**
 * A stored state, or a fresh one at the menu when it is of another version (a deploy changed the
 * shape): the transcript stays, only the step in progress is lost. Bookings made and the
 * consented contact survive a version change in their own columns (bookings, leads).
 */
export function readState(stored: unknown, lang: Lang): ConversationState {
  const s = stored as (Partial<ConversationState> & { prompt?: unknown }) | null;
  if (!s || s.v !== STATE_VERSION) return newState(lang);
  // The stored JSON also carries the last rendered prompt for readers without the engine (push streams).
  const { prompt: _rendered, ...state } = s;
  return state as ConversationState;
}
