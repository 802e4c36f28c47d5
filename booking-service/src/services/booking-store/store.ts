/**
 * The booking store: the only code that inserts, updates or deletes rows of `bookings`
 * (enforced by eslint/no-bookings-write.js). Every way a booking comes to be or changes — a
 * hold, its confirmation, a rebooking, a phone booking, a move by the visitor, staff or Google,
 * a cancellation, attendance, "I'll be there" — is one function here, and each runs one
 * transaction that makes the change, enqueues the messages and calendar write it causes, and
 * records its KPI event, so they commit together or not at all.
 *
 * Two guards, both in the database:
 * - no overlap: a new or moved range is refused by the exclusion constraint (the write *is* the
 *   check) → SLOT_TAKEN;
 * - optimistic concurrency: a change applies only to the row the caller read (`Read`: its id,
 *   status and version). Every change moves one of the two — status changes change the status,
 *   moves bump the version — so of two racing changes exactly one applies and the other gets
 *   BOOKING_CHANGED (CONFLICT), never a silent overwrite.
 *
 * Failures are values. Statements are batched per transaction and rows come back with
 * RETURNING: the store never reads a row it just wrote.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { BookingChannel, BookingStatus, Lang } from '@frontdesk/shared';
import { preparedRows, queryRows, type Db, type Tx } from '../../adapters/db/client.js';
import { rowOf } from '../../adapters/db/rows.js';
import { jobJson } from '../../adapters/job-queue/queue.js';
import { enqueueFreed } from '../waitlist/freed.js';
import { PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, retryTransient } from '../../adapters/db/errors.js';
import { bookings, customers } from '../../adapters/db/schema.js';
import type { AttendanceMark, BookingRange } from '../../domain/booking/rules.js';
import type { PriceSnapshot } from '../../domain/booking/price.js';
import { bookingEvent, eventRow, recordEvent } from '../events.js';
import { confirmedJobs, onAttendanceMarked, onBookingCancelled, onBookingConfirmed, onBookingRescheduled } from '../notifications/enqueue.js';
import { bookingEventData, plannedDeliveries, type EndpointSubscription } from '../webhooks/enqueue.js';
import { fail, ok, type Result } from '../result.js';

export type BookingRow = typeof bookings.$inferSelect;

/** The row as the caller read it: a change applies only if it is still so. */
export interface Read {
  id: string;
  status: BookingStatus;
  version: number;
}

/** Who made a change (KPI event meta; the console user for staff). */
export type Actor = { by: 'visitor' } | { by: 'staff'; userId: string } | { by: 'google' } | { by: 'rebook' };

export interface NewCustomer {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  lang: Lang;
}

/** More work for the same transaction, given the written row (e.g. Google's event record). */
export type Within = (tx: Tx, row: BookingRow) => Promise<void>;

const stillAsRead = (r: Read) => and(eq(bookings.id, r.id), eq(bookings.status, r.status), eq(bookings.version, r.version));

const actorMeta = (a: Actor | undefined): Record<string, unknown> | undefined =>
  a === undefined || a.by === 'visitor' ? undefined : a.by === 'staff' ? { by: 'staff', userId: a.userId } : { by: a.by };

/**
 * Expired holds in a range no longer count, but the constraint cannot know about time: they
 * are removed in the transaction that takes the range.
 */
async function clearExpiredHolds(tx: Tx, businessId: string, staffId: string, range: Pick<BookingRange, 'occupiedFrom' | 'occupiedTo'>, now: Date) {
  await tx.execute(sql`
    DELETE FROM bookings WHERE business_id = ${businessId} AND staff_id = ${staffId}
      AND status = 'held' AND hold_expires_at <= ${now}
      AND occupied_from < ${range.occupiedTo} AND occupied_to > ${range.occupiedFrom}`);
}

/**
 * A day the owner closed takes no booking, whoever makes it: the slot search already offers
 * none, and this refuses a range that reached the store anyway (a closure added meanwhile, a move
 * from Google) with CLOSED. Closed dates are business-local, so the range is read in the business's zone.
 */
