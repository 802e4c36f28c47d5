/**
 * Offering a freed time to the waiting list, one person at a time (issue 17):
 * - `offerFreed` (job `waitlist.offer`, enqueued by the booking store with the cancel or move that
 *   freed the time): the first person in line (FIFO by joining time) whose service, staff member,
 *   days and part of the day fit gets an exclusive hold (a `bookings` row written by the booking
 *   store's `holdForOffer`, so nobody else can take the time) and a one-tap link (`waitlist.send`);
 * - `expireOffer` (job `waitlist.expire-offer`, at the offer's end): unused, the SAME hold passes to
 *   the next person in line (new token: the last link stops working); nobody left, it is released;
 * - `bookOffer` (the /waitlist page's tap): the hold becomes the booking, the offer and the entry
 *   close, and a `waitlist.filled` event is recorded — one transaction.
 * Exclusivity rests on the database: the exclusion constraint (one row per range), the offers'
 * partial unique indexes (one open offer per time and per person) and conditional updates.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { EventKind } from '@frontdesk/shared';
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../adapters/db/client.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import { bookings, businesses, services, waitlistEntries, waitlistOffers } from '../../adapters/db/schema.js';
import { servicePrice } from '../../domain/booking/price.js';
import { fits, HANDOVER_GRACE_MINUTES, OFFER_MINUTES } from '../../domain/waitlist/window.js';
import { holdForOffer, passOfferHold, releaseOfferHold } from '../booking-store/store.js';
import { confirmBooking, type ConfirmView } from '../confirm.js';
import type { Deps } from '../deps.js';
import { recordEvent } from '../events.js';
import { fail, ok, type Result } from '../result.js';
import { hashHoldToken, signToken, verifyToken } from '../tokens.js';
import type { FreedTime } from './freed.js';

type EntryRow = typeof waitlistEntries.$inferSelect;

/** The KPI event of a waiting person booking (helper `reconf` counts these on the dashboard). */
export const FILLED_EVENT: EventKind = 'waitlist.filled';
type OfferRow = typeof waitlistOffers.$inferSelect;
type OfferDeps = Pick<Deps, 'db' | 'secret'>;

const MIN = 60_000;

/** The hold token of an offer: derived, never stored (only its hash is, on the hold and the offer). */
export const holdTokenOf = (secret: string, offerId: string) => createHmac('sha256', secret).update(`waitlist-hold:${offerId}`).digest('base64url');

/** The one-tap page of an offer. */
export const offerLink = (deps: Pick<Deps, 'secret' | 'publicUrl'>, offerId: string) =>
  `${deps.publicUrl}/waitlist?t=${encodeURIComponent(signToken(deps.secret, offerId, 'waitlist'))}`;

export const offerIdOf = (secret: string, token: string) => verifyToken(secret, token, 'waitlist');

/** Who is in line for a freed time, first first: waiting, for its service and staff, not offered it before, fitting days and part of day. */
async function inLine(tx: Tx, slot: FreedTime, now: Date): Promise<EntryRow[]> {
  const [b] = await tx.select({ tz: businesses.timeZone }).from(businesses).where(eq(businesses.id, slot.businessId));
  if (!b) return [];
  const rows = await tx
    .select()
    .from(waitlistEntries)
    .where(and(
      eq(waitlistEntries.businessId, slot.businessId),
      eq(waitlistEntries.serviceId, slot.serviceId),
      eq(waitlistEntries.status, 'waiting'),
      or(isNull(waitlistEntries.staffId), eq(waitlistEntries.staffId, slot.staffId)),
      gt(waitlistEntries.expiresAt, now),
      sql`NOT EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.entry_id = ${waitlistEntries.id} AND o.staff_id = ${slot.staffId} AND o.starts_at = ${new Date(slot.startsAt)})`,
    ))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(200);
  const start = Date.parse(slot.startsAt);
  return rows.filter((e) => fits(e, start, b.tz, now.getTime()));
}

/** Makes the offer to `entry` if it is still waiting (false = it changed meanwhile: try the next). */
async function offerTo(tx: Tx, entry: EntryRow, slot: FreedTime, offerId: string, holdId: string, hash: string, expiresAt: Date, now: Date): Promise<boolean> {
  const moved = await tx
    .update(waitlistEntries)
    .set({ status: 'offered', updatedAt: now })
    .where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, 'waiting')))
    .returning({ id: waitlistEntries.id });
  if (moved.length === 0) return false;
  await tx.insert(waitlistOffers).values({
    id: offerId,
    businessId: entry.businessId,
    entryId: entry.id,
    holdId,
    staffId: slot.staffId,
    startsAt: new Date(slot.startsAt),
    endsAt: new Date(slot.endsAt),
    tokenHash: hash,
    status: 'offered',
    expiresAt,
    createdAt: now,
  });
  await enqueue(tx, { kind: 'waitlist.send', payload: { offerId }, runAt: now });
  await enqueue(tx, { kind: 'waitlist.expire-offer', payload: { offerId }, runAt: expiresAt });
  return true;
}

