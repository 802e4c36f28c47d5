/**
 * A booking made in a widget conversation and changed elsewhere (the manage page, the console,
 * Google Calendar, an erase) is shown in that conversation as it is now: one bot message with the
 * fresh card, appended to the transcript and pushed to the open widget over the conversation bus
 * (the `conversation.booking-card` job, enqueued with the change in services/notifications).
 * Messenger conversations are told by the `notify.*` jobs instead, and an erased conversation by
 * nobody. A change made in the chat itself already put the fresh card there: nothing is added.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { bookings, businesses, conversationMessages, conversations, sites } from '../../adapters/db/schema.js';
import { bookingNowMessage } from '../../domain/conversation/booking-now.js';
import type { Card } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { readBookings } from './bookings-now.js';
import { engineContext } from './engine-context.js';
import { appendMessages } from './transcript.js';

export const BOOKING_CARD_JOB = 'conversation.booking-card';

export type BookingPush =
  | { pushed: true; businessId: string; conversationId: string; seq: number }
  | { pushed: false; why: 'no_booking' | 'no_conversation' | 'gone' | 'messenger' | 'same' };

/** Call inside a transaction (`deps.db` a transaction); publish on the bus after it commits. */
export async function pushBookingNow(deps: Deps, bookingId: string, now: Date): Promise<BookingPush> {
  const [b] = await deps.db.select({ businessId: bookings.businessId, conversationId: bookings.conversationId }).from(bookings).where(eq(bookings.id, bookingId)).limit(1);
  if (!b) return { pushed: false, why: 'no_booking' };
  if (!b.conversationId) return { pushed: false, why: 'no_conversation' };
  // Locked: two changes in a row (two jobs) compare with each other's card, never both with the old one.
  const [row] = await deps.db.select().from(conversations).where(and(eq(conversations.id, b.conversationId), eq(conversations.businessId, b.businessId))).for('update').limit(1);
  if (!row || row.tokenHash === '' || !row.siteId) return { pushed: false, why: 'gone' };
  if (row.channel !== 'widget') return { pushed: false, why: 'messenger' };
  const [site] = await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.id, row.siteId)).limit(1);
  if (!site) return { pushed: false, why: 'gone' };
  const [facts] = await readBookings(deps, b.businessId, { ids: [bookingId] });
  if (!facts) return { pushed: false, why: 'no_booking' };
  const [last] = await deps.db
    .select({ card: conversationMessages.card })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.conversationId, row.id), sql`${conversationMessages.card}->>'kind' = 'booking'`, sql`${conversationMessages.card}->>'bookingId' = ${bookingId}`))
    .orderBy(desc(conversationMessages.seq))
    .limit(1);
  const shown = (last?.card ?? null) as Extract<Card, { kind: 'booking' }> | null;
  const ctx = await engineContext(deps, site, now);
  const message = bookingNowMessage(ctx, facts.facts, row.lang, shown);
  if (!message) return { pushed: false, why: 'same' };
  const [added] = await appendMessages(deps.db, row.id, row.businessId, [message], now);
  return { pushed: true, businessId: row.businessId, conversationId: row.id, seq: added!.seq };
}