async function onClosedDay(tx: Tx, businessId: string, range: Pick<BookingRange, 'startsAt' | 'endsAt'>): Promise<boolean> {
  const rows = await queryRows(tx as unknown as Db, sql`
    SELECT 1 FROM business_closures c JOIN businesses b ON b.id = c.business_id
    WHERE c.business_id = ${businessId}
      AND c.starts_on <= ((${range.endsAt}::timestamptz - interval '1 millisecond') AT TIME ZONE b.time_zone)::date
      AND c.ends_on >= (${range.startsAt}::timestamptz AT TIME ZONE b.time_zone)::date
    LIMIT 1`);
  return rows.length > 0;
}

/** Thrown inside a transaction to roll it back when the day is closed; answered as a value. */
class ClosedDay extends Error {}

/** First seen at the service's clock (not the database's), like every other time it writes. */
function customerRow(businessId: string, c: NewCustomer, now: Date) {
  return { id: randomUUID(), businessId, name: c.name, phone: c.phone ?? null, email: c.email ?? null, lang: c.lang, createdAt: now };
}

/** Closed day → CLOSED, exclusion → SLOT_TAKEN, idempotency key unique → IDEMPOTENCY_KEY_REUSED; anything else is a bug. */
function expected(err: unknown) {
  if (err instanceof ClosedDay) return fail('CLOSED', 'The business is closed on this day');
  const code = pgErrorCode(err);
  if (code === PG_EXCLUSION_VIOLATION) return fail('SLOT_TAKEN', 'This time is no longer available');
  if (code === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'bookings_idempotency_idx') {
    return fail('IDEMPOTENCY_KEY_REUSED', 'This request key was already used for another booking', { field: 'idempotencyKey' });
  }
  throw err;
}

const changed = () => fail('BOOKING_CHANGED', 'This booking changed meanwhile; reload and try again');

// ---- new rows ------------------------------------------------------------------------------

export interface NewHold extends BookingRange {
  businessId: string;
  siteId: string | null;
  serviceId: string;
  staffId: string;
  holdExpiresAt: Date;
  holdTokenHash: string;
  conversationId: string | null;
  /** The price agreed now (quote or service price): confirming keeps it. */
  price: PriceSnapshot;
  /** Where it is being made (the KPI channel breakdown); the widget when not said. */
  channel?: BookingChannel | undefined;
}

/**
 * A hold in ONE statement (one round trip, its own transaction): the closed-day check, removing
 * expired holds in the range and the INSERT. `cleared` is counted before the insert reads
 * anything, so the expired holds are gone when the exclusion constraint looks at the range.
 */
export const PLACE_HOLD_SQL = `
WITH closed AS (
  SELECT EXISTS (
    SELECT 1 FROM business_closures c JOIN businesses b ON b.id = c.business_id
    WHERE c.business_id = $2
      AND c.starts_on <= (($7::timestamptz - interval '1 millisecond') AT TIME ZONE b.time_zone)::date
      AND c.ends_on >= ($6::timestamptz AT TIME ZONE b.time_zone)::date) AS closed
), cleared AS (
  DELETE FROM bookings WHERE business_id = $2 AND staff_id = $5
    AND status = 'held' AND hold_expires_at <= $15::timestamptz
    AND occupied_from < $9::timestamptz AND occupied_to > $8::timestamptz
    AND NOT (SELECT closed FROM closed)
  RETURNING 1
), ins AS (
  INSERT INTO bookings (id, business_id, site_id, service_id, staff_id, status, starts_at, ends_at, occupied_from, occupied_to,
                        hold_expires_at, hold_token_hash, conversation_id, price, channel, created_at, updated_at)
  SELECT $1, $2, $3, $4, $5, 'held', $6::timestamptz, $7::timestamptz, $8::timestamptz, $9::timestamptz,
         $10::timestamptz, $11, $12, $13::jsonb, $14, $15::timestamptz, $15::timestamptz
  FROM (SELECT count(*) FROM cleared) AS k
  WHERE NOT (SELECT closed FROM closed)
  RETURNING *
)
SELECT closed.closed AS x_closed, ins.* FROM closed LEFT JOIN ins ON true`;

