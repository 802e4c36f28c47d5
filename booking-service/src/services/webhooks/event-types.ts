/**
 * The webhook event types a business can subscribe to, and which recorded event (services/events.ts,
 * the `events` table) each one reports. Pure data: the console lists these, the API documents them.
 */
import type { EventKind } from '@frontdesk/shared';

export const WEBHOOK_EVENT_TYPES = [
  'booking.created',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.attended',
  'booking.no_show',
  'handoff.requested',
  'handoff.replied',
  'lead.created',
  'lead.updated',
  'quote.given',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The recorded event kind → the webhook event type it is sent as (kinds not listed are not sent). */
export const WEBHOOK_TYPE_OF: Partial<Record<EventKind, WebhookEventType>> = {
  booking_made: 'booking.created',
  rescheduled: 'booking.rescheduled',
  cancelled: 'booking.cancelled',
  attended: 'booking.attended',
  no_show: 'booking.no_show',
  handoff_requested: 'handoff.requested',
  first_human_reply: 'handoff.replied',
  lead_created: 'lead.created',
  lead_updated: 'lead.updated',
  quote_given: 'quote.given',
};

/** Sent by the console's "send test event" button only. */
export const TEST_EVENT_TYPE = 'webhook.test';
