/**
 * The KPI dashboard, computed in SQL over the events table (services/events.ts writes it in the
 * transaction of each change) and over handoffs where that table is the source of truth (SLA).
 *
 * Definitions — for a period [from, to), optionally one site; every event counted is one whose
 * `at` falls in the period (a conversation's events are judged within the same period):
 * - firstResponseBot: median and p90 (percentile_cont) of `bot_reply.value_ms` — the server's
 *   processing time of chat.interpret;
 * - firstResponseHuman: median and p90 of `first_human_reply.value_ms` — from the request to the
 *   first staff reply in WORKING time (opening hours, the SLA's clock; services/console/inbox.ts);
 * - slaPercent: hand-offs created in the period whose first reply came by their target
 *   (first_reply_at ≤ expected_reply_by) ÷ all hand-offs created in the period × 100 (still
 *   unanswered ones count as not (yet) answered in time);
 * - leadToBooking: conversations with a `handoff_requested` or `quote_given` that also have a
 *   `booking_made` ÷ conversations with a `handoff_requested` or `quote_given`;
 * - quoteToBooking: conversations with `quote_given` and `booking_made` ÷ those with `quote_given`;
 * - bookings: `booking_made` events; bookingsPerWeek: the same by ISO week (Monday start, in the
 *   business's time zone), every week of the period listed, empty ones as 0;
 * - noShowRate: no_show ÷ (attended + no_show), each booking counted once with its latest mark
 *   (staff may correct a mark);
 * - rescheduleRate / cancellationRate: distinct bookings with a `rescheduled` / `cancelled`
 *   event ÷ bookings made in the period;
 * - handoffs: hand-offs created; conversations: distinct conversation ids with any event;
 * - byIntent: per intent chosen in the widget menu (`intent_chosen`), the conversations that
 *   chose it, how many of them booked, and the ratio;
 * - byChannel: bookings made by the booking's channel (bookings.channel; widget, phone…).
 * - aht (average handling time, as median and p90): from the conversation record — conversations
 *   started in the period that reached an outcome, outcome_at − created_at (outcome_at is the
 *   FIRST outcome's time: booked, handed off, lost, not interested);
 * - service: per conversation channel and intent (conversations started in the period): how many,
 *   how many asked for a person, the median first human reply (first_human_reply, working time),
 *   SLA% of their hand-offs, and the median handling time.
 * - quoteToBooking7d: conversations whose first `quote_given` is in the period and that have a
 *   `booking_made` within 7 days after it (the booking may fall after the period) ÷ those conversations;
 * - follow-ups (issue 17, the follow_ups table): followUpsSent = follow-ups sent in the period;
 *   recoveredLeads = conversations with a follow-up sent in the period that the visitor answered
 *   (wrote again: `answered_at`) or booked after it; reactivationRate = recoveredLeads ÷
 *   conversations with a follow-up sent in the period.
 * - confirmation (issue 17, kpis-confirmation.ts; whether the client confirmed is the booking's
 *   `visitor_confirmed_at`, set by "Confirm" in a reminder): confirmedShare = bookings made in the
 *   period (`booking_made`) that the client confirmed ÷ bookings made in the period;
 *   noShowRateConfirmed / noShowRateUnconfirmed = noShowRate (latest mark per booking) among the
 *   bookings the client had / had not confirmed; waitlistFills = `waitlist.filled` events (a freed
 *   slot booked from the waiting list, recorded in the transaction that books it).
 * - releasedUnconfirmed (issue 17, kpis-confirmation.ts): bookings released because the client had
 *   not confirmed by `businesses.release_unconfirmed_hours` before the visit — distinct bookings
 *   with a `cancelled` event whose `meta.by` is 'release' (services/reconfirm/release.ts, written
 *   in the transaction that releases); a staff or client cancellation is not one.
 * Rates are 0..1, slaPercent 0..100; null when the denominator is 0. Durations are whole ms.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { queryRows } from '../../adapters/db/client.js';
import { businesses, sites } from '../../adapters/db/schema.js';
import { addDays, isoWeekday, utcToZoned, type LocalDate } from '@frontdesk/shared';
import type { Deps } from '../deps.js';
import { confirmationKpisOf, type ConfirmationKpis } from './kpis-confirmation.js';
import { fail, ok, type Result } from '../result.js';

export interface Percentiles {
  medianMs: number | null;
  p90Ms: number | null;
}

export interface Kpis {
  firstResponseBot: Percentiles;
  firstResponseHuman: Percentiles;
  slaPercent: number | null;
  leadToBooking: number | null;
  quoteToBooking: number | null;
  bookings: number;
  noShowRate: number | null;
  rescheduleRate: number | null;
  cancellationRate: number | null;
  handoffs: number;
  conversations: number;
  /** Start → first outcome of the conversations started in the period. */
  aht: Percentiles;
  quoteToBooking7d: number | null;
  followUpsSent: number;
  recoveredLeads: number;
  reactivationRate: number | null;
}

