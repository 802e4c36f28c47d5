/**
 * Recent messages to clients that did not go the usual way (issue 16), where staff look: the
 * dashboard's figure with the bookings behind it, and the inbox's banner. Read from the events
 * services/channels/notify.ts records (it owns how they are written): `notice_failed` — no
 * channel carried the message, someone should call the client — and `notice_fallback` — it
 * reached the client by a later channel. A rolling window of the last 7 × 24 h before `now`
 * (not business days: "this past week" is what the banner means, whatever the zone).
 */
import type { BookingStatus } from '@frontdesk/shared';
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { bookings, customers, events } from '../../adapters/db/schema.js';
import type { NoticeChannel } from './delivery-notices.js';

export const DELIVERY_WINDOW_DAYS = 7;
/** The dashboard lists this many bookings at most; the figures count them all. */
export const DELIVERY_LIST_LIMIT = 20;

export interface DeliveryProblem {
  bookingId: string;
  customerName: string;
  customerPhone: string | null;
  /** The visit (ISO), for the calendar link; the booking's status now (a cancelled one may need no call). */
  startsAt: string;
  status: BookingStatus;
  /** The worst of this booking's problems in the window: `failed` if any message went nowhere. */
  kind: 'failed' | 'fallback';
  /** Which message: booking_confirmed, reminder, … (the latest of that kind). */
  message: string;
  failed: NoticeChannel[];
  sentBy: NoticeChannel | null;
  at: string;
}

export interface DeliveryFailures {
  days: number;
  since: string;
  /** Messages no channel delivered (`notice_failed`; notify.ts records one per booking, message, version). */
  failed: number;
  /** Messages delivered by another channel than the client's first (`notice_fallback`). */
  fallback: number;
  /** The bookings behind those figures, those with an undelivered message first, then the latest first. */
  bookings: DeliveryProblem[];
}

const CHANNELS = new Set<string>(['telegram', 'whatsapp', 'sms']);
const channels = (v: unknown): NoticeChannel[] => (Array.isArray(v) ? v.filter((x): x is NoticeChannel => typeof x === 'string' && CHANNELS.has(x)) : []);

/** The business's delivery problems of the last DELIVERY_WINDOW_DAYS days before `now`. */
export async function deliveryFailuresOf(db: Queryable, businessId: string, now: Date): Promise<DeliveryFailures> {
  const since = new Date(now.getTime() - DELIVERY_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select({ bookingId: events.bookingId, kind: events.kind, at: events.at, meta: events.meta })
    .from(events)
    .where(and(eq(events.businessId, businessId), inArray(events.kind, ['notice_failed', 'notice_fallback']), gte(events.at, since), lte(events.at, now)))
    .orderBy(desc(events.at), desc(events.id));
  let failed = 0;
  let fallback = 0;
  const perBooking = new Map<string, Omit<DeliveryProblem, 'customerName' | 'customerPhone' | 'startsAt' | 'status'>>();
  for (const r of rows) {
    const isFailed = r.kind === 'notice_failed';
    if (isFailed) failed++;
    else fallback++;
    if (!r.bookingId) continue;
    const seen = perBooking.get(r.bookingId);
    // Rows come latest first: keep the latest, unless an older one went nowhere and the latest did arrive.
    if (seen && (seen.kind === 'failed' || !isFailed)) continue;
    const meta = r.meta ?? {};
    perBooking.set(r.bookingId, {
      bookingId: r.bookingId,
      kind: isFailed ? 'failed' : 'fallback',
      message: typeof meta.message === 'string' ? meta.message : '',
      failed: channels(isFailed ? meta.tried : meta.failed),
      sentBy: !isFailed && typeof meta.sentBy === 'string' && CHANNELS.has(meta.sentBy) ? (meta.sentBy as NoticeChannel) : null,
      at: r.at.toISOString(),
    });
  }
  const problems = [...perBooking.values()].sort((a, b) => (a.kind === b.kind ? b.at.localeCompare(a.at) : a.kind === 'failed' ? -1 : 1)).slice(0, DELIVERY_LIST_LIMIT);
  const ids = problems.map((p) => p.bookingId);
  const found = ids.length === 0
    ? []
    : await db
        .select({ id: bookings.id, startsAt: bookings.startsAt, status: bookings.status, name: customers.name, phone: customers.phone })
        .from(bookings)
        .leftJoin(customers, eq(customers.id, bookings.customerId))
        // The business again: an event can only name its own bookings, but the list must never show another's.
        .where(and(eq(bookings.businessId, businessId), inArray(bookings.id, ids)));
  const byId = new Map(found.map((b) => [b.id, b]));
  return {
    days: DELIVERY_WINDOW_DAYS,
    since: since.toISOString(),
    failed,
    fallback,
    bookings: problems.flatMap((p) => {
      const b = byId.get(p.bookingId);
      return b ? [{ ...p, customerName: b.name ?? '', customerPhone: b.phone ?? null, startsAt: b.startsAt.toISOString(), status: b.status }] : [];
    }),
  };
}
