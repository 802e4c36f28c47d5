/**
 * The dashboard's re-confirmation figures (issue 17), beside the KPIs of kpis.ts and defined in
 * its header: the share of bookings the client confirmed, the no-show rate split by whether the
 * client had confirmed, waiting-list fills, and the bookings released unconfirmed. Same period rules as kpis.ts (events whose `at`
 * falls in [from, to), optionally one site); whether the client confirmed is read from the
 * booking (`bookings.visitor_confirmed_at`, set once by "Confirm" in a reminder).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { queryRows } from '../../adapters/db/client.js';

export interface ConfirmationKpis {
  /** Bookings made in the period that the client confirmed ÷ bookings made in the period. */
  confirmedShare: number | null;
  /** no_show ÷ (attended + no_show) among bookings the client had confirmed (latest mark per booking). */
  noShowRateConfirmed: number | null;
  /** The same among bookings the client never confirmed. */
  noShowRateUnconfirmed: number | null;
  /** `waitlist.filled` events: a freed slot booked by someone from the waiting list. */
  waitlistFills: number;
  /** Bookings the sweep released because the client had not confirmed (`cancelled` with `meta.by = 'release'`). */
  releasedUnconfirmed: number;
}

export interface ConfirmationScope {
  businessId: string;
  from: Date;
  to: Date;
  siteId: string | null;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const int = (v: unknown) => Number(v ?? 0);

export async function confirmationKpisOf(db: Db, s: ConfirmationScope): Promise<ConfirmationKpis> {
  const [r] = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH ev AS (
        SELECT * FROM events
        WHERE business_id = ${s.businessId} AND at >= ${s.from} AND at < ${s.to}
          AND (${s.siteId}::text IS NULL OR site_id = ${s.siteId})),
      made AS (
        SELECT DISTINCT ev.booking_id, (b.visitor_confirmed_at IS NOT NULL) AS confirmed
        FROM ev LEFT JOIN bookings b ON b.id = ev.booking_id AND b.business_id = ev.business_id
        WHERE ev.kind = 'booking_made' AND ev.booking_id IS NOT NULL),
      att AS (
        SELECT DISTINCT ON (ev.booking_id) ev.kind, (b.visitor_confirmed_at IS NOT NULL) AS confirmed
        FROM ev LEFT JOIN bookings b ON b.id = ev.booking_id AND b.business_id = ev.business_id
        WHERE ev.kind IN ('attended', 'no_show', 'attendance_undone')
        ORDER BY ev.booking_id, ev.at DESC, ev.id DESC)
      SELECT
        (SELECT count(*)::int FROM made) AS made,
        (SELECT count(*)::int FROM made WHERE confirmed) AS made_confirmed,
        (SELECT count(*)::int FROM att WHERE confirmed AND kind <> 'attendance_undone') AS marked_c,
        (SELECT count(*)::int FROM att WHERE confirmed AND kind = 'no_show') AS no_show_c,
        (SELECT count(*)::int FROM att WHERE NOT confirmed AND kind <> 'attendance_undone') AS marked_u,
        (SELECT count(*)::int FROM att WHERE NOT confirmed AND kind = 'no_show') AS no_show_u,
        (SELECT count(*)::int FROM ev WHERE kind = 'waitlist.filled') AS fills,
        (SELECT count(DISTINCT booking_id)::int FROM ev WHERE kind = 'cancelled' AND meta->>'by' = 'release') AS released`,
  );
  return {
    confirmedShare: ratio(int(r!.made_confirmed), int(r!.made)),
    noShowRateConfirmed: ratio(int(r!.no_show_c), int(r!.marked_c)),
    noShowRateUnconfirmed: ratio(int(r!.no_show_u), int(r!.marked_u)),
    waitlistFills: int(r!.fills),
    releasedUnconfirmed: int(r!.released),
  };
}