export interface ServiceRow {
  channel: string;
  /** '' when the conversation never chose one. */
  intent: string;
  conversations: number;
  handoffs: number;
  firstHumanReplyMedianMs: number | null;
  slaPercent: number | null;
  ahtMedianMs: number | null;
}

export interface Dashboard {
  current: Kpis;
  previous: Kpis;
  bookingsPerWeek: Array<{ weekStart: string; count: number }>;
  byIntent: Array<{ intent: string; conversations: number; bookings: number; conversion: number | null }>;
  byChannel: Array<{ channel: string; bookings: number }>;
  service: ServiceRow[];
  /** Re-confirmation figures (issue 17), this period and the one before. */
  confirmation: { current: ConfirmationKpis; previous: ConfirmationKpis };
}

interface Scope {
  businessId: string;
  from: Date;
  to: Date;
  siteId: string | null;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const ms = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
const int = (v: unknown) => Number(v ?? 0);

/** The period's events, as a CTE every query starts from. */
const periodEvents = (s: Scope): SQL => sql`ev AS (
  SELECT * FROM events
  WHERE business_id = ${s.businessId} AND at >= ${s.from} AND at < ${s.to}
    AND (${s.siteId}::text IS NULL OR site_id = ${s.siteId}))`;

async function kpisOf(db: Db, s: Scope): Promise<Kpis> {
  const [e] = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH ${periodEvents(s)},
      convs AS (SELECT conversation_id, array_agg(DISTINCT kind) AS kinds FROM ev WHERE conversation_id IS NOT NULL GROUP BY conversation_id),
      att AS (SELECT DISTINCT ON (booking_id) kind FROM ev WHERE kind IN ('attended', 'no_show', 'attendance_undone') ORDER BY booking_id, at DESC, id DESC)
    SELECT
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value_ms) FROM ev WHERE kind = 'bot_reply' AND value_ms IS NOT NULL) AS bot_p50,
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY value_ms) FROM ev WHERE kind = 'bot_reply' AND value_ms IS NOT NULL) AS bot_p90,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value_ms) FROM ev WHERE kind = 'first_human_reply' AND value_ms IS NOT NULL) AS human_p50,
      (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY value_ms) FROM ev WHERE kind = 'first_human_reply' AND value_ms IS NOT NULL) AS human_p90,
      (SELECT count(*)::int FROM convs) AS conversations,
      (SELECT count(*)::int FROM convs WHERE kinds && ARRAY['handoff_requested', 'quote_given']) AS leads,
      (SELECT count(*)::int FROM convs WHERE kinds && ARRAY['handoff_requested', 'quote_given'] AND 'booking_made' = ANY(kinds)) AS leads_booked,
      (SELECT count(*)::int FROM convs WHERE 'quote_given' = ANY(kinds)) AS quoted,
      (SELECT count(*)::int FROM convs WHERE 'quote_given' = ANY(kinds) AND 'booking_made' = ANY(kinds)) AS quoted_booked,
      (SELECT count(*)::int FROM ev WHERE kind = 'booking_made') AS bookings,
      (SELECT count(DISTINCT booking_id)::int FROM ev WHERE kind = 'rescheduled') AS rescheduled,
      (SELECT count(DISTINCT booking_id)::int FROM ev WHERE kind = 'cancelled') AS cancelled,
      (SELECT count(*)::int FROM att WHERE kind = 'no_show') AS no_shows,
      (SELECT count(*)::int FROM att WHERE kind <> 'attendance_undone') AS marked`,
  );
  const [h] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT count(*)::int AS handoffs,
        count(*) FILTER (WHERE first_reply_at IS NOT NULL AND first_reply_at <= expected_reply_by)::int AS in_time
      FROM handoffs
      WHERE business_id = ${s.businessId} AND created_at >= ${s.from} AND created_at < ${s.to}
        AND (${s.siteId}::text IS NULL OR site_id = ${s.siteId})`,
  );
  const [a] = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH c AS (${ahtOf(s)})
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY ms) AS p90 FROM c`,
  );
  const [f] = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH sent AS (
        SELECT f.conversation_id, min(f.sent_at) AS first_sent, bool_or(f.answered_at IS NOT NULL) AS answered
        FROM follow_ups f JOIN conversations c ON c.id = f.conversation_id
        WHERE f.business_id = ${s.businessId} AND f.status = 'sent' AND f.sent_at >= ${s.from} AND f.sent_at < ${s.to}
          AND (${s.siteId}::text IS NULL OR c.site_id = ${s.siteId})
        GROUP BY f.conversation_id),
      q AS (
        SELECT conversation_id, min(at) AS quoted_at FROM events
        WHERE business_id = ${s.businessId} AND kind = 'quote_given' AND conversation_id IS NOT NULL
          AND (${s.siteId}::text IS NULL OR site_id = ${s.siteId})
        GROUP BY conversation_id HAVING min(at) >= ${s.from} AND min(at) < ${s.to})
      SELECT
        (SELECT count(*)::int FROM follow_ups f JOIN conversations c ON c.id = f.conversation_id
          WHERE f.business_id = ${s.businessId} AND f.status = 'sent' AND f.sent_at >= ${s.from} AND f.sent_at < ${s.to}
            AND (${s.siteId}::text IS NULL OR c.site_id = ${s.siteId})) AS sent,
        (SELECT count(*)::int FROM sent) AS followed,
        (SELECT count(*)::int FROM sent WHERE answered OR EXISTS (
          SELECT 1 FROM events b WHERE b.business_id = ${s.businessId} AND b.kind = 'booking_made' AND b.conversation_id = sent.conversation_id AND b.at >= sent.first_sent)) AS recovered,
        (SELECT count(*)::int FROM q) AS quoted,
        (SELECT count(*)::int FROM q WHERE EXISTS (
          SELECT 1 FROM events b WHERE b.business_id = ${s.businessId} AND b.kind = 'booking_made' AND b.conversation_id = q.conversation_id
            AND b.at >= q.quoted_at AND b.at < q.quoted_at + interval '7 days')) AS quoted_booked`,
  );
  const bookings = int(e!.bookings);
  const handoffs = int(h!.handoffs);
  const sla = ratio(int(h!.in_time), handoffs);
  return {
    firstResponseBot: { medianMs: ms(e!.bot_p50), p90Ms: ms(e!.bot_p90) },
    firstResponseHuman: { medianMs: ms(e!.human_p50), p90Ms: ms(e!.human_p90) },
    slaPercent: sla === null ? null : sla * 100,
    leadToBooking: ratio(int(e!.leads_booked), int(e!.leads)),
    quoteToBooking: ratio(int(e!.quoted_booked), int(e!.quoted)),
    bookings,
    noShowRate: ratio(int(e!.no_shows), int(e!.marked)),
    rescheduleRate: ratio(int(e!.rescheduled), bookings),
    cancellationRate: ratio(int(e!.cancelled), bookings),
    handoffs,
    conversations: int(e!.conversations),
    aht: { medianMs: ms(a?.p50), p90Ms: ms(a?.p90) },
    quoteToBooking7d: ratio(int(f!.quoted_booked), int(f!.quoted)),
    followUpsSent: int(f!.sent),
    recoveredLeads: int(f!.recovered),
    reactivationRate: ratio(int(f!.recovered), int(f!.followed)),
  };
}

