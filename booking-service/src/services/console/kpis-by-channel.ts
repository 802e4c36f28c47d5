/**
 * The dashboard's KPIs broken down by channel (issue 16, "One inbox"): where the client wrote —
 * widget, Telegram, WhatsApp, SMS, e-mail — and, for bookings made without a chat, the booking's
 * own channel (phone, console, API). SQL over the events table and hand-offs, like kpis.ts, with
 * the same period [from, to) and site filter, and the same definitions per channel:
 *
 * - a conversation's channel is its server-side row's (`conversations.channel`); an event or a
 *   hand-off whose conversation has no row (an old widget chat, the widget's form) is the widget's;
 * - a booking's channel is the channel of the chat it was made in (the booking's conversation, or
 *   the event's), else the booking's channel (phone, console, api), else the widget;
 * - firstResponseHumanMs: median `first_human_reply.value_ms` (working time) of the channel's
 *   conversations;
 * - slaPercent: the channel's hand-offs created in the period answered by their target ÷ all of
 *   them × 100;
 * - leadToBooking: the channel's conversations with `handoff_requested` or `quote_given` that also
 *   have `booking_made` ÷ those with `handoff_requested` or `quote_given`;
 * - noShowRate: no_show ÷ (attended + no_show) of the channel's bookings, each booking's latest mark.
 * Rates 0..1, slaPercent 0..100, null when the denominator is 0. A channel with nothing to show
 * in the period is left out.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../adapters/db/client.js';
import { sites } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export interface ChannelKpis {
  channel: string;
  conversations: number;
  leads: number;
  leadToBooking: number | null;
  handoffs: number;
  slaPercent: number | null;
  firstResponseHumanMs: number | null;
  /** Bookings of the channel with an attendance mark (the no-show rate's denominator). */
  marked: number;
  noShowRate: number | null;
}

export interface ChannelScope {
  businessId: string;
  from: Date;
  to: Date;
  siteId: string | null;
}

/** Display order: the conversation channels, then how bookings arrive without a chat. */
const ORDER = ['widget', 'telegram', 'whatsapp', 'sms', 'email', 'phone', 'console', 'api'];

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const int = (v: unknown) => Number(v ?? 0);

/** The period's events, each with the channel of its conversation. */
const channelEvents = (s: ChannelScope): SQL => sql`ev AS (
  SELECT e.*, coalesce(c.channel, 'widget') AS ch
  FROM events e LEFT JOIN conversations c ON c.id = e.conversation_id AND c.business_id = e.business_id
  WHERE e.business_id = ${s.businessId} AND e.at >= ${s.from} AND e.at < ${s.to}
    AND (${s.siteId}::text IS NULL OR e.site_id = ${s.siteId}))`;

