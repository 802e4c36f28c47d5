/**
 * Releasing unconfirmed slots (issue 17; domain/booking/release-unconfirmed.ts decides).
 *
 * A periodic sweep (`booking.release-unconfirmed`, every 5 minutes), not a job per booking: the
 * sweep reads the bookings as they are at run time, so it cannot miss one — bookings made before
 * the owner turned the setting on, a changed N, a move (new version), a reminder that went out
 * late all count, and nothing has to be enqueued or superseded in the many places a booking is
 * created or moved. One recurring job with a fixed id, ensured (revived if it gave up) when the
 * owner saves the setting, moved 5 minutes ahead by each run; a worker down for a while releases
 * on its first run what is still ahead.
 *
 * Each release goes through the booking store (releaseUnconfirmed), conditional on the row's
 * version, status and "not confirmed" — a client's Confirm that commits first wins.
 */
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../adapters/db/client.js';
import { bookings, businesses, customers, jobs } from '../../adapters/db/schema.js';
import { isReleaseDue, RELEASE_REASON } from '../../domain/booking/release-unconfirmed.js';
import { releaseUnconfirmed } from '../booking-store/store.js';

export const RELEASE_JOB_ID = 'booking-release-unconfirmed';
export const RELEASE_JOB_KIND = 'booking.release-unconfirmed';
export const RELEASE_EVERY_MS = 5 * 60_000;

export async function ensureReleaseJob(db: Queryable, now: Date): Promise<void> {
  await db
    .insert(jobs)
    .values({ id: RELEASE_JOB_ID, kind: RELEASE_JOB_KIND, payload: {}, runAt: now })
    .onConflictDoUpdate({ target: jobs.id, set: { doneAt: null, attempts: 0, runAt: now, outcome: null }, setWhere: isNotNull(jobs.doneAt) });
}

/** Moves the recurring sweep 5 minutes ahead (it never completes). */
export async function rescheduleReleaseJob(db: Queryable, workerId: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt: new Date(now.getTime() + RELEASE_EVERY_MS), attempts: 0, lockedUntil: null, lockedBy: null, lastError: null })
    .where(and(eq(jobs.id, RELEASE_JOB_ID), eq(jobs.lockedBy, workerId), isNull(jobs.doneAt)));
}

/** Releases every booking due at `now`; returns the ids released (a lost race is simply skipped). */
export async function releaseDueBookings(db: Db, now: Date): Promise<string[]> {
  // When the current version's first reminder went out (any channel): the client was asked then.
  const askedAt = sql<Date | null>`(SELECT min(sm.sent_at) FROM sent_messages sm WHERE sm.subject_id = ${bookings.id} AND sm.version = ${bookings.version} AND sm.kind ~ '(^|:)reminder_[0-9]+$')`;
  const rows = await db
    .select({ id: bookings.id, status: bookings.status, version: bookings.version, startsAt: bookings.startsAt, hours: businesses.releaseUnconfirmedHours, lang: customers.lang, askedAt })
    .from(bookings)
    .innerJoin(businesses, eq(businesses.id, bookings.businessId))
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    .where(
      and(
        isNotNull(businesses.releaseUnconfirmedHours),
        eq(bookings.status, 'confirmed'),
        isNull(bookings.visitorConfirmedAt),
        gt(bookings.startsAt, now),
        sql`${bookings.startsAt} - make_interval(hours => ${businesses.releaseUnconfirmedHours}) <= ${now}`,
      ),
    );
  const released: string[] = [];
  for (const r of rows) {
    const asked = r.askedAt === null ? null : new Date(r.askedAt);
    if (!isReleaseDue({ startsAt: r.startsAt, visitorConfirmed: false, askedAt: asked }, r.hours, now)) continue;
    const reason = RELEASE_REASON[r.lang ?? 'en'] ?? RELEASE_REASON.en;
    const res = await releaseUnconfirmed(db, r, reason, now);
    if (res.ok) released.push(r.id);
  }
  return released;
}