/** Conversations started in the period, with their handling time in ms (null before an outcome). */
const ahtOf = (s: Scope): SQL => sql`
  SELECT id, channel, coalesce(intent, '') AS intent,
    CASE WHEN outcome_at IS NULL THEN NULL ELSE extract(epoch FROM (outcome_at - created_at)) * 1000 END AS ms
  FROM conversations
  WHERE business_id = ${s.businessId} AND created_at >= ${s.from} AND created_at < ${s.to}
    AND (${s.siteId}::text IS NULL OR site_id = ${s.siteId})`;

async function service(db: Db, s: Scope): Promise<ServiceRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH c AS (${ahtOf(s)}),
      h AS (SELECT conversation_id, count(*)::int AS n, count(*) FILTER (WHERE first_reply_at IS NOT NULL AND first_reply_at <= expected_reply_by)::int AS in_time
            FROM handoffs WHERE business_id = ${s.businessId} AND conversation_id IS NOT NULL GROUP BY conversation_id),
      f AS (SELECT conversation_id, min(value_ms) AS frt FROM events
            WHERE business_id = ${s.businessId} AND kind = 'first_human_reply' AND conversation_id IS NOT NULL GROUP BY conversation_id)
      SELECT c.channel, c.intent, count(*)::int AS conversations,
        coalesce(sum(h.n), 0)::int AS handoffs, coalesce(sum(h.in_time), 0)::int AS in_time,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY f.frt) AS frt_p50,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY c.ms) AS aht_p50
      FROM c LEFT JOIN h ON h.conversation_id = c.id LEFT JOIN f ON f.conversation_id = c.id
      GROUP BY c.channel, c.intent ORDER BY conversations DESC, c.channel, c.intent`,
  );
  return rows.map((r) => {
    const sla = ratio(int(r.in_time), int(r.handoffs));
    return {
      channel: String(r.channel),
      intent: String(r.intent),
      conversations: int(r.conversations),
      handoffs: int(r.handoffs),
      firstHumanReplyMedianMs: ms(r.frt_p50),
      slaPercent: sla === null ? null : sla * 100,
      ahtMedianMs: ms(r.aht_p50),
    };
  });
}

/** Monday of the ISO week of a local date. */
const mondayOf = (d: LocalDate) => addDays(d, 1 - isoWeekday(d));

async function bookingsPerWeek(db: Db, s: Scope, timeZone: string): Promise<Dashboard['bookingsPerWeek']> {
  const rows = await queryRows<{ week: unknown; n: unknown }>(
    db,
    sql`WITH ${periodEvents(s)}
      SELECT to_char(date_trunc('week', at AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS week, count(*)::int AS n
      FROM ev WHERE kind = 'booking_made' GROUP BY 1`,
  );
  const counts = new Map(rows.map((r) => [String(r.week), int(r.n)]));
  const out: Dashboard['bookingsPerWeek'] = [];
  // The last instant inside the period decides the last week (the period is half-open).
  const last = mondayOf(utcToZoned(s.to.getTime() - 1, timeZone).date);
  for (let w = mondayOf(utcToZoned(s.from.getTime(), timeZone).date); w <= last && out.length < 60; w = addDays(w, 7)) {
    out.push({ weekStart: w, count: counts.get(w) ?? 0 });
  }
  return out;
}

async function byIntent(db: Db, s: Scope): Promise<Dashboard['byIntent']> {
  const rows = await queryRows<{ intent: unknown; conversations: unknown; bookings: unknown }>(
    db,
    sql`WITH ${periodEvents(s)},
      chose AS (SELECT DISTINCT intent, conversation_id FROM ev WHERE kind = 'intent_chosen' AND intent IS NOT NULL AND conversation_id IS NOT NULL),
      booked AS (SELECT DISTINCT conversation_id FROM ev WHERE kind = 'booking_made' AND conversation_id IS NOT NULL)
      SELECT c.intent, count(*)::int AS conversations, count(b.conversation_id)::int AS bookings
      FROM chose c LEFT JOIN booked b ON b.conversation_id = c.conversation_id
      GROUP BY c.intent ORDER BY conversations DESC, c.intent`,
  );
  return rows.map((r) => ({ intent: String(r.intent), conversations: int(r.conversations), bookings: int(r.bookings), conversion: ratio(int(r.bookings), int(r.conversations)) }));
}

async function byChannel(db: Db, s: Scope): Promise<Dashboard['byChannel']> {
  const rows = await queryRows<{ channel: unknown; bookings: unknown }>(
    db,
    sql`WITH ${periodEvents(s)}
      SELECT coalesce(b.channel, ev.channel) AS channel, count(*)::int AS bookings
      FROM ev LEFT JOIN bookings b ON b.id = ev.booking_id AND b.business_id = ev.business_id
      WHERE ev.kind = 'booking_made'
      GROUP BY 1 ORDER BY bookings DESC, channel`,
  );
  return rows.map((r) => ({ channel: String(r.channel), bookings: int(r.bookings) }));
}

export async function dashboardKpis(
  deps: Deps,
  businessId: string,
  input: { from: string; to: string; siteId?: string | undefined },
): Promise<Result<Dashboard>> {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to <= from) return fail('INVALID_INPUT', 'Invalid input: to: must be after from', { fields: [{ path: 'to', message: 'must be after from' }] });
  if (input.siteId !== undefined) {
    const own = await deps.db.select({ id: sites.id }).from(sites).where(and(eq(sites.id, input.siteId), eq(sites.businessId, businessId)));
    if (own.length === 0) return fail('SITE_NOT_FOUND', 'No such site in this business', { field: 'siteId' });
  }
  const [biz] = await deps.db.select({ timeZone: businesses.timeZone }).from(businesses).where(eq(businesses.id, businessId));
  const timeZone = biz?.timeZone ?? 'UTC';
  const siteId = input.siteId ?? null;
  const current: Scope = { businessId, from, to, siteId };
  const previous: Scope = { businessId, from: new Date(2 * from.getTime() - to.getTime()), to: from, siteId };
  return ok({
    current: await kpisOf(deps.db, current),
    previous: await kpisOf(deps.db, previous),
    bookingsPerWeek: await bookingsPerWeek(deps.db, current, timeZone),
    byIntent: await byIntent(deps.db, current),
    byChannel: await byChannel(deps.db, current),
    service: await service(deps.db, current),
    confirmation: { current: await confirmationKpisOf(deps.db, current), previous: await confirmationKpisOf(deps.db, previous) },
  });
}