function newOffer(secret: string, now: Date) {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + OFFER_MINUTES * MIN);
  // The hold outlives the offer a little, so the job at the offer's end finds it still held.
  return { id, hash: hashHoldToken(holdTokenOf(secret, id)), expiresAt, holdUntil: new Date(expiresAt.getTime() + HANDOVER_GRACE_MINUTES * MIN) };
}

export type OfferOutcome = 'offered' | 'nobody' | 'taken' | 'closed';

/** A freed time: offered to the first person in line, with an exclusive hold. `also` runs in the same transaction (the job's completion). */
export async function offerFreed(deps: OfferDeps, slot: FreedTime, now: Date, also?: (tx: Tx) => Promise<void>): Promise<OfferOutcome> {
  return deps.db.transaction(async (tx) => {
    const outcome = await offerInTx(tx, deps.secret, slot, now);
    await also?.(tx);
    return outcome;
  });
}

async function offerInTx(tx: Tx, secret: string, slot: FreedTime, now: Date): Promise<OfferOutcome> {
  if (Date.parse(slot.startsAt) <= now.getTime()) return 'nobody';
  const line = await inLine(tx, slot, now);
  if (line.length === 0) return 'nobody';
  const [svc] = await tx.select().from(services).where(eq(services.id, slot.serviceId));
  if (!svc) return 'nobody';
  const o = newOffer(secret, now);
  const hold = await holdForOffer(
    tx,
    {
      businessId: slot.businessId,
      siteId: slot.siteId,
      serviceId: slot.serviceId,
      staffId: slot.staffId,
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      occupiedFrom: new Date(slot.occupiedFrom),
      occupiedTo: new Date(slot.occupiedTo),
      holdExpiresAt: o.holdUntil,
      holdTokenHash: o.hash,
      conversationId: line[0]!.conversationId,
      price: servicePrice(svc),
    },
    now,
  );
  // Someone took the time meanwhile (the public got there first), or the day is closed now.
  if (!hold.ok) return hold.reason === 'CLOSED' ? 'closed' : 'taken';
  for (const entry of line) {
    if (await offerTo(tx, entry, slot, o.id, hold.value.id, o.hash, o.expiresAt, now)) return 'offered';
  }
  await releaseOfferHold(tx, hold.value.id, o.hash);
  return 'nobody';
}

export type PassOutcome = 'passed' | 'released' | 'hold_gone';

/**
 * An offer ended unused (expired, or its entry removed): the time passes to the next person in
 * line under the same hold, or is released when nobody is left.
 */
async function passOn(tx: Tx, secret: string, offer: OfferRow, now: Date): Promise<PassOutcome> {
  if (!offer.holdId) return 'hold_gone';
  const [hold] = await tx.select().from(bookings).where(and(eq(bookings.id, offer.holdId), eq(bookings.status, 'held'), eq(bookings.holdTokenHash, offer.tokenHash)));
  if (!hold) return 'hold_gone';
  const slot: FreedTime = {
    businessId: hold.businessId,
    siteId: hold.siteId,
    serviceId: hold.serviceId,
    staffId: hold.staffId,
    startsAt: hold.startsAt.toISOString(),
    endsAt: hold.endsAt.toISOString(),
    occupiedFrom: hold.occupiedFrom.toISOString(),
    occupiedTo: hold.occupiedTo.toISOString(),
  };
  let hash = offer.tokenHash;
  const line = hold.startsAt.getTime() > now.getTime() ? await inLine(tx, slot, now) : [];
  for (const entry of line) {
    const o = newOffer(secret, now);
    if (!(await passOfferHold(tx, hold.id, hash, o.hash, o.holdUntil, now))) return 'hold_gone';
    hash = o.hash;
    if (await offerTo(tx, entry, slot, o.id, hold.id, o.hash, o.expiresAt, now)) return 'passed';
  }
  await releaseOfferHold(tx, hold.id, hash);
  return 'released';
}

/** The entry goes back in line (or expires, its window over) when its offer ends unused. */
async function backInLine(tx: Tx, entryId: string, now: Date): Promise<void> {
  await tx
    .update(waitlistEntries)
    .set({ status: sql`CASE WHEN ${waitlistEntries.expiresAt} > ${now} THEN 'waiting' ELSE 'expired' END`, updatedAt: now })
    .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.status, 'offered')));
}