/** A hold: the range is the visitor's while they type their details. */
export async function placeHold(db: Db, hold: NewHold, now: Date): Promise<Result<BookingRow>> {
  try {
    const [raw] = await retryTransient(() =>
      preparedRows<Record<string, unknown>>(db, 'booking_place_hold', PLACE_HOLD_SQL, [
        randomUUID(),
        hold.businessId,
        hold.siteId,
        hold.serviceId,
        hold.staffId,
        hold.startsAt.toISOString(),
        hold.endsAt.toISOString(),
        hold.occupiedFrom.toISOString(),
        hold.occupiedTo.toISOString(),
        hold.holdExpiresAt.toISOString(),
        hold.holdTokenHash,
        hold.conversationId,
        JSON.stringify(hold.price),
        hold.channel ?? 'widget',
        now.toISOString(),
      ]),
    );
    if (raw?.x_closed) throw new ClosedDay();
    return ok(rowOf(bookings, raw!));
  } catch (err) {
    return expected(err);
  }
}

/**
 * A live hold ends now without becoming a booking (the business closed the day or changed its
 * hours since): a retry reads HOLD_EXPIRED, and the next hold over the range clears it.
 */
export async function lapseHold(db: Db, id: string, now: Date): Promise<void> {
  await db.update(bookings).set({ holdExpiresAt: now, updatedAt: now })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)));
}

/**
 * The visitor gave the time up ("Change time"): their hold goes at once rather than blocking the
 * slot until it lapses. Only a hold (never a booking) of this business, found by its token's hash.
 */
export async function releaseHold(db: Db | Tx, businessId: string, holdTokenHash: string): Promise<boolean> {
  const gone = await db.delete(bookings)
    .where(and(eq(bookings.businessId, businessId), eq(bookings.status, 'held'), eq(bookings.holdTokenHash, holdTokenHash)))
    .returning({ id: bookings.id });
  return gone.length > 0;
}

export interface DirectBooking extends BookingRange {
  businessId: string;
  siteId: string | null;
  serviceId: string;
  staffId: string;
  lang: Lang | null;
  note?: string | null | undefined;
  /** An existing customer (rebooking) or a new one (a phone client). */
  customer: { id: string } | NewCustomer;
  idempotencyKey?: string | undefined;
  channel?: 'widget' | 'phone' | undefined;
  price: PriceSnapshot;
  conversationId?: string | null | undefined;
}