export async function kpisByChannel(db: Db, s: ChannelScope): Promise<ChannelKpis[]> {
  const convs = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH ${channelEvents(s)},
      convs AS (SELECT ch, conversation_id, array_agg(DISTINCT kind) AS kinds FROM ev WHERE conversation_id IS NOT NULL GROUP BY ch, conversation_id),
      frt AS (SELECT ch, percentile_cont(0.5) WITHIN GROUP (ORDER BY value_ms) AS p50 FROM ev WHERE kind = 'first_human_reply' AND value_ms IS NOT NULL GROUP BY ch),
      per AS (SELECT ch, count(*)::int AS conversations,
          count(*) FILTER (WHERE kinds && ARRAY['handoff_requested', 'quote_given'])::int AS leads,
          count(*) FILTER (WHERE kinds && ARRAY['handoff_requested', 'quote_given'] AND 'booking_made' = ANY(kinds))::int AS leads_booked
        FROM convs GROUP BY ch)
    SELECT coalesce(per.ch, frt.ch) AS ch, per.conversations, per.leads, per.leads_booked, frt.p50
    FROM per FULL JOIN frt ON frt.ch = per.ch`,
  );
  const handoffRows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT coalesce(c.channel, 'widget') AS ch, count(*)::int AS handoffs,
        count(*) FILTER (WHERE h.first_reply_at IS NOT NULL AND h.first_reply_at <= h.expected_reply_by)::int AS in_time
      FROM handoffs h LEFT JOIN conversations c ON c.id = h.conversation_id AND c.business_id = h.business_id
      WHERE h.business_id = ${s.businessId} AND h.created_at >= ${s.from} AND h.created_at < ${s.to}
        AND (${s.siteId}::text IS NULL OR h.site_id = ${s.siteId})
      GROUP BY 1`,
  );
  const attendance = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH ${channelEvents(s)},
      att AS (SELECT DISTINCT ON (booking_id) booking_id, kind, conversation_id FROM ev
        WHERE kind IN ('attended', 'no_show', 'attendance_undone') AND booking_id IS NOT NULL ORDER BY booking_id, at DESC, id DESC)
    SELECT coalesce(bc.channel, ec.channel, b.channel, 'widget') AS ch,
      count(*) FILTER (WHERE att.kind = 'no_show')::int AS no_shows,
      count(*) FILTER (WHERE att.kind <> 'attendance_undone')::int AS marked
    FROM att
      LEFT JOIN bookings b ON b.id = att.booking_id AND b.business_id = ${s.businessId}
      LEFT JOIN conversations bc ON bc.id = b.conversation_id AND bc.business_id = ${s.businessId}
      LEFT JOIN conversations ec ON ec.id = att.conversation_id AND ec.business_id = ${s.businessId}
    GROUP BY 1`,
  );

  const rows = new Map<string, ChannelKpis>();
  const row = (ch: unknown): ChannelKpis => {
    const channel = String(ch);
    let r = rows.get(channel);
    if (!r) rows.set(channel, (r = { channel, conversations: 0, leads: 0, leadToBooking: null, handoffs: 0, slaPercent: null, firstResponseHumanMs: null, marked: 0, noShowRate: null }));
    return r;
  };
  for (const c of convs) {
    const r = row(c.ch);
    r.conversations = int(c.conversations);
    r.leads = int(c.leads);
    r.leadToBooking = ratio(int(c.leads_booked), r.leads);
    r.firstResponseHumanMs = c.p50 === null || c.p50 === undefined ? null : Math.round(Number(c.p50));
  }
  for (const h of handoffRows) {
    const r = row(h.ch);
    r.handoffs = int(h.handoffs);
    const sla = ratio(int(h.in_time), r.handoffs);
    r.slaPercent = sla === null ? null : sla * 100;
  }
  for (const a of attendance) {
    const r = row(a.ch);
    r.marked = int(a.marked);
    r.noShowRate = ratio(int(a.no_shows), r.marked);
  }
  const rank = (c: string) => (ORDER.indexOf(c) === -1 ? ORDER.length : ORDER.indexOf(c));
  return [...rows.values()].sort((a, b) => rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel));
}

/** dashboard.byChannel: the period and site as dashboard.kpis takes them, checked the same way. */
export async function dashboardKpisByChannel(
  deps: Deps,
  businessId: string,
  input: { from: string; to: string; siteId?: string | undefined },
): Promise<Result<ChannelKpis[]>> {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to <= from) return fail('INVALID_INPUT', 'Invalid input: to: must be after from', { fields: [{ path: 'to', message: 'must be after from' }] });
  if (input.siteId !== undefined) {
    const own = await deps.db.select({ id: sites.id }).from(sites).where(and(eq(sites.id, input.siteId), eq(sites.businessId, businessId)));
    if (own.length === 0) return fail('SITE_NOT_FOUND', 'No such site in this business', { field: 'siteId' });
  }
  return ok(await kpisByChannel(deps.db, { businessId, from, to, siteId: input.siteId ?? null }));
}