/** The offer's time is up: it ends, and the time passes on. 'not_offered' = it was booked or withdrawn first. */
export async function expireOffer(deps: OfferDeps, offerId: string, now: Date, also?: (tx: Tx) => Promise<void>): Promise<PassOutcome | 'not_offered'> {
  return deps.db.transaction(async (tx) => {
    const [offer] = await tx
      .update(waitlistOffers)
      .set({ status: 'expired', closedAt: now })
      .where(and(eq(waitlistOffers.id, offerId), eq(waitlistOffers.status, 'offered'), lte(waitlistOffers.expiresAt, now)))
      .returning();
    const outcome = offer ? (await backInLine(tx, offer.entryId, now), await passOn(tx, deps.secret, offer, now)) : 'not_offered';
    await also?.(tx);
    return outcome;
  });
}

/** Staff remove an entry (console): an open offer is withdrawn and its time passes on. False = not found. */
export async function removeEntry(deps: OfferDeps, businessId: string, entryId: string, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [e] = await tx
      .update(waitlistEntries)
      .set({ status: 'removed', updatedAt: now })
      .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.businessId, businessId), or(eq(waitlistEntries.status, 'waiting'), eq(waitlistEntries.status, 'offered'))))
      .returning({ id: waitlistEntries.id });
    if (!e) return false;
    const [offer] = await tx
      .update(waitlistOffers)
      .set({ status: 'withdrawn', closedAt: now })
      .where(and(eq(waitlistOffers.entryId, entryId), eq(waitlistOffers.status, 'offered')))
      .returning();
    if (offer) await passOn(tx, deps.secret, offer, now);
    return true;
  });
}

/** The window is over: a waiting entry expires (an offered one expires when its offer ends). */
export async function expireEntry(deps: OfferDeps, entryId: string, now: Date, also?: (tx: Tx) => Promise<void>): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(waitlistEntries)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.status, 'waiting'), lte(waitlistEntries.expiresAt, now)))
      .returning({ id: waitlistEntries.id });
    await also?.(tx);
    return rows.length > 0;
  });
}

class Refused extends Error {
  constructor(readonly failure: Result<never>) {
    super('refused');
  }
}

/**
 * The one tap: the offer's hold becomes the person's booking (the usual confirmation: messages,
 * reminders, calendar), the offer and the entry close and `waitlist.filled` is recorded, together.
 * HOLD_EXPIRED when the offer is no longer open (expired and passed on, withdrawn, or booked already).
 */
export async function bookOffer(deps: Deps, offerId: string): Promise<Result<ConfirmView & { entryId: string }>> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      // Conditional on the offer being open: the expiry job and a second tap serialise on this row.
      const [offer] = await tx
        .update(waitlistOffers)
        .set({ status: 'booked', closedAt: now })
        .where(and(eq(waitlistOffers.id, offerId), eq(waitlistOffers.status, 'offered'), gt(waitlistOffers.expiresAt, now)))
        .returning();
      if (!offer) return fail('HOLD_EXPIRED', 'This offer is no longer open');
      const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, offer.entryId));
      if (!entry) throw new Refused(fail('HOLD_EXPIRED', 'This offer is no longer open'));
      const r = await confirmBooking(
        { ...deps, db: tx },
        {
          holdToken: holdTokenOf(deps.secret, offer.id),
          customer: { name: entry.name, ...(entry.email ? { email: entry.email } : {}), ...(entry.phone ? { phone: entry.phone } : {}) },
          lang: entry.lang,
          idempotencyKey: `waitlist:${offer.id}`,
          ...(entry.conversationId ? { conversationId: entry.conversationId } : {}),
        },
        undefined,
      );
      if (!r.ok) throw new Refused(r);
      const bookingId = r.value.booking.id;
      await tx.update(waitlistEntries).set({ status: 'booked', bookingId, updatedAt: now }).where(eq(waitlistEntries.id, entry.id));
      await recordEvent(tx, {
        businessId: entry.businessId,
        kind: FILLED_EVENT,
        at: now,
        bookingId,
        conversationId: entry.conversationId,
        channel: entry.channel,
        valueMs: now.getTime() - entry.createdAt.getTime(),
        meta: { entryId: entry.id, offerId: offer.id },
      });
      return ok({ ...r.value, entryId: entry.id });
    });
  } catch (err) {
    if (err instanceof Refused) return err.failure;
    throw err;
  }
}
