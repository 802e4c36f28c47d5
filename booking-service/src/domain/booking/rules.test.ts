import { describe, expect, it } from 'vitest';
import { bookingRange, confirmDecision, mayMarkAttendance, staffMayChange, visitorMayChange } from './rules.js';

const MIN = 60_000;
const start = Date.parse('2030-03-04T10:00:00Z');

describe('booking rules', () => {
  it('a booking occupies its duration plus its buffers', () => {
    const r = bookingRange({ durationMin: 60, bufferBeforeMin: 10, bufferAfterMin: 15 }, start);
    expect(r.startsAt.getTime()).toBe(start);
    expect(r.endsAt.getTime()).toBe(start + 60 * MIN);
    expect(r.occupiedFrom.getTime()).toBe(start - 10 * MIN);
    expect(r.occupiedTo.getTime()).toBe(start + 75 * MIN);
  });

  it('visitors change a confirmed booking only before the cancellation window', () => {
    expect(visitorMayChange({ status: 'confirmed', startsAt: start }, 120, start - 121 * MIN)).toBeNull();
    expect(visitorMayChange({ status: 'confirmed', startsAt: start }, 120, start - 120 * MIN)).toEqual({ reason: 'CANCELLATION_WINDOW_PASSED', deadline: start - 120 * MIN });
    expect(visitorMayChange({ status: 'cancelled', startsAt: start }, 120, 0)).toEqual({ reason: 'BOOKING_NOT_ACTIVE', status: 'cancelled' });
    expect(staffMayChange({ status: 'confirmed' })).toBeNull();
    expect(staffMayChange({ status: 'no_show' })).toEqual({ reason: 'BOOKING_NOT_ACTIVE', status: 'no_show' });
  });

  it('attendance is marked only once the appointment has started, and can be undone', () => {
    const b = { status: 'confirmed' as const, startsAt: start };
    expect(mayMarkAttendance(b, 'no_show', start - 1)).toEqual({ reason: 'ATTENDANCE_TOO_EARLY', startsAt: start });
    expect(mayMarkAttendance(b, 'attended', start - 1)).toEqual({ reason: 'ATTENDANCE_TOO_EARLY', startsAt: start });
    expect(mayMarkAttendance(b, 'no_show', start)).toBeNull();
    expect(mayMarkAttendance({ status: 'no_show', startsAt: start }, 'attended', start + MIN)).toBeNull();
    expect(mayMarkAttendance({ status: 'no_show', startsAt: start }, 'confirmed', start + MIN)).toBeNull();
    expect(mayMarkAttendance(b, 'confirmed', start + MIN)).toEqual({ reason: 'BOOKING_NOT_ACTIVE', status: 'confirmed' });
    expect(mayMarkAttendance({ status: 'cancelled', startsAt: start }, 'attended', start + MIN)).toEqual({ reason: 'BOOKING_NOT_ACTIVE', status: 'cancelled' });
  });

  it('an idempotency key replays only the confirmation of its own hold', () => {
    const live = { id: 'h1', status: 'held' as const, holdExpiresAt: start + 10 * MIN };
    expect(confirmDecision(live, undefined, start)).toEqual({ kind: 'confirm' });
    expect(confirmDecision({ ...live, status: 'confirmed', holdExpiresAt: null }, { id: 'h1' }, start)).toEqual({ kind: 'replay' });
    expect(confirmDecision(live, { id: 'someone-else' }, start)).toEqual({ kind: 'refuse', failure: { reason: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(confirmDecision({ ...live, status: 'confirmed', holdExpiresAt: null }, undefined, start)).toEqual({ kind: 'refuse', failure: { reason: 'HOLD_USED' } });
    expect(confirmDecision(live, undefined, start + 10 * MIN)).toEqual({ kind: 'refuse', failure: { reason: 'HOLD_EXPIRED' } });
  });
});
