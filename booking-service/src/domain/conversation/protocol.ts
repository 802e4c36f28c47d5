/**
 * The conversation protocol: what every channel (the web widget now; Telegram, WhatsApp, SMS
 * next) exchanges with the ONE conversation engine on the server. Types only.
 *
 * Shape (Elm-like): the channel sends the visitor's `VisitorEvent`; the server runs the engine
 * `(state, event) → (state, effects)`, carries out the effects (find slots, hold, confirm,
 * quote, hand-off…) through the services, appends the resulting messages to the transcript and
 * answers with the new `TranscriptMessage`s plus the one `Prompt` that says what the visitor can
 * do next. Channels only render; no flow logic lives in a channel.
 *
 * Words: `text` is already in the conversation's language (rendered on the server from one
 * message table, so every channel says the same thing). Channels add only their own chrome
 * (button captions such as "Send", field labels, error hints).
 *
 * Instants are ISO-8601 UTC strings; calendar days are business-local 'YYYY-MM-DD'.
 * The widget imports this file as types only (like `AppRouter`).
 */
import type { ConversationChannel, IntentId, Lang } from '@frontdesk/shared';

// Re-exported: the protocol is read as one file by every channel.
export type { ConversationChannel, IntentId, Lang };

/** Where the conversation is: the bot drives it, or a person has been asked / is answering. */
export type ConversationStatus = 'bot' | 'waiting' | 'live' | 'closed';

/** How the conversation ended, for the lead and the KPIs (AHT = time to the first outcome). */
export type ConversationOutcome = 'booked' | 'handed_off' | 'lost' | 'not_interested';

/** One message of the transcript, as every channel and the console see it. */
export interface TranscriptMessage {
  /** 1, 2, 3… per conversation; the resume / Last-Event-ID cursor. */
  seq: number;
  at: string;
  from: 'bot' | 'visitor' | 'staff' | 'system';
  /** Plain text, never HTML; may be empty when `card` says it all. */
  text: string;
  /** Staff replies: the person's display name. */
  author?: string | undefined;
  card?: Card | undefined;
}

/** Amounts are in the currency's major unit (roubles, drams, dollars). */
export type PriceView =
  | { kind: 'fixed'; amount: number; currency: string }
  | { kind: 'range'; min: number; max: number; currency: string };

/** The agreed price of a booking as stored with it (issue 11's snapshot), already formatted too. */
export interface AgreedPrice {
  price: PriceView;
  /** e.g. "Colouring · long hair · with toning", in the conversation's language. */
  summary: string | null;
  /** The same, formatted for the visitor: "4 500 ₽" or "4 000–6 000 ₽". */
  display: string;
}

export type Card =
  | {
      kind: 'booking';
      bookingId: string;
      status: 'confirmed' | 'cancelled' | 'attended' | 'no_show';
      start: string;
      end: string;
      timeZone: string;
      /** The zone in words: "Eastern Time", "время московское" (absent on cards stored before it). */
      zoneName?: string | undefined;
      serviceName: string;
      staffName: string;
      address: string;
      whatToBring: string | null;
      price: AgreedPrice | null;
      /** Until when the visitor may cancel or move online. */
      changeableUntil: string | null;
      /** Links a channel can open: .ics download and the manage page (tokens inside). */
      icsUrl: string;
      manageUrl: string;
      /**
       * "Get reminders in Telegram": a t.me deep link with a single-use start token, on the card
       * of a booking just made in the widget when the business has Telegram (absent otherwise).
       */
      telegramUrl?: string | undefined;
    }
  | {
      kind: 'quote';
      treeId: string;
      /** A range first, then (after the clarifying answer) the final price. */
      stage: 'range' | 'final';
      price: AgreedPrice;
      factors: string[];
      serviceId: string | null;
    }
  | {
      kind: 'handoff';
      handoffId: string;
      /** When the visitor can expect a person's answer (working hours counted). */
      expectedReplyBy: string;
      withinOpeningHours: boolean;
    };

/**
 * The intent menu's option ids. Every other option id is opaque to a channel, but these are
 * fixed: a channel renders the greeting and menu locally (no network wait) and its first turn is
 * `{ type: 'choose', optionId: 'intent:book' }`. They are accepted at any point of the
 * conversation (like the menu itself).
 */
export type IntentOptionId = `intent:${IntentId}`;

export interface Option {
  /** Opaque to the channel (except `IntentOptionId`); sent back in `{ type: 'choose', optionId }`. */
  id: string;
  label: string;
  /** A secondary line, e.g. a service's price and duration. */
  detail?: string | undefined;
}

export interface SlotOption {
  /** The option id to send back when chosen. */
  id: string;
  start: string;
  end: string;
  staffName: string | null;
}

