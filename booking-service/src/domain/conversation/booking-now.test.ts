import { describe, expect, it } from 'vitest';
import { demoContext, NOW } from '../../../test/support/engine-world.js';
import { bookingCard } from './cards.js';
import { bookingNowMessage } from './booking-now.js';
import type { BookingFacts } from './effects.js';
import type { Card } from './protocol.js';

const ctx = demoContext('demo-barber-nyc');
const HOUR = 3_600_000;
const booked: BookingFacts = {
  id: 'bk-1', status: 'confirmed', start: NOW + 26 * HOUR, end: NOW + 26.5 * HOUR, serviceId: 'barber-haircut', staffId: 'barber-sam', staffName: 'Sam',
  manageToken: 'mt', price: { kind: 'fixed', amount: 45 }, priceSummary: null,
};
const shown = bookingCard(ctx, booked, 'en') as Extract<Card, { kind: 'booking' }>;

describe('bookingNowMessage: the chat shows a booking as it is now', () => {
  it('adds nothing when the chat already shows it so (the change was made in the chat)', () => {
    expect(bookingNowMessage(ctx, booked, 'en', shown)).toBeNull();
  });

  it('a move elsewhere: says where to, with the fresh card', () => {
    const moved = { ...booked, start: booked.start + 2 * HOUR, end: booked.end + 2 * HOUR };
    const m = bookingNowMessage(ctx, moved, 'en', shown)!;
    expect(m.text).toBe('Your booking was moved to Tuesday, March 3 at 5:00 AM.');
    expect(m.card).toMatchObject({ kind: 'booking', bookingId: 'bk-1', status: 'confirmed', start: new Date(moved.start).toISOString() });
  });

  it('a cancellation elsewhere, in Russian and Armenian', () => {
    const cancelled = { ...booked, status: 'cancelled' as const };
    expect(bookingNowMessage(ctx, cancelled, 'ru', shown)).toMatchObject({ text: 'Ваша запись отменена.', card: { status: 'cancelled' } });
    expect(bookingNowMessage(ctx, cancelled, 'hy', shown)?.text).toBe('Ձեր գրանցումը չեղարկվել է։');
  });

  it('another specialist at the same time: "has changed", with the card', () => {
    const m = bookingNowMessage(ctx, { ...booked, staffId: 'barber-marcus', staffName: 'Marcus' }, 'en', shown)!;
    expect(m.text).toBe('Your booking has changed. Here it is now:');
    expect(m.card).toMatchObject({ staffName: 'Marcus' });
  });
});
