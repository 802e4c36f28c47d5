import { describe, expect, it } from 'vitest';
import type { CalendarBooking } from '../api/contract.js';
import { bookingsOfDay } from './day-list.js';

const at = (id: string, startsAt: string, staffId: string) => ({ id, startsAt, endsAt: startsAt, staffId }) as CalendarBooking;
const names: Record<string, string> = { a: 'Анна', b: 'Борис' };

describe('issue 17: the day list', () => {
  it("lists only the bookings that start on the day in the business's zone, earliest first, same time by staff name", () => {
    const list = bookingsOfDay(
      [
        at('late', '2026-12-09T15:00:00Z', 'a'),
        at('boris', '2026-12-09T07:00:00Z', 'b'),
        at('anna', '2026-12-09T07:00:00Z', 'a'),
        // 23:30 on the 8th in St Petersburg (UTC+3) and 00:30 on the 10th: other days.
        at('before', '2026-12-08T20:30:00Z', 'a'),
        at('after', '2026-12-09T21:30:00Z', 'a'),
        // 00:30 on the 9th in St Petersburg, though still the 8th in UTC.
        at('midnight', '2026-12-08T21:30:00Z', 'b'),
      ],
      '2026-12-09',
      'Europe/Moscow',
      (id) => names[id] ?? '',
    );
    expect(list.map((b) => b.id)).toEqual(['midnight', 'anna', 'boris', 'late']);
  });
});
