import { describe, expect, it } from 'vitest';
import { meaningOf } from './busy-of-event.js';

describe('meaningOf (Google event → busy time)', () => {
  it('timed busy event blocks its range', () => {
    expect(meaningOf({ status: 'confirmed', start: { dateTime: '2026-03-02T10:00:00Z' }, end: { dateTime: '2026-03-02T11:00:00Z' } }, 'UTC')).toEqual({
      kind: 'busy',
      start: Date.parse('2026-03-02T10:00:00Z'),
      end: Date.parse('2026-03-02T11:00:00Z'),
    });
  });
  it('free, declined and cancelled events block nothing', () => {
    const t = { start: { dateTime: '2026-03-02T10:00:00Z' }, end: { dateTime: '2026-03-02T11:00:00Z' } };
    expect(meaningOf({ ...t, transparency: 'transparent' }, 'UTC').kind).toBe('none');
    expect(meaningOf({ ...t, attendees: [{ email: 'me@x', self: true, responseStatus: 'declined' }] }, 'UTC').kind).toBe('none');
    expect(meaningOf({ ...t, status: 'cancelled' }, 'UTC').kind).toBe('none');
  });
  it('all-day busy event blocks the whole local day in the staff zone (end date exclusive)', () => {
    expect(meaningOf({ start: { date: '2026-03-02' }, end: { date: '2026-03-03' } }, 'Europe/Moscow')).toEqual({
      kind: 'busy',
      start: Date.parse('2026-03-01T21:00:00Z'),
      end: Date.parse('2026-03-02T21:00:00Z'),
    });
  });
  it("recognises Frontdesk's own events by the private extended property", () => {
    expect(meaningOf({ extendedProperties: { private: { frontdeskBookingId: 'b1' } } }, 'UTC')).toEqual({ kind: 'own', bookingId: 'b1' });
  });
});
