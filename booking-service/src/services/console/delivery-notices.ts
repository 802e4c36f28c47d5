/**
 * What staff see of a booking's messages that did not go the usual way (issue 16): the latest
 * `notice_fallback` (sent by a later channel) or `notice_failed` (no channel carried it) recorded by
 * services/channels/notify.ts and whatsapp-status.ts. Only the latest matters on the booking: it is what
 * the owner acts on. `sentBy: email`: no messenger or SMS carried it after a failure, the e-mail copy did.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { events } from '../../adapters/db/schema.js';

export type NoticeChannel = 'telegram' | 'whatsapp' | 'sms' | 'email';

export interface DeliveryNotice {
  /** `fallback`: delivered, by `sentBy` instead of `failed`; `failed`: none of `failed` delivered it — call the client. */
  kind: 'fallback' | 'failed';
  failed: NoticeChannel[];
  sentBy: NoticeChannel | null;
  at: string;
}

const CHANNELS = new Set<string>(['telegram', 'whatsapp', 'sms', 'email']);
const channels = (v: unknown): NoticeChannel[] => (Array.isArray(v) ? v.filter((x): x is NoticeChannel => typeof x === 'string' && CHANNELS.has(x)) : []);

/** The latest delivery notice of each of these bookings (absent: every message went by the first channel). */
export async function deliveryNotices(db: Queryable, businessId: string, bookingIds: string[]): Promise<Map<string, DeliveryNotice>> {
  const out = new Map<string, DeliveryNotice>();
  if (bookingIds.length === 0) return out;
  const rows = await db
    .select({ bookingId: events.bookingId, kind: events.kind, at: events.at, meta: events.meta })
    .from(events)
    .where(and(eq(events.businessId, businessId), inArray(events.kind, ['notice_fallback', 'notice_failed']), inArray(events.bookingId, bookingIds)))
    // At the same instant a fallback comes after the failure it answers (both may be recorded in one run).
    .orderBy(desc(events.at), desc(sql`${events.kind} = 'notice_fallback'`), desc(events.id));
  for (const r of rows) {
    if (!r.bookingId || out.has(r.bookingId)) continue;
    const meta = r.meta ?? {};
    const sentBy = typeof meta.sentBy === 'string' && CHANNELS.has(meta.sentBy) ? (meta.sentBy as NoticeChannel) : null;
    out.set(
      r.bookingId,
      r.kind === 'notice_fallback'
        ? { kind: 'fallback', failed: channels(meta.failed), sentBy, at: r.at.toISOString() }
        : { kind: 'failed', failed: channels(meta.tried), sentBy: null, at: r.at.toISOString() },
    );
  }
  return out;
}
