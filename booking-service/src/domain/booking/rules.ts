/**
 * The rules a booking change must satisfy, pure (time is an input). The booking store
 * (services/booking-store/) applies them; every caller — widget, manage page, console, Google,
 * the conversation engine — gets the same answer.
 */
import type { BookingStatus } from '@frontdesk/shared';

const MIN = 60_000;

/** What a booking's time needs from its service. */
export interface Timing {
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
}

export interface BookingRange {
  startsAt: Date;
  endsAt: Date;
  /** [start − buffer before, end + buffer after): what the exclusion constraint guards. */
  occupiedFrom: Date;
  occupiedTo: Date;
}

export function bookingRange(t: Timing, start: number): BookingRange {
  return {
    startsAt: new Date(start),
    endsAt: new Date(start + t.durationMin * MIN),
    occupiedFrom: new Date(start - t.bufferBeforeMin * MIN),
    occupiedTo: new Date(start + (t.durationMin + t.bufferAfterMin) * MIN),
  };
}

export type RuleFailure =
  | { reason: 'BOOKING_NOT_ACTIVE'; status: BookingStatus }
  | { reason: 'CANCELLATION_WINDOW_PASSED'; deadline: number }
  | { reason: 'ATTENDANCE_TOO_EARLY'; startsAt: number }
  | { reason: 'HOLD_USED' }
  | { reason: 'HOLD_EXPIRED' }
  | { reason: 'IDEMPOTENCY_KEY_REUSED' };

/** Until when a visitor may move or cancel online (staff are not bound by it). */
export const changeDeadline = (startsAt: number, cancellationWindowMin: number): number => startsAt - cancellationWindowMin * MIN;

/** A visitor moving or cancelling: only a confirmed booking, only before the business's window. */
export function visitorMayChange(
  b: { status: BookingStatus; startsAt: number },
  cancellationWindowMin: number,
  now: number,
): RuleFailure | null {
  if (b.status !== 'confirmed') return { reason: 'BOOKING_NOT_ACTIVE', status: b.status };
  const deadline = changeDeadline(b.startsAt, cancellationWindowMin);
  return now >= deadline ? { reason: 'CANCELLATION_WINDOW_PASSED', deadline } : null;
}

/** Staff moving or cancelling: any confirmed booking (phone clients are not bound by the window). */
export function staffMayChange(b: { status: BookingStatus }): RuleFailure | null {
  return b.status === 'confirmed' ? null : { reason: 'BOOKING_NOT_ACTIVE', status: b.status };
}

export type AttendanceMark = 'attended' | 'no_show' | 'confirmed';

/**
 * Attendance is recorded after the fact: "attended" and "no-show" only once the appointment has
 * started; staff may correct a mark (attended ↔ no-show) or undo it (back to confirmed).
 * Cancelled bookings and holds are not visits.
 */
export function mayMarkAttendance(b: { status: BookingStatus; startsAt: number }, to: AttendanceMark, now: number): RuleFailure | null {
  if (b.status === 'held' || b.status === 'cancelled') return { reason: 'BOOKING_NOT_ACTIVE', status: b.status };
  if (to === 'confirmed') return b.status === 'confirmed' ? { reason: 'BOOKING_NOT_ACTIVE', status: b.status } : null;
  if (now < b.startsAt) return { reason: 'ATTENDANCE_TOO_EARLY', startsAt: b.startsAt };
  return null;
}

/**
 * Confirming a hold with an idempotency key. The key replays only the confirmation of the same
 * hold: a key that already confirmed another booking is a conflict, never that booking (issue 12,
 * defect 4: a key must not hand out someone else's booking).
 */
export function confirmDecision(
  hold: { id: string; status: BookingStatus; holdExpiresAt: number | null },
  keyOwner: { id: string } | undefined,
  now: number,
): { kind: 'replay' } | { kind: 'confirm' } | { kind: 'refuse'; failure: RuleFailure } {
  if (keyOwner) return keyOwner.id === hold.id ? { kind: 'replay' } : { kind: 'refuse', failure: { reason: 'IDEMPOTENCY_KEY_REUSED' } };
  if (hold.status !== 'held') return { kind: 'refuse', failure: { reason: 'HOLD_USED' } };
  if (hold.holdExpiresAt === null || hold.holdExpiresAt <= now) return { kind: 'refuse', failure: { reason: 'HOLD_EXPIRED' } };
  return { kind: 'confirm' };
}
