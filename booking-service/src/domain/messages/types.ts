/** What a message is about, as plain data: the templates never touch the database or the clock. */
import type { Lang } from '@frontdesk/shared';

/** @deprecated import `Lang` from '@frontdesk/shared' (kept while other branches land) */
export type { Lang };

export type VisitorMessageKind =
  | 'booking_confirmed'
  | 'booking_rescheduled'
  | 'booking_cancelled'
  | 'reminder'
  | 'no_show_followup'
  | 'feedback_request';

export type StaffMessageKind = 'staff_new_booking' | 'staff_rescheduled' | 'staff_cancelled' | 'staff_handoff';

export type MessageKind = VisitorMessageKind | StaffMessageKind;

export const STAFF_KINDS: readonly StaffMessageKind[] = ['staff_new_booking', 'staff_rescheduled', 'staff_cancelled', 'staff_handoff'];

export interface BusinessFacts {
  name: string;
  address: string;
  phone: string | null;
  timeZone: string;
}

export interface BookingFacts {
  serviceName: string;
  staffName: string;
  customerName: string | null;
  /** Phone and/or e-mail, for staff. */
  customerContact: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** Epoch ms of the start before the latest reschedule (reschedule messages). */
  previousStart: number | null;
  /** Online changes allowed until this instant (epoch ms). */
  changeDeadline: number;
  note: string | null;
  whatToBring: string | null;
  cancelReason: string | null;
  /** The agreed price, formatted ("4 500 ₽ (Hair length: Long)"); absent on bookings made before prices were kept. */
  price?: string | null | undefined;
}

export interface HandoffFacts {
  contactName: string;
  contact: string;
  message: string;
  summary: string | null;
  /** Epoch ms. */
  replyBy: number;
}

export interface MessageLinks {
  manage?: string;
  ics?: string;
  confirm?: string;
  reschedule?: string;
  rebook?: string;
  /** "Get reminders in Telegram": the bot's deep link with a single-use start token (confirmations, when the business has Telegram). */
  telegram?: string | undefined;
  /** Re-confirmation: where "Cancel" leads (the manage page). */
  cancel?: string;
}

export interface MessageInput {
  kind: MessageKind;
  lang: Lang;
  business: BusinessFacts;
  booking?: BookingFacts;
  handoff?: HandoffFacts;
  links: MessageLinks;
  /** A reminder phrased as a re-confirmation request (domain/booking/reconfirm.ts). */
  reconfirm?: boolean;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}
