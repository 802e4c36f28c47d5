/**
 * The I/O the engine asks for and what comes back. The engine never performs any of it: a step
 * returns one `Effect`, the conversation service carries it out through the booking, quote,
 * hand-off and code services, and resumes the engine with the `EffectResult`.
 * Instants are epoch ms; days are business-local 'YYYY-MM-DD'.
 */
import type { Lang } from '../messages/types.js';
import type { ContactPoint } from './contact.js';
import type { Price } from './words/format.js';

export interface SlotRef {
  start: number;
  end: number;
  staffId: string;
}

export type Effect =
  | { kind: 'findSlots'; serviceId: string; staffId: string | null; from: string; days: number; excludeBookingId?: string | undefined }
  | { kind: 'hold'; serviceId: string; /** null = whoever is free then */ staffId: string | null; start: number; quote?: { treeId: string; answers: Record<string, string | number> } | undefined }
  /** `customerIds`: customers the visitor proved to be with a code; one whose contact matches is reused. */
  /** "Change time": the hold is given up at once, not left to lapse. */
  | { kind: 'release'; holdToken: string }
  | { kind: 'confirm'; holdToken: string; name: string; contact: ContactPoint; lang: Lang; customerIds: string[] }
  | {
      kind: 'handoff'; message: string; name: string; contact: ContactPoint; intent: string; summary: string | null; lang: Lang;
      /** The result of the owner's qualification questions, when they were answered (sets how warm the lead is). */
      qualification?: { qualified: boolean; soon: boolean } | undefined;
    }
  | { kind: 'sendCode'; contact: ContactPoint; lang: Lang }
  | { kind: 'verifyCode'; requestId: string; code: string }
  | { kind: 'loadBookings'; by: { customerIds: string[] } | { bookingIds: string[] } | { manageToken: string } }
  | { kind: 'reschedule'; bookingId: string; start: number }
  | { kind: 'cancel'; bookingId: string }
  /** "Delete my data" confirmed in the chat: this conversation's person is erased (services/privacy). */
  | { kind: 'erase' }
  /**
   * A question searched in the owner's knowledge base (services/knowledge). `record`: when nothing
   * answers it, it is kept for the owner's "unanswered questions" list (not for a stray word
   * typed in the middle of a booking).
   */
  | { kind: 'searchKnowledge'; text: string; lang: Lang; record: boolean }
  /** The waiting list (services/waitlist/join.ts): days are business-local, staffId null = anyone. */
  | { kind: 'joinWaitlist'; serviceId: string; staffId: string | null; fromDay: string; toDay: string; part: 'any' | 'morning' | 'afternoon' | 'evening'; name: string; contact: ContactPoint; lang: Lang }
  /** Text neither the engine nor the knowledge base answered, for the optional AI assistant (services/assistant). */
  | { kind: 'askAssistant'; text: string; lang: Lang };

export type EffectKind = Effect['kind'];

/** A booking as it is now in the database (never from the conversation's memory). */
export interface BookingFacts {
  id: string;
  status: 'confirmed' | 'cancelled' | 'attended' | 'no_show';
  start: number;
  end: number;
  serviceId: string;
  staffId: string;
  staffName: string;
  /** Signed manage token: the card's manage and calendar links. */
  manageToken: string;
  /** The agreed price stored with the booking, when there is one (else the service's price list). */
  price: Price | null;
  priceSummary: string | null;
  /** "Get reminders in Telegram" (the card's telegramUrl): only on a booking just made in the widget. */
  telegramUrl?: string | undefined;
}

type Failed = { ok: false; reason: 'error' };

/** Not free because the business is closed that day or not open then (absent: someone has the time). */
export type ClosedWhy = 'closed' | 'outside_hours';

