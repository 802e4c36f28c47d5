/**
 * Recording what happened, for the KPI dashboard (services/console/kpis.ts reads it with SQL).
 * Call inside the transaction of the change being recorded, so an event exists exactly when
 * its change committed. Outbound webhooks of the event are written here too, in the same transaction.
 */
import type { BookingChannel, ConversationChannel, EventKind } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../adapters/db/client.js';
import { events, webhookEndpoints, type bookings } from '../adapters/db/schema.js';
import { WEBHOOK_TYPE_OF } from './webhooks/event-types.js';
import { enqueueWebhooks, type EndpointSubscription } from './webhooks/enqueue.js';

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
  await recordEvents(db, [e]);
}

/**
 * A change's writes gathered for ONE statement (a hot path pays one round trip, not one per row):
 * its other INSERT/UPDATE statements (without RETURNING) and its events. `runWrites` runs them on
 * their own; a conversation turn folds them into its claiming statement (conversation/turns.ts).
 */
export interface Writes {
  sql: SQL[];
  events: EventInput[];
}

/** The events' INSERT, for a WITH clause of the caller's statement (null = no events). */
export function eventsInsert(db: Db | Tx, es: readonly EventInput[]): SQL | null {
  return es.length ? db.insert(events).values(es.map(eventRow)).getSQL() : null;
}

/**
 * The business's active endpoints as one JSON value, for the SELECT of the statement that inserts
 * events with a webhook type: `afterWrites` then enqueues their deliveries. NULL when no event has one.
 */
export function endpointsJson(es: readonly EventInput[]): SQL {
  // Events of one change belong to one business.
  const businessId = es.find((e) => WEBHOOK_TYPE_OF[e.kind])?.businessId;
  if (!businessId) return sql`NULL::json`;
  return sql`(SELECT coalesce(json_agg(json_build_object('id', ${webhookEndpoints.id}, 'events', ${webhookEndpoints.events})), '[]'::json) FROM ${webhookEndpoints} WHERE ${webhookEndpoints.businessId} = ${businessId} AND ${webhookEndpoints.active})`;
}

/** After the statement: the webhook deliveries of the events that have a type, given the endpoints it read. */
export async function afterWrites(db: Db | Tx, es: readonly EventInput[], endpoints: readonly EndpointSubscription[] | null): Promise<void> {
  if (!endpoints?.length) return;
  for (const e of es) if (WEBHOOK_TYPE_OF[e.kind]) await enqueueWebhooks(db, e, endpoints);
}

/** `WITH w0 AS (…), w1 AS (…)` over the writes (drizzle SQL), for the caller's statement. */
export function withClauses(writes: readonly SQL[], prefix = 'w'): SQL {
  return sql.join(writes.map((w, i) => sql`${sql.raw(`${prefix}${i}`)} AS (${w})`), sql`, `);
}

/**
 * Several events of one change, and `alongWith`: other writes of the change (INSERT/UPDATE
 * statements without RETURNING), in ONE statement — a hot path (a conversation turn, a hand-off)
 * pays one round trip, not one per row. Data-modifying WITH clauses all run, to completion, in
 * the same statement; a foreign key between them is checked at its end. When an event has a
 * webhook type, the same statement reads the business's active endpoints, and the deliveries
 * follow (services/webhooks/enqueue.ts) only when one is subscribed.
 */
export async function recordEvents(db: Db | Tx, es: readonly EventInput[], alongWith: readonly SQL[] = []): Promise<void> {
  await runWrites(db, { sql: [...alongWith], events: [...es] });
}

/** `Writes` as one statement of their own. */
export async function runWrites(db: Db | Tx, w: Writes): Promise<void> {
  const ins = eventsInsert(db, w.events);
  const writes = [...w.sql, ...(ins ? [ins] : [])];
  if (writes.length === 0) return;
  const typed = w.events.some((e) => WEBHOOK_TYPE_OF[e.kind]);
  if (!typed && writes.length === 1) {
    await db.execute(writes[0]!);
    return;
  }
  const [row] = await queryRows<{ endpoints: EndpointSubscription[] | null }>(db, sql`WITH ${withClauses(writes)} SELECT ${endpointsJson(w.events)} AS endpoints`);
  await afterWrites(db, w.events, row?.endpoints ?? null);
}

type BookingRow = typeof bookings.$inferSelect;

/**
 * The event of something that happened to a booking, tied to the booking's site, conversation
 * and channel, so the dashboard can follow a conversation from first message to visit.
 */
export function bookingEvent(b: BookingRow, kind: EventKind, at: Date, meta?: Record<string, unknown>): EventInput {
  return { businessId: b.businessId, kind, at, siteId: b.siteId, conversationId: b.conversationId, channel: b.channel, bookingId: b.id, meta };
}

/**
 * Records an event that a unique index allows once (e.g. `notice_failed`, migration 0026): a
 * second recorder — a re-run, or a racing one — changes nothing. True when this call recorded it.
 */
export async function recordEventOnce(db: Db | Tx, e: EventInput): Promise<boolean> {
  const fresh = await db.insert(events).values(eventRow(e)).onConflictDoNothing().returning({ id: events.id });
  if (fresh.length === 0) return false;
  await enqueueWebhooks(db, e);
  return true;
}
