/**
 * Recording what happened, for the KPI dashboard (services/console/kpis.ts reads it with SQL).
 * Call inside the transaction of the change being recorded, so an event exists exactly when
 * its change committed. Outbound webhooks of the event are written here too, in the same transaction.
 */
import type { BookingChannel, ConversationChannel, EventKind } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import type { Db } from '../adapters/db/client.js';
import { events, type bookings } from '../adapters/db/schema.js';
import { enqueueWebhooks } from './webhooks/enqueue.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface EventInput {
  businessId: string;
  kind: EventKind;
  at: Date;
  siteId?: string | null | undefined;
  conversationId?: string | null | undefined;
  channel?: BookingChannel | ConversationChannel | undefined;
  intent?: string | null | undefined;
  bookingId?: string | null | undefined;
  handoffId?: string | null | undefined;
  valueMs?: number | null | undefined;
  meta?: Record<string, unknown> | undefined;
}

/** The `events` row of an event (pure: the booking store writes it inside its own statement). */
export function eventRow(e: EventInput): typeof events.$inferInsert & { id: string } {
  return {
    id: randomUUID(),
    businessId: e.businessId,
    kind: e.kind,
    at: e.at,
    siteId: e.siteId ?? null,
    conversationId: e.conversationId ?? null,
    channel: e.channel ?? 'widget',
    intent: e.intent ?? null,
    bookingId: e.bookingId ?? null,
    handoffId: e.handoffId ?? null,
    valueMs: e.valueMs ?? null,
    meta: e.meta ?? null,
  };
}

export async function recordEvent(db: Db | Tx, e: EventInput): Promise<void> {
  await db.insert(events).values(eventRow(e));
  // The business's webhooks for this event commit with it (services/webhooks/enqueue.ts).
  await enqueueWebhooks(db, e);
}

type BookingRow = typeof bookings.$inferSelect;

/**
 * The event of something that happened to a booking, tied to the booking's site, conversation
 * and channel, so the dashboard can follow a conversation from first message to visit.
 */
export function bookingEvent(b: BookingRow, kind: EventKind, at: Date, meta?: Record<string, unknown>): EventInput {
  return { businessId: b.businessId, kind, at, siteId: b.siteId, conversationId: b.conversationId, channel: b.channel, bookingId: b.id, meta };
}
