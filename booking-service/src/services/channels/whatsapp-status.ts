/**
 * What became of a booking notice sent on WhatsApp (issue 16). The Cloud API accepts a message and
 * reports later, by the `statuses` of its webhook, whether it was delivered — or `failed`, with
 * `errors[].code`: 131047 (outside the 24-hour customer service window: only a template can go),
 * 131026 (undeliverable), and others. A notice that failed:
 * - 131047 on a free-form message, with a template configured for the client's language and the
 *   message: sent again as the template (a `notify.*` job asking for it);
 * - otherwise: `notice_failed` for WhatsApp (the booking panel's delivery line) and a `notify.*` job
 *   that skips WhatsApp — SMS when possible, else the e-mail copy is what reached them.
 * All in the transaction that learns of the failure, once: the send and its status may come in
 * either order (the webhook can overtake the record of the send), so both upsert one
 * `whatsapp_notices` row, which serialises them; whichever completes the pair handles it, and
 * `handled_at` keeps a replayed webhook from handling it again.
 */
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Tx } from '../../adapters/db/client.js';
import { channelConnections, sentMessages, whatsappNotices } from '../../adapters/db/schema.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import { recordEventOnce } from '../events.js';
import { loadBookingContext, visitorLang } from '../notifications/context.js';
import { notifyJobKind, type MailJobPayload } from '../notifications/enqueue.js';
import { templatesOf } from './whatsapp-connection.js';

export type WaStatus = 'sent' | 'delivered' | 'read' | 'failed';
export type NoticeRow = typeof whatsappNotices.$inferSelect;

/** What a `notify.*` job carries beyond the message: the channels already failed, or "as a template". */
export interface NoticeRetry {
  skip?: Array<'telegram' | 'whatsapp' | 'sms'>;
  whatsapp?: 'template';
}

/** Error code of the 24-hour window (Meta: "Re-engagement message"). */
export const OUTSIDE_WINDOW = 131047;

/** The send's half, in the transaction that records the send. */
export async function recordWhatsAppNotice(tx: Tx, v: { messageId: string; bookingId: string; payload: Record<string, unknown>; template: boolean; at: Date }): Promise<NoticeRow> {
  const rows = await tx.insert(whatsappNotices)
    .values({ messageId: v.messageId, bookingId: v.bookingId, payload: v.payload, template: v.template, status: 'sent', sentAt: v.at, statusAt: v.at })
    .onConflictDoUpdate({ target: whatsappNotices.messageId, set: { bookingId: v.bookingId, payload: v.payload, template: v.template, sentAt: v.at } })
    .returning();
  return rows[0]!;
}

/**
 * The webhook's half. Delivered/read only move a known notice forward (a chat message's status
 * is not kept). A failure is kept even before the send is recorded, unless the message already
 * reached the client (statuses may arrive out of order, e.g. from several devices).
 */
export async function recordWhatsAppStatus(tx: Tx, s: { messageId: string; status: WaStatus; errorCode: number | null; errorTitle: string | null; at: Date }): Promise<NoticeRow | undefined> {
  if (s.status !== 'failed') {
    const below: WaStatus[] = s.status === 'read' ? ['sent', 'delivered'] : s.status === 'delivered' ? ['sent'] : [];
    if (below.length > 0) await tx.update(whatsappNotices).set({ status: s.status, statusAt: s.at }).where(and(eq(whatsappNotices.messageId, s.messageId), inArray(whatsappNotices.status, below)));
    return undefined;
  }
  const rows = await tx.insert(whatsappNotices)
    .values({ messageId: s.messageId, status: 'failed', errorCode: s.errorCode, errorTitle: s.errorTitle, statusAt: s.at })
    .onConflictDoUpdate({
      target: whatsappNotices.messageId,
      set: {
        status: sql`CASE WHEN ${whatsappNotices.status} IN ('delivered', 'read') THEN ${whatsappNotices.status} ELSE 'failed' END`,
        errorCode: sql`coalesce(${whatsappNotices.errorCode}, excluded.error_code)`,
        errorTitle: sql`coalesce(${whatsappNotices.errorTitle}, excluded.error_title)`,
        statusAt: s.at,
      },
    })
    .returning();
  return rows[0];
}

/**
 * Handles a notice whose row says it failed (from either half), once. Returns what it did:
 * `template` (re-sent as the template), `fallback` (staff told; the next channel's job queued) or
 * null (not a failed notice, or already handled).
 */
export async function handleFailedNotice(tx: Tx, row: NoticeRow, now: Date): Promise<'template' | 'fallback' | null> {
  if (row.status !== 'failed' || !row.bookingId || !row.payload || row.handledAt) return null;
  const claimed = await tx.update(whatsappNotices).set({ handledAt: now })
    .where(and(eq(whatsappNotices.messageId, row.messageId), sql`${whatsappNotices.handledAt} IS NULL`)).returning({ id: whatsappNotices.messageId });
  if (claimed.length === 0) return null;
  const c = await loadBookingContext(tx, row.bookingId);
  if (!c) return null;
  const p = row.payload as unknown as MailJobPayload & NoticeRetry;
  // It did not reach them: it is not "sent" any more, so a later attempt on another way is not a duplicate.
  await tx.delete(sentMessages).where(and(eq(sentMessages.subjectId, row.bookingId), like(sentMessages.kind, 'whatsapp:%'), eq(sentMessages.messageId, row.messageId)));
  const base: MailJobPayload & NoticeRetry = { message: p.message, version: p.version, ...(p.leadMin !== undefined ? { leadMin: p.leadMin } : {}), ...(p.previousStart !== undefined ? { previousStart: p.previousStart } : {}) };
  if (row.errorCode === OUTSIDE_WINDOW && !row.template && (await hasTemplate(tx, c.business.id, visitorLang(c), p.message))) {
    await enqueue(tx, { kind: notifyJobKind(p.message), payload: { ...base, ...(p.skip ? { skip: p.skip } : {}), whatsapp: 'template' }, runAt: now, bookingId: row.bookingId });
    return 'template';
  }
  const skip = [...new Set([...(p.skip ?? []), 'whatsapp' as const])];
  await recordEventOnce(tx, {
    businessId: c.business.id, kind: 'notice_failed', at: now, siteId: c.booking.siteId, conversationId: c.booking.conversationId, bookingId: c.booking.id,
    channel: 'whatsapp', meta: { message: p.message, version: p.version, tried: skip, code: row.errorCode, error: (row.errorTitle ?? '').slice(0, 200) },
  });
  await enqueue(tx, { kind: notifyJobKind(p.message), payload: { ...base, skip }, runAt: now, bookingId: row.bookingId });
  return 'fallback';
}

/** Whether the business has a template that can carry this message in this language (as domain/channels/whatsapp-notice.ts picks it). */
async function hasTemplate(tx: Tx, businessId: string, lang: ReturnType<typeof visitorLang>, message: string): Promise<boolean> {
  const conn = (await tx.select().from(channelConnections).where(and(eq(channelConnections.businessId, businessId), eq(channelConnections.channel, 'whatsapp'))).limit(1))[0];
  const t = conn && conn.status === 'ok' ? templatesOf(conn)[lang] : undefined;
  return !!t && (!!t.notice || (message === 'reminder' && !!t.reminder));
}