/** A confirmed booking without a hold: staff booking a phone client, a visitor's "book again". */
export async function bookDirect(db: Db, input: DirectBooking, actor: Actor, now: Date): Promise<Result<BookingRow>> {
  const { customer, note, idempotencyKey, channel, conversationId, ...rest } = input;
  try {
    const row = await retryTransient(() =>
      db.transaction(async (tx) => {
        if (await onClosedDay(tx, input.businessId, input)) throw new ClosedDay();
        await clearExpiredHolds(tx, input.businessId, input.staffId, input, now);
        let customerId: string;
        if ('id' in customer) customerId = customer.id;
        else {
          const c = customerRow(input.businessId, customer, now);
          await tx.insert(customers).values(c);
          customerId = c.id;
        }
        const [b] = await tx
          .insert(bookings)
          .values({
            id: randomUUID(),
            ...rest,
            status: 'confirmed',
            customerId,
            note: note ?? null,
            idempotencyKey: idempotencyKey ?? null,
            channel: channel ?? 'widget',
            createdByUserId: actor.by === 'staff' ? actor.userId : null,
            conversationId: conversationId ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await onBookingConfirmed(tx, b!, now);
        await recordEvent(tx, bookingEvent(b!, 'booking_made', now, actorMeta(actor)));
        return b!;
      }),
    );
    return ok(row);
  } catch (err) {
    return expected(err);
  }
}

export interface HoldConfirmation {
  customer: NewCustomer;
  lang: Lang;
  note: string | null;
  idempotencyKey: string;
  conversationId: string | null;
}

/** What the jobs and webhooks of a confirmation depend on, read by the caller with the hold. */
export interface ConfirmContext {
  /** The business's reminder lead times (notifications: reminderLeads). */
  reminderLeads: readonly number[];
  /** The staff member's Google calendar takes booking events. */
  calendarConnected: boolean;
  /** The business's active webhook endpoints. */
  endpoints: readonly EndpointSubscription[];
}

/**
 * The confirmation in ONE statement (one round trip, its own transaction): the closed-day check
 * (the owner may close the day after the hold: then the hold lapses now and nothing else is
 * written), the conditional UPDATE of the hold, and — only if it applied (each reads `upd`) — the
 * customer, the jobs, the KPI event and the webhook deliveries. The foreign keys are checked at the end of the statement,
 * when the customer row exists. Rows to insert come as JSON (one fixed text whatever their number).
 */
export const CONFIRM_HOLD_SQL = `
WITH closed AS (
  SELECT EXISTS (
    SELECT 1 FROM bookings h JOIN businesses b ON b.id = h.business_id JOIN business_closures c ON c.business_id = h.business_id
    WHERE h.id = $1
      AND c.starts_on <= ((h.ends_at - interval '1 millisecond') AT TIME ZONE b.time_zone)::date
      AND c.ends_on >= (h.starts_at AT TIME ZONE b.time_zone)::date) AS closed
), lapsed AS (
  UPDATE bookings SET hold_expires_at = $4::timestamptz, updated_at = $4::timestamptz
  WHERE id = $1 AND status = 'held' AND hold_expires_at > $4::timestamptz AND (SELECT closed FROM closed)
  RETURNING 1
), upd AS (
  UPDATE bookings SET status = 'confirmed', customer_id = $5, hold_expires_at = NULL, idempotency_key = $6,
         lang = $7, note = $8, conversation_id = coalesce($9, conversation_id), updated_at = $4::timestamptz
  WHERE id = $1 AND status = $2 AND version = $3::int AND hold_expires_at > $4::timestamptz
    AND NOT (SELECT closed FROM closed)
  RETURNING *
), customer AS (
  INSERT INTO customers (id, business_id, name, phone, email, lang, created_at)
  SELECT $5, upd.business_id, $10, $11, $12, $13, $4::timestamptz FROM upd
  RETURNING id
), job AS (
  INSERT INTO jobs (id, kind, payload, run_at, booking_id, handoff_id, max_attempts)
  SELECT j.id, j.kind, j.payload, j.run_at, j.booking_id, j.handoff_id, j.max_attempts
  FROM upd, jsonb_to_recordset($14::jsonb) AS j(id text, kind text, payload jsonb, run_at timestamptz, booking_id text, handoff_id text, max_attempts int)
  RETURNING id
), event AS (
  INSERT INTO events (id, business_id, site_id, kind, at, conversation_id, channel, intent, booking_id, handoff_id, value_ms, meta)
  SELECT e.id, e.business_id, e.site_id, e.kind, e.at, e.conversation_id, e.channel, e.intent, e.booking_id, e.handoff_id, e.value_ms, e.meta
  FROM upd, jsonb_to_recordset($15::jsonb) AS e(id text, business_id text, site_id text, kind text, at timestamptz, conversation_id text,
                                                channel text, intent text, booking_id text, handoff_id text, value_ms int, meta jsonb)
  RETURNING id
), delivery AS (
  INSERT INTO webhook_deliveries (id, business_id, endpoint_id, event_type, order_key, payload, retry_until, next_attempt_at, created_at)
  SELECT d.id, d.business_id, d.endpoint_id, d.event_type, d.order_key, d.payload, d.retry_until, d.next_attempt_at, d.created_at
  FROM upd, jsonb_to_recordset($16::jsonb) AS d(id text, business_id text, endpoint_id text, event_type text, order_key text, payload jsonb,
                                                retry_until timestamptz, next_attempt_at timestamptz, created_at timestamptz)
  RETURNING id
)
SELECT closed.closed AS x_closed, upd.* FROM closed LEFT JOIN upd ON true`;

/**
 * A live hold becomes a booking: conditional on the hold as read and on it not having expired,
 * so a hold is confirmed once. HOLD_USED / HOLD_EXPIRED when it lost (the caller tells which
 * from the row it reads next); IDEMPOTENCY_KEY_REUSED when the key belongs to another booking;
 * CLOSED when the day was closed since the hold (the hold lapses).
 * The caller gives the whole hold row it read: the jobs, event and webhook payloads are made
 * from that row as the UPDATE leaves it, so nothing is read again inside the write.
 */
export async function confirmHold(db: Db, hold: BookingRow, c: HoldConfirmation, ctx: ConfirmContext, now: Date): Promise<Result<BookingRow>> {
  const customer = customerRow(hold.businessId, c.customer, now);
  // The row as the UPDATE below leaves it (same fields, same values).
  const after: BookingRow = {
    ...hold,
    status: 'confirmed',
    customerId: customer.id,
    holdExpiresAt: null,
    idempotencyKey: c.idempotencyKey,
    lang: c.lang,
    note: c.note,
    conversationId: c.conversationId ?? hold.conversationId,
    updatedAt: now,
  };
  const event = bookingEvent(after, 'booking_made', now);
  // The webhook payload is built only for a business with endpoints (most have none).
  const deliveries = ctx.endpoints.length === 0 ? [] : plannedDeliveries(ctx.endpoints, event, bookingEventData(event, { b: after, c: { ...customer, preferredChannel: null } }));
  const jobs = [...confirmedJobs(after, ctx.reminderLeads, ctx.calendarConnected, now), ...deliveries.map((d) => d.job)];
  try {
    const rows = await retryTransient(() =>
      preparedRows<Record<string, unknown>>(db, 'booking_confirm_hold', CONFIRM_HOLD_SQL, [
        hold.id,
        hold.status,
        hold.version,
        now.toISOString(),
        customer.id,
        c.idempotencyKey,
        c.lang,
        c.note,
        c.conversationId,
        customer.name,
        customer.phone,
        customer.email,
        customer.lang,
        JSON.stringify(jobs.map(jobJson)),
        JSON.stringify([snakeKeys(eventRow(event))]),
        JSON.stringify(deliveries.map((d) => snakeKeys(d.delivery))),
      ]),
    );
    // The day closed after the hold: the hold lapsed now (its time is no one's), nothing else was written.
    if (rows[0]?.x_closed) throw new ClosedDay();
    // Lost to another confirm, or the hold just expired: nothing was written.
    if (rows[0]?.id == null) return fail('HOLD_USED', 'This hold has already been used', { field: 'holdToken' });
    return ok(rowOf(bookings, rows[0]));
  } catch (err) {
    return expected(err);
  }
}

/** camelCase keys → the columns' snake_case names, for jsonb_to_recordset. */
function snakeKeys(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), v]));
}