export type EffectResult =
  | { kind: 'findSlots'; ok: true; slots: SlotRef[] }
  | ({ kind: 'findSlots' } & Failed)
  | { kind: 'hold'; ok: true; holdToken: string; expiresAt: number; staffId: string }
  | { kind: 'hold'; ok: false; reason: 'taken'; alternatives: SlotRef[]; why?: ClosedWhy | undefined }
  | ({ kind: 'hold' } & Failed)
  | { kind: 'release'; ok: boolean }
  | ({ kind: 'release' } & Failed)
  | { kind: 'confirm'; ok: true; booking: BookingFacts; customerId: string | null }
  | { kind: 'confirm'; ok: false; reason: 'taken'; alternatives: SlotRef[] }
  | { kind: 'confirm'; ok: false; reason: 'expired' }
  /** The owner closed the day (or changed the hours) since the hold: the hold lapsed. */
  | { kind: 'confirm'; ok: false; reason: 'closed'; why: ClosedWhy }
  | { kind: 'confirm'; ok: false; reason: 'invalid'; fields: Array<'name' | 'contact'> }
  | ({ kind: 'confirm' } & Failed)
  | { kind: 'handoff'; ok: true; id: string; expectedReplyBy: number; withinOpeningHours: boolean }
  | ({ kind: 'handoff' } & Failed)
  /** `sentTo` is masked; "sent" is also the answer when nothing matched (no enumeration). */
  | { kind: 'sendCode'; ok: true; requestId: string; sentTo: string; ttlMin: number }
  | { kind: 'sendCode'; ok: false; reason: 'no_email' }
  | { kind: 'sendCode'; ok: false; reason: 'limited'; retryAfterMin: number }
  | ({ kind: 'sendCode' } & Failed)
  | { kind: 'verifyCode'; ok: true; customerIds: string[] }
  | { kind: 'verifyCode'; ok: false; reason: 'wrong'; attemptsLeft: number }
  | { kind: 'verifyCode'; ok: false; reason: 'expired' }
  | ({ kind: 'verifyCode' } & Failed)
  | { kind: 'loadBookings'; ok: true; bookings: BookingFacts[] }
  | { kind: 'loadBookings'; ok: false; reason: 'link_invalid' }
  | ({ kind: 'loadBookings' } & Failed)
  | { kind: 'reschedule'; ok: true; booking: BookingFacts }
  | { kind: 'reschedule'; ok: false; reason: 'taken'; alternatives: SlotRef[]; why?: ClosedWhy | undefined }
  | { kind: 'reschedule'; ok: false; reason: 'not_active'; status: BookingFacts['status'] }
  | { kind: 'reschedule'; ok: false; reason: 'too_late'; deadline: number }
  | ({ kind: 'reschedule' } & Failed)
  | { kind: 'cancel'; ok: true; booking: BookingFacts }
  | { kind: 'cancel'; ok: false; reason: 'not_active'; status: BookingFacts['status'] }
  | { kind: 'cancel'; ok: false; reason: 'too_late'; deadline: number }
  | ({ kind: 'cancel' } & Failed)
  | { kind: 'joinWaitlist'; ok: true; entryId: string }
  | ({ kind: 'joinWaitlist' } & Failed)
  | { kind: 'erase'; ok: true }
  | ({ kind: 'erase' } & Failed)
  /** The best entry above the relevance threshold, or null. */
  | { kind: 'searchKnowledge'; ok: true; hit: KnowledgeHit | null }
  | ({ kind: 'searchKnowledge' } & Failed)
  /** A reply that passed the guardrails, and/or a step for the engine to take; not ok = answer as without AI. */
  | { kind: 'askAssistant'; ok: true; reply: string | null; action: AssistantAction | null; serviceId: string | null }
  | { kind: 'askAssistant'; ok: false; reason: 'cap' | 'timeout' | 'loop' | 'unsafe' | 'error' };

/** What the assistant's tools hand back to the engine: its own flows do the rest (booking, hand-off, my booking). */
export type AssistantAction = { kind: 'book'; serviceId: string } | { kind: 'handoff' } | { kind: 'my_booking' };

/** An owner's knowledge-base entry that answers a question. */
export interface KnowledgeHit {
  entryId: string;
  answer: string;
  /** The service the entry is about (the chat offers to book it). */
  serviceId: string | null;
}

export type ResultOf<K extends EffectKind> = Extract<EffectResult, { kind: K }>;
