/**
 * The words the service, the widget and the console share about bookings, conversations and
 * what happened. Types (and their value lists where code needs to iterate them), not storage:
 * the database schema imports these, it does not define them.
 */

/** A booking row's life: a hold becomes confirmed, then cancelled, attended or a no-show. */
export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'attended' | 'no_show';

/**
 * Where a booking or an event came from: the visitor's widget, a phone call staff typed in, the
 * console, or the REST API (a business's CRM or integration, /api/v1).
 */
export type BookingChannel = 'widget' | 'phone' | 'console' | 'api';

/** Every channel a conversation can run on (the console filters its inbox by these). */
export const CONVERSATION_CHANNELS = ['widget', 'telegram', 'whatsapp', 'sms', 'email'] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

/** The widget's menu entries, in display order. */
export const INTENT_IDS = ['prices', 'book', 'human', 'my_booking', 'other'] as const;
export type IntentId = (typeof INTENT_IDS)[number];

/** Console accounts: an owner manages the business, staff see their own work. */
export type Role = 'owner' | 'staff';

/** How staff closed a hand-off. */
export type HandoffOutcome = 'booked' | 'not_interested' | 'spam';

/** How close a lead is to booking, as the console shows it. */
export type LeadTemperature = 'hot' | 'warm' | 'cold';

/** What the append-only events table records (the KPI dashboard counts these). */
export type EventKind =
  /** A booking message went by a later channel of the client's route (meta: message, failed, sentBy; issue 16). */
  | 'notice_fallback'
  /** A booking message could not go by any channel of the route (meta: message, tried); e-mail, when known, is the copy. */
  | 'notice_failed'
  | 'widget_opened'
  | 'intent_chosen'
  | 'bot_reply'
  | 'quote_given'
  | 'booking_made'
  | 'handoff_requested'
  | 'first_human_reply'
  | 'attended'
  | 'no_show'
  /** Staff undid an attended/no-show mark (the booking is confirmed again). */
  | 'attendance_undone'
  | 'rescheduled'
  | 'cancelled'
  /** A conversation left a consented contact: a lead exists (booking-service services/conversation/leads.ts). */
  | 'lead_created'
  /** The lead's contact, intent, quote, outcome or linked booking changed (meta.fields says which). */
  | 'lead_updated'
  /** A conversation reached an outcome (meta.outcome); valueMs = time since it started. */
  | 'conversation_outcome'
  /** A waiting-list person booked the freed time offered to them (booking-service services/waitlist/). */
  | 'waitlist.filled';

/** A local working interval, 'HH:MM'–'HH:MM' ('24:00' may end it). */
export interface TimeRange {
  start: string;
  end: string;
}

/** ISO weekday ('1' = Monday … '7' = Sunday) → local working intervals; a missing day is closed. */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', TimeRange[]>>;