// ---- changes of a booking ------------------------------------------------------------------

/** A move to a new range (and maybe another staff member): visitor, staff or Google. */
export async function moveBooking(
  db: Db,
  read: Read & { businessId: string; startsAt: Date },
  to: BookingRange & { staffId: string },
  actor: Actor,
  now: Date,
  within?: Within,
): Promise<Result<BookingRow>> {
  try {
    const row = await retryTransient(() =>
      db.transaction(async (tx) => {
        if (await onClosedDay(tx, read.businessId, to)) throw new ClosedDay();
        await clearExpiredHolds(tx, read.businessId, to.staffId, to, now);
        // The range it leaves (for the waiting list): read before the move; the version check below
        // makes sure it is still the range the move changes.
        const [before] = await tx.select().from(bookings).where(stillAsRead(read));
        const [m] = await tx
          .update(bookings)
          .set({ ...to, version: sql`${bookings.version} + 1`, updatedAt: now })
          .where(stillAsRead(read))
          .returning();
        if (!m) return undefined;
        await onBookingRescheduled(tx, m, read.startsAt, now);
        // The time it left may be what someone on the waiting list waits for.
        if (before) await enqueueFreed(tx, before, now);
        await recordEvent(tx, bookingEvent(m, 'rescheduled', now, actorMeta(actor)));
        if (within) await within(tx, m);
        return m;
      }),
    );
    return row ? ok(row) : changed();
  } catch (err) {
    return expected(err);
  }
}

