/**
 * The chat never shows a stale booking: when a booking made in a conversation changes elsewhere
 * (the manage page, the console, Google Calendar, an erase), the conversation gets one message
 * with the card as the booking is now. Pure: the last card the chat shows and the booking's facts
 * go in; the message to append comes out, or null when the chat already shows it as it is (the
 * change was made in the chat itself, or an earlier run already said so).
 */
import { bookingCard } from './cards.js';
import type { EngineContext } from './context.js';
import type { BookingFacts } from './effects.js';
import type { Card, Lang } from './protocol.js';
import type { OutMessage } from './turn.js';
import { instantWords } from './words/format.js';
import { say } from './words/index.js';

type BookingCard = Extract<Card, { kind: 'booking' }>;

/** What a visitor reads on a card: when, with whom, and whether it still stands. */
function sameAsShown(shown: BookingCard, now: BookingCard): boolean {
  return shown.status === now.status && shown.start === now.start && shown.end === now.end && shown.staffName === now.staffName;
}

export function bookingNowMessage(ctx: EngineContext, b: BookingFacts, lang: Lang, shown: BookingCard | null): OutMessage | null {
  // The price stays the one agreed (stored with the booking), or the one the chat showed.
  const card = bookingCard(ctx, b, lang) as BookingCard;
  if (!b.price && shown?.price) card.price = shown.price;
  if (shown && sameAsShown(shown, card)) return null;
  const status = b.status !== 'confirmed' ? b.status : shown && shown.start !== card.start ? 'moved' : 'other';
  return { from: 'bot', text: say(lang, 'bookingChanged', { status, ...instantWords(b.start, ctx.business.timeZone, lang) }), card };
}
