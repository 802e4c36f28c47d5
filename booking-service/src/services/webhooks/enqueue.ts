/**
 * Turning a recorded event into webhook deliveries, in the transaction of the change: for every
 * active endpoint of the business subscribed to the event's type, one `webhook_deliveries` row
 * (its id is the stable webhook-id) and one `webhook.deliver` job. Called by recordEvent, so
 * every place that records an event sends its webhooks without knowing about them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { bookings, customers, handoffs, leads, webhookDeliveries, webhookEndpoints } from '../../adapters/db/schema.js';
import { enqueue, type NewJob } from '../../adapters/job-queue/queue.js';
import type { EventInput } from '../events.js';
import { toApiBooking, type BookingWithCustomer } from '../integrations/booking-json.js';
import { WEBHOOK_TYPE_OF, type WebhookEventType } from './event-types.js';

/** Retries go on for a day and an hour after the event (the issue: at least 24 h). */
export const RETRY_WINDOW_MS = 25 * 3_600_000;
export const DELIVER_JOB = 'webhook.deliver';
/** The job never gives up on its own: the handler stops at retry_until (deliver.ts). */
const JOB_MAX_ATTEMPTS = 1_000;

/** An active endpoint of the business and the event types it subscribed to. */
export type EndpointSubscription = { id: string; events: readonly string[] };

/** `known`: the business's active endpoints when the caller read them already (services/events.ts reads them with the event's INSERT). */
export async function enqueueWebhooks(db: Queryable, e: EventInput, known?: readonly EndpointSubscription[]): Promise<void> {
  const type = WEBHOOK_TYPE_OF[e.kind];
  if (!type) return;
  const endpoints = known ?? await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.businessId, e.businessId), eq(webhookEndpoints.active, true)));
  if (!endpoints.some((ep) => ep.events.includes(type))) return;
  const data = await dataOf(db, type, e);
  if (!data) return;
  for (const d of plannedDeliveries(endpoints, e, data)) await insertPlanned(db, d);
}

export type DeliveryRow = typeof webhookDeliveries.$inferInsert & { id: string };
export interface PlannedDelivery {
  delivery: DeliveryRow;
  job: NewJob;
}

/**
 * The deliveries of one event, given the endpoints and the event's `data` (pure: the booking store
 * writes them in its own statement). None when the event has no webhook type or nobody subscribed.
 */
export function plannedDeliveries(endpoints: readonly EndpointSubscription[], e: EventInput, data: Record<string, unknown>): PlannedDelivery[] {
  const type = WEBHOOK_TYPE_OF[e.kind];
  if (!type) return [];
  const orderKey = e.bookingId ?? e.handoffId ?? (typeof e.meta?.leadId === 'string' ? e.meta.leadId : null) ?? e.conversationId ?? null;
  return endpoints
    .filter((ep) => ep.events.includes(type))
    .map((ep) => plannedDelivery({ businessId: e.businessId, endpointId: ep.id, type, data, orderKey, at: e.at, bookingId: e.bookingId ?? null }));
}

/** The `data` of a booking event whose row and customer the caller already has (no read). */
export function bookingEventData(e: EventInput, booking: BookingWithCustomer): Record<string, unknown> {
  return { businessId: e.businessId, siteId: e.siteId ?? null, conversationId: e.conversationId ?? null, channel: e.channel ?? 'widget', booking: toApiBooking(booking), ...(e.meta?.by ? { by: e.meta.by } : {}) };
}

type DeliveryInput = { businessId: string; endpointId: string; type: string; data: Record<string, unknown>; orderKey: string | null; at: Date; bookingId?: string | null };

function plannedDelivery(d: DeliveryInput): PlannedDelivery {
  const id = `msg_${randomUUID().replace(/-/g, '')}`;
  return {
    delivery: {
      id,
      businessId: d.businessId,
      endpointId: d.endpointId,
      eventType: d.type,
      orderKey: d.orderKey,
      payload: { type: d.type, timestamp: d.at.toISOString(), data: d.data },
      retryUntil: new Date(d.at.getTime() + RETRY_WINDOW_MS),
      nextAttemptAt: d.at,
      createdAt: d.at,
    },
    job: { kind: DELIVER_JOB, payload: { deliveryId: id }, runAt: d.at, bookingId: d.bookingId ?? null, maxAttempts: JOB_MAX_ATTEMPTS },
  };
}

async function insertPlanned(db: Queryable, { delivery, job }: PlannedDelivery): Promise<string> {
  await db.insert(webhookDeliveries).values(delivery);
  await enqueue(db, job);
  return delivery.id;
}

export async function insertDelivery(db: Queryable, d: DeliveryInput): Promise<string> {
  return insertPlanned(db, plannedDelivery(d));
}

/** The `data` of each event type: the subject as the REST API shows it, plus what happened. */
async function dataOf(db: Queryable, type: WebhookEventType, e: EventInput): Promise<Record<string, unknown> | null> {
  const base = { businessId: e.businessId, siteId: e.siteId ?? null, conversationId: e.conversationId ?? null, channel: e.channel ?? 'widget' };
  if (type.startsWith('booking.')) {
    if (!e.bookingId) return null;
    const [row] = await db.select({ b: bookings, c: customers }).from(bookings).leftJoin(customers, eq(customers.id, bookings.customerId)).where(eq(bookings.id, e.bookingId));
    return row ? bookingEventData(e, row) : null;
  }
  if (type.startsWith('handoff.')) {
    if (!e.handoffId) return null;
    const [h] = await db.select().from(handoffs).where(eq(handoffs.id, e.handoffId));
    if (!h) return null;
    return {
      ...base,
      handoff: {
        id: h.id,
        status: h.status,
        message: h.message,
        contact: { name: h.contactName, phone: h.contactPhone, email: h.contactEmail },
        lang: h.lang,
        intent: h.intent,
        summary: h.summary,
        temperature: h.temperature,
        score: h.score,
        expectedReplyBy: h.expectedReplyBy.toISOString(),
        firstReplyAt: h.firstReplyAt?.toISOString() ?? null,
        createdAt: h.createdAt.toISOString(),
      },
    };
  }
  if (type.startsWith('lead.')) {
    const leadId = typeof e.meta?.leadId === 'string' ? e.meta.leadId : null;
    if (!leadId) return null;
    const [l] = await db.select().from(leads).where(eq(leads.id, leadId));
    if (!l) return null;
    return {
      ...base,
      lead: {
        id: l.id,
        conversationId: l.conversationId,
        customerId: l.customerId,
        name: l.name,
        phone: l.phone,
        email: l.email,
        lang: l.lang,
        channel: l.channel,
        source: l.source,
        intent: l.intent,
        quote: l.quote,
        score: l.score,
        temperature: l.temperature,
        outcome: l.outcome,
        createdAt: l.createdAt.toISOString(),
        updatedAt: l.updatedAt.toISOString(),
      },
      ...(Array.isArray(e.meta?.fields) ? { changed: e.meta.fields } : {}),
      ...(e.bookingId ? { bookingId: e.bookingId } : {}),
    };
  }
  // quote.given: what was quoted.
  return { ...base, intent: e.intent ?? null, quote: e.meta ?? {} };
}