export async function cancelBooking(db: Db, read: Read, reason: string | null, actor: Actor, now: Date, within?: Within): Promise<Result<BookingRow>> {
  const row = await retryTransient(() =>
    db.transaction(async (tx) => {
      const [c] = await tx.update(bookings).set({ status: 'cancelled', cancelReason: reason, updatedAt: now }).where(stillAsRead(read)).returning();
      if (!c) return undefined;
      await onBookingCancelled(tx, c, now);
      // The freed time goes to the waiting list first (services/waitlist/offers.ts).
      await enqueueFreed(tx, c, now);
      await recordEvent(tx, bookingEvent(c, 'cancelled', now, actorMeta(actor)));
      if (within) await within(tx, c);
      return c;
    }),
  );
  return row ? ok(row) : changed();
}

/**
 * Releasing an unconfirmed slot (services/reconfirm/release.ts): cancelled only if the row is still
 * as read AND the client has not confirmed — in the same UPDATE, so a "Confirm" that commits first
 * makes this one match nothing (BOOKING_CHANGED), and one that comes after finds it cancelled
 * (markVisitorConfirmed's condition). The client's cancellation notice (with its rebook link, on
 * their channel) and the staff's go out through the usual cancellation path; the KPI event is a
 * `cancelled` one with meta.by = 'release'.
 */
export async function releaseUnconfirmed(db: Db, read: Read, reason: string, now: Date): Promise<Result<BookingRow>> {
  const row = await retryTransient(() =>
    db.transaction(async (tx) => {
      const [c] = await tx
        .update(bookings)
        .set({ status: 'cancelled', cancelReason: reason, updatedAt: now })
        // Only a booking that is still on and the client never confirmed: a read of a booking
        // already cancelled, attended or held must not be cancelled (and counted as released) again.
        .where(and(stillAsRead(read), eq(bookings.status, 'confirmed'), isNull(bookings.visitorConfirmedAt)))
        .returning();
      if (!c) return undefined;
      await onBookingCancelled(tx, c, now);
      // Released time goes to the waiting list first, like any cancellation (services/waitlist/offers.ts).
      await enqueueFreed(tx, c, now);
      await recordEvent(tx, bookingEvent(c, 'cancelled', now, { by: 'release', reason }));
      return c;
    }),
  );
  return row ? ok(row) : changed();
}

/**
 * Staff marking a visit attended or a no-show, or undoing the mark (back to confirmed). The
 * follow-up a mark causes (no-show note, "how was it") commits with it. A no-show is released
 * (its range stops blocking the calendar) when the business chose so; any other mark takes the
 * range back, which fails with SLOT_TAKEN if the time was booked meanwhile.
 */
