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
import { enqueue } from '../../adapters/job-queue/queue.js';
import type { EventInput } from '../events.js';
import { toApiBooking } from '../integrations/booking-json.js';
import { WEBHOOK_TYPE_OF, type WebhookEventType } from './event-types.js';

/** Retries go on for a day and an hour after the event (the issue: at least 24 h). */
export const RETRY_WINDOW_MS = 25 * 3_600_000;
export const DELIVER_JOB = 'webhook.deliver';
/** The job never gives up on its own: the handler stops at retry_until (deliver.ts). */
const JOB_MAX_ATTEMPTS = 1_000;

export async function enqueueWebhooks(db: Queryable, e: EventInput): Promise<void> {
  const type = WEBHOOK_TYPE_OF[e.kind];
  if (!type) return;
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.businessId, e.businessId), eq(webhookEndpoints.active, true)));
  const wanted = endpoints.filter((ep) => ep.events.includes(type));
  if (wanted.length === 0) return;
  const data = await dataOf(db, type, e);
  if (!data) return;
  const orderKey = e.bookingId ?? e.handoffId ?? (typeof e.meta?.leadId === 'string' ? e.meta.leadId : null) ?? e.conversationId ?? null;
  for (const ep of wanted) await insertDelivery(db, { businessId: e.businessId, endpointId: ep.id, type, data, orderKey, at: e.at, bookingId: e.bookingId ?? null });
}

export async function insertDelivery(
  db: Queryable,
  d: { businessId: string; endpointId: string; type: string; data: Record<string, unknown>; orderKey: string | null; at: Date; bookingId?: string | null },
): Promise<string> {
  const id = `msg_${randomUUID().replace(/-/g, '')}`;
  await db.insert(webhookDeliveries).values({
    id,
    businessId: d.businessId,
    endpointId: d.endpointId,
    eventType: d.type,
    orderKey: d.orderKey,
    payload: { type: d.type, timestamp: d.at.toISOString(), data: d.data },
    retryUntil: new Date(d.at.getTime() + RETRY_WINDOW_MS),
    nextAttemptAt: d.at,
    createdAt: d.at,
  });
  await enqueue(db, { kind: DELIVER_JOB, payload: { deliveryId: id }, runAt: d.at, bookingId: d.bookingId ?? null, maxAttempts: JOB_MAX_ATTEMPTS });
  return id;
}

/** The `data` of each event type: the subject as the REST API shows it, plus what happened. */
async function dataOf(db: Queryable, type: WebhookEventType, e: EventInput): Promise<Record<string, unknown> | null> {
  const base = { businessId: e.businessId, siteId: e.siteId ?? null, conversationId: e.conversationId ?? null, channel: e.channel ?? 'widget' };
  if (type.startsWith('booking.')) {
    if (!e.bookingId) return null;
    const [row] = await db.select({ b: bookings, c: customers }).from(bookings).leftJoin(customers, eq(customers.id, bookings.customerId)).where(eq(bookings.id, e.bookingId));
    if (!row) return null;
    return { ...base, booking: toApiBooking(row), ...(e.meta?.by ? { by: e.meta.by } : {}) };
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