export interface DayOption {
  /** Business-local day. */
  date: string;
  /** Only days with free times are offered (issue 14). */
  free: boolean;
}

/**
 * Secondary quick replies shown with a prompt that is not itself a list of choices ("Change
 * time" beside the contact form, "Nearest times" beside a day's slots, "Send a new code"):
 * sent back as `{ type: 'choose', optionId }` like any option.
 */
export type Actions = Option[] | undefined;

/** What the visitor can do now: the input a channel shows under the transcript. */
export type Prompt =
  /** Free text only (also the live chat with a person). */
  | { kind: 'text'; placeholder?: string | undefined; actions?: Actions }
  /** The intent menu (greeting) or any list of quick replies; free text is always allowed too. */
  | { kind: 'choice'; options: Option[]; menu: boolean }
  | {
      kind: 'slots';
      timeZone: string;
      /** The zone in words, as the e-mails and pages say it: "Eastern Time", "время московское". */
      zoneName: string;
      /** The day shown (null = the nearest free times across days). */
      day: string | null;
      slots: SlotOption[];
      /** A "show more times" option exists. */
      more: boolean;
      days: DayOption[];
      /** "Next free day: …" when the shown day has none. */
      nextFreeDay: string | null;
      actions?: Actions;
    }
  | { kind: 'number'; min: number; max: number; step: number; unit?: string | undefined; actions?: Actions }
  /**
   * Contact details (booking confirmation, hand-off). `contact` is one field taking a phone or an
   * e-mail; `consent.required` is true wherever the law needs an explicit tick (always for storing
   * contact details here). Field errors come back as `errors` keyed by field. "My booking" asks
   * for the phone or e-mail to look bookings up with `fields: ['contact']` and
   * `consent.required: false` (nothing is stored; a code is sent).
   */
  | {
      kind: 'contact';
      fields: Array<'name' | 'contact' | 'message'>;
      consent: { required: boolean; text: string };
      submit: string;
      /** Prefilled from the conversation once the visitor consented earlier. */
      values?: { name?: string; contact?: string } | undefined;
      errors?: Partial<Record<'name' | 'contact' | 'message' | 'consent', string>> | undefined;
      actions?: Actions;
    }
  /** A one-time code (my booking anywhere). `sentTo` is masked ("a•••@example.com"). */
  | { kind: 'code'; length: number; sentTo: string; error?: string | undefined; actions?: Actions }
  /** A yes/no question asked inside the chat (e.g. "Cancel this booking?"). */
  | { kind: 'confirm'; question: string; yes: Option; no: Option };

/** What a channel sends for the visitor. */
export type VisitorEvent =
  | { type: 'choose'; optionId: string }
  /** At most 5000 characters (the API answers BAD_REQUEST naming the limit beyond that). */
  | { type: 'text'; text: string }
  | { type: 'number'; value: number }
  | { type: 'day'; date: string }
  | { type: 'more' }
  | { type: 'contact'; name?: string | undefined; contact?: string | undefined; message?: string | undefined; consent: boolean }
  | { type: 'code'; code: string }
  /** Back to the intent menu from anywhere. */
  | { type: 'menu' }
  /** The language switcher: the server re-renders the current prompt in `lang`. */
  | { type: 'lang'; lang: Lang }
  /** Start a flow directly (the JS API's startBooking, a manage link, a deep link). */
  | { type: 'start'; flow: 'book'; serviceId?: string | undefined }
  | { type: 'start'; flow: 'manage'; manageToken: string };

/** Where the visitor came from: kept on the conversation and its lead. */
export interface ConversationSource {
  url?: string | undefined;
  referrer?: string | undefined;
  utm?: Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>> | undefined;
}

/** The answer to every turn and to a resume: the messages after `after`, and the prompt now. */
export interface ConversationView {
  conversationId: string;
  /** Secret proving the caller owns the conversation; the widget keeps it in first-party storage. */
  token: string;
  lang: Lang;
  status: ConversationStatus;
  messages: TranscriptMessage[];
  /** The last seq the server holds (the client's next `after`). */
  seq: number;
  prompt: Prompt;
  /** A person has answered / is answering: the channel shows "live" state. */
  live: boolean;
  /**
   * The conversation no longer exists (the visitor had their data deleted in this turn): the
   * channel shows these last messages, forgets the id and token, and starts a new one next time.
   */
  ended?: true | undefined;
}

/**
 * Pushed to a connected channel (SSE on the widget; the same frames feed the console). The SSE
 * event id is `seq`, so EventSource's Last-Event-ID resumes without loss or duplicates.
 */
export type ConversationPush =
  | { type: 'messages'; messages: TranscriptMessage[]; seq: number; prompt: Prompt; status: ConversationStatus }
  | { type: 'typing'; from: 'staff' | 'visitor'; until: string };