export async function markAttendance(db: Db, read: Read, to: AttendanceMark, feedbackEnabled: boolean, actor: Actor | undefined, now: Date): Promise<Result<BookingRow>> {
  try {
    const row = await retryTransient(() =>
      db.transaction(async (tx) => {
        const released = to === 'no_show' ? sql`(SELECT no_show_frees_slot FROM businesses WHERE businesses.id = ${bookings.businessId})` : false;
        const [b] = await tx.update(bookings).set({ status: to, released, updatedAt: now }).where(stillAsRead(read)).returning();
        if (!b) return undefined;
        if (to !== 'confirmed') await onAttendanceMarked(tx, b, to, feedbackEnabled, now);
        // A corrected mark records a second event; the dashboard counts each booking's latest one.
        await recordEvent(tx, bookingEvent(b, to === 'confirmed' ? 'attendance_undone' : to, now, actorMeta(actor)));
        return b;
      }),
    );
    return row ? ok(row) : changed();
  } catch (err) {
    return expected(err);
  }
}

/** "I'll be there" from a reminder; pressing it twice keeps the first time (undefined then). */
export async function markVisitorConfirmed(db: Db, read: Read, now: Date): Promise<BookingRow | undefined> {
  const [b] = await db
    .update(bookings)
    .set({ visitorConfirmedAt: now })
    .where(and(stillAsRead(read), isNull(bookings.visitorConfirmedAt)))
    .returning();
  return b;
}

/**
 * Erasing a person (services/privacy): their bookings stay for the business's figures but no
 * longer point at them, and lose what they typed (the note) or staff typed about them (the
 * cancel reason). Runs in the privacy service's transaction; cancelling future bookings is done
 * before, with `cancelBooking`, so their messages and calendar removal go out as usual.
 */
export async function forgetCustomers(tx: Tx, businessId: string, customerIds: readonly string[], now: Date): Promise<number> {
  if (customerIds.length === 0) return 0;
  const rows = await tx
    .update(bookings)
    .set({ customerId: null, note: null, cancelReason: null, updatedAt: now })
    .where(and(eq(bookings.businessId, businessId), inArray(bookings.customerId, [...customerIds])))
    .returning({ id: bookings.id });
  return rows.length;
}

// ---- the waiting list's exclusive holds (services/waitlist/offers.ts) -----------------------

/**
 * The hold under a waiting-list offer, in the caller's transaction (the offer, its jobs and the
 * entry's status commit with it). A savepoint, so a range taken meanwhile (SLOT_TAKEN) or a
 * closed day (CLOSED) comes back as a value and the caller's transaction goes on.
 */
export async function holdForOffer(tx: Tx, hold: NewHold, now: Date): Promise<Result<BookingRow>> {
  const { channel, ...rest } = hold;
  try {
    const row = await tx.transaction(async (sp) => {
      if (await onClosedDay(sp, hold.businessId, hold)) throw new ClosedDay();
      await clearExpiredHolds(sp, hold.businessId, hold.staffId, hold, now);
      const [b] = await sp
        .insert(bookings)
        .values({ id: randomUUID(), ...rest, status: 'held', channel: channel ?? 'widget', createdAt: now, updatedAt: now })
        .returning();
      return b!;
    });
    return ok(row);
  } catch (err) {
    return expected(err);
  }
}

/**
 * The offer's hold passes to the next person waiting: a new token (the last person's link stops
 * working) and a new expiry. False = it is no longer that hold (booked, or lapsed and cleared).
 */
export async function passOfferHold(tx: Tx, holdId: string, fromHash: string, toHash: string, expiresAt: Date, now: Date): Promise<boolean> {
  const rows = await tx
    .update(bookings)
    .set({ holdTokenHash: toHash, holdExpiresAt: expiresAt, updatedAt: now })
    .where(and(eq(bookings.id, holdId), eq(bookings.status, 'held'), eq(bookings.holdTokenHash, fromHash)))
    .returning({ id: bookings.id });
  return rows.length === 1;
}

/** Nobody is left waiting: the offer's hold goes now, so the time is free for everyone. */
export async function releaseOfferHold(tx: Tx, holdId: string, hash: string): Promise<boolean> {
  const gone = await tx
    .delete(bookings)
    .where(and(eq(bookings.id, holdId), eq(bookings.status, 'held'), eq(bookings.holdTokenHash, hash)))
    .returning({ id: bookings.id });
  return gone.length > 0;
}
