/**
 * A booking changed elsewhere (the manage page, the console, Google Calendar, an erase) is shown
 * as it is now in every widget conversation that showed it: the chat it was made in, and any other
 * where "My booking" found it (another browser, a fresh tab). The transcript is the record of what
 * showed which booking — its booking cards, found through the partial index
 * `conversation_messages_booking_idx` (migration 0024). Each gets one bot message with the fresh
 * card, appended to its transcript and pushed to its open widget over the conversation bus (the
 * `conversation.booking-card` job, enqueued with the change in services/notifications). A chat whose
 * last card of the booking already says the same (the change was made there, or this version was
 * pushed already) gets nothing: once per booking version per conversation.
 * Messenger conversations are told by the `notify.*` jobs instead (the customer's chat), and an
 * erased conversation by nobody.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { bookings, businesses, conversationMessages, conversations, sites } from '../../adapters/db/schema.js';
import { bookingNowMessage } from '../../domain/conversation/booking-now.js';
import type { EngineContext } from '../../domain/conversation/context.js';
import type { Card } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { readBookings } from './bookings-now.js';
import { engineContext } from './engine-context.js';
import { appendMessages } from './transcript.js';

export const BOOKING_CARD_JOB = 'conversation.booking-card';

export type Skip = 'no_booking' | 'no_conversation' | 'gone' | 'messenger' | 'same';
export interface Pushed { businessId: string; conversationId: string; seq: number }
/** What the push did: the conversations it added the card to, and why the others got nothing. */
export interface BookingPush { pushed: Pushed[]; skipped: Skip[] }

/** The conversations of a business whose transcript shows a card of this booking. */
async function showing(deps: Deps, businessId: string, bookingId: string): Promise<string[]> {
  const rows = await deps.db
    .selectDistinct({ id: conversationMessages.conversationId })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.businessId, businessId), sql`${conversationMessages.card}->>'kind' = 'booking'`, sql`${conversationMessages.card}->>'bookingId' = ${bookingId}`));
  return rows.map((r) => r.id);
}

/** Call inside a transaction (`deps.db` a transaction); publish each pushed one on the bus after it commits. */
export async function pushBookingNow(deps: Deps, bookingId: string, now: Date): Promise<BookingPush> {
  const [b] = await deps.db.select({ businessId: bookings.businessId, conversationId: bookings.conversationId }).from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  if (!b) return { pushed: [], skipped: ['no_booking'] };
  const ids = [...new Set([...(b.conversationId ? [b.conversationId] : []), ...(await showing(deps, b.businessId, bookingId))])];
  if (ids.length === 0) return { pushed: [], skipped: ['no_conversation'] };
  // Locked, in id order (two jobs lock the same rows in the same order: no deadlock): two changes
  // in a row compare with each other's card, never both with the old one.
  const rows = await deps.db.select().from(conversations)
    .where(and(inArray(conversations.id, ids), eq(conversations.businessId, b.businessId)))
    .orderBy(asc(conversations.id)).for('update');
  const skipped: Skip[] = ids.filter((id) => !rows.some((r) => r.id === id)).map(() => 'gone');
  const pushed: Pushed[] = [];
  let facts: Awaited<ReturnType<typeof readBookings>>[number] | undefined;
  const contexts = new Map<string, Promise<EngineContext | null>>();
  for (const row of rows) {
    if (row.tokenHash === '' || !row.siteId) { skipped.push('gone'); continue; }
    if (row.channel !== 'widget') { skipped.push('messenger'); continue; }
    const siteId = row.siteId;
    if (!contexts.has(siteId)) contexts.set(siteId, contextOf(deps, siteId, now));
    const ctx = await contexts.get(siteId)!;
    if (!ctx) { skipped.push('gone'); continue; }
    facts ??= (await readBookings(deps, b.businessId, { ids: [bookingId] }))[0];
    if (!facts) return { pushed, skipped: [...skipped, 'no_booking'] };
    const [last] = await deps.db
      .select({ card: conversationMessages.card })
      .from(conversationMessages)
      .where(and(eq(conversationMessages.conversationId, row.id), sql`${conversationMessages.card}->>'kind' = 'booking'`, sql`${conversationMessages.card}->>'bookingId' = ${bookingId}`))
      .orderBy(desc(conversationMessages.seq))
      .limit(1);
    const shown = (last?.card ?? null) as Extract<Card, { kind: 'booking' }> | null;
    const message = bookingNowMessage(ctx, facts.facts, row.lang, shown);
    if (!message) { skipped.push('same'); continue; }
    const [added] = await appendMessages(deps.db, row.id, row.businessId, [message], now);
    pushed.push({ businessId: row.businessId, conversationId: row.id, seq: added!.seq });
  }
  return { pushed, skipped };
}

async function contextOf(deps: Deps, siteId: string, now: Date): Promise<EngineContext | null> {
  const [site] = await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.id, siteId)).limit(1);
  return site ? engineContext(deps, site, now) : null;
}
