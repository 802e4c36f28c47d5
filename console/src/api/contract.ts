/**
 * The shapes the console renders, as /work/notes/console-api.md states them. api.ts returns
 * these from the router's inferred outputs, so tsc reports any drift between the contract and
 * the server in that one file instead of across every page.
 */
import type { QuoteTree } from '../../../booking-service/src/domain/quote/quote-tree-schema.js';
import type { QuoteEvaluation } from '../../../booking-service/src/domain/quote/evaluate-quote.js';

export type { QuoteTree, QuoteEvaluation };
export type Lang = 'ru' | 'hy' | 'en';
export type Localized = { ru?: string | undefined; hy?: string | undefined; en?: string | undefined };
export type Interval = { start: string; end: string };
/** ISO weekday ("1" = Monday) → working intervals in local "HH:MM". */
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Interval[]>>;
export type Role = 'owner' | 'staff';

export interface Me {
  user: { id: string; email: string; name: string; role: Role; lang: string; staffId: string | null };
  business: { id: string; name: string; timeZone: string; currency: string; languages: string[]; defaultLang: string };
  csrfToken: string;
}

export interface Business {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  timeZone: string;
  languages: string[];
  defaultLang: string;
  currency: string;
  brandColor: string;
  minNoticeMin: number;
  horizonDays: number;
  slotStepMin: number;
  cancellationWindowMin: number;
  reminderLeadsMin: number[];
  feedbackEnabled: boolean;
  notifyEmail: string | null;
  /** The business's opening hours: the inbox SLA clocks run only inside them. */
  openingHours: WeeklyHours;
}

export interface Service {
  id: string;
  names: Localized;
  descriptions: Localized | null;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  priceMin: number;
  priceMax: number | null;
  active: boolean;
  staffIds: string[];
}

export interface StaffMember {
  id: string;
  name: string;
  timeZone: string | null;
  weeklyHours: WeeklyHours;
  active: boolean;
  daysOff: string[];
  account: null | { email: string; role: Role; invited: boolean };
}

/** The widget's menu entries (booking-service WidgetConfigJson['intents']), in display order. */
export const INTENT_IDS = ['prices', 'book', 'human', 'my_booking', 'other'] as const;
export type IntentId = (typeof INTENT_IDS)[number];
/** No label: the widget's own wording in the visitor's language. */
export type Intent = { id: IntentId; label?: Localized | undefined };

export interface Site {
  id: string;
  siteKey: string;
  allowedOrigins: string[];
  widget: { color: string; position: 'right' | 'left'; greeting: Localized; intents: Intent[] };
  snippet: string;
  previewUrl: string;
}

export type BookingStatus = string;
export interface CalendarBooking {
  id: string;
  staffId: string;
  serviceId: string;
  serviceName: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  customer: { name: string; phone: string | null; email: string | null };
  note: string | null;
  channel: string;
}
export interface CalendarData {
  staff: { id: string; name: string }[];
  bookings: CalendarBooking[];
  busy: { staffId: string; startsAt: string; endsAt: string; source: string }[];
}

export type Temperature = 'hot' | 'warm' | 'cold';
export type Outcome = 'booked' | 'not_interested' | 'spam';
export interface InboxItem {
  id: string;
  createdAt: string;
  contact: { name: string | null; phone: string | null; email: string | null };
  message: string | null;
  summary: string | null;
  intent: string | null;
  lang: string | null;
  score: number | null;
  temperature: Temperature;
  status: string;
  claimedBy: { id: string; name: string } | null;
  firstReplyAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  sla: { dueAt: string; breached: boolean; escalated: boolean; remainingMs: number; paused: boolean };
}
export interface InboxList {
  items: InboxItem[];
  serverNow: string;
  pollMs: number;
}
export interface InboxDetail extends InboxItem {
  replies: { id: string; body: string; createdAt: string; user: { id: string; name: string } | null }[];
}

export interface Kpis {
  firstResponseBot: { medianMs: number | null; p90Ms: number | null };
  firstResponseHuman: { medianMs: number | null; p90Ms: number | null };
  slaPercent: number | null;
  leadToBooking: number | null;
  quoteToBooking: number | null;
  bookings: number;
  noShowRate: number | null;
  rescheduleRate: number | null;
  cancellationRate: number | null;
  handoffs: number;
  conversations: number;
}
export interface Dashboard {
  current: Kpis;
  previous: Kpis;
  bookingsPerWeek: { weekStart: string; count: number }[];
  byIntent: { intent: string; conversations: number; bookings: number; conversion: number | null }[];
  byChannel: { channel: string; bookings: number }[];
}

export interface GoogleStatus {
  configured: boolean;
  demo: boolean;
  connection: null | {
    status: 'ok' | 'broken';
    brokenReason: string | null;
    busyCalendarIds: string[];
    bookingCalendarId: string | null;
    calendars: { id: string; summary: string; primary: boolean }[];
  };
  feedUrl: string | null;
}
