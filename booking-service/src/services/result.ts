/**
 * Expected failures are values. A service returns `fail('SLOT_TAKEN', { alternatives })`;
 * the API maps each reason to a tRPC error code in one table (api/errors.ts).
 */
export type Reason =
  | 'SITE_NOT_FOUND'
  | 'SERVICE_NOT_FOUND'
  | 'STAFF_NOT_FOUND'
  | 'HOLD_NOT_FOUND'
  | 'BOOKING_NOT_FOUND'
  | 'QUOTE_TREE_NOT_FOUND'
  | 'ORIGIN_NOT_ALLOWED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'SLOT_TAKEN'
  /** The business closed that day (business_closures): not bookable, whoever asks. */
  | 'CLOSED'
  /** The time falls outside the business's opening hours. */
  | 'OUTSIDE_HOURS'
  | 'HOLD_USED'
  | 'HOLD_EXPIRED'
  | 'BOOKING_NOT_ACTIVE'
  /** The booking changed since the caller read it (optimistic concurrency): reload and retry. */
  | 'BOOKING_CHANGED'
  /** An idempotency key that already confirmed another booking. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** Attended / no-show before the appointment has started. */
  | 'ATTENDANCE_TOO_EARLY'
  | 'CANCELLATION_WINDOW_PASSED'
  | 'INVALID_INPUT'
  | 'HANDOFF_NOT_FOUND'
  | 'CONVERSATION_NOT_FOUND'
  /** Another tab kept winning the conversation's turn: retry. */
  | 'CONVERSATION_BUSY'
  | 'HANDOFF_CLOSED'
  | 'BAD_CREDENTIALS'
  | 'EMAIL_TAKEN'
  | 'SITE_KEY_TAKEN'
  | 'GOOGLE_NOT_CONFIGURED'
  | 'GOOGLE_NOT_CONNECTED'
  | 'GOOGLE_UNAVAILABLE'
  /** A messenger / SMS provider did not answer or failed (connecting a channel): worth retrying. */
  | 'CHANNEL_UNAVAILABLE'
  | 'API_KEY_NOT_FOUND'
  | 'WEBHOOK_NOT_FOUND'
  | 'CUSTOMER_NOT_FOUND'
  | 'LEAD_NOT_FOUND'
  /** A knowledge-base entry of another business, or deleted meanwhile (issue 18). */
  | 'KB_ENTRY_NOT_FOUND';

export interface Failure {
  ok: false;
  reason: Reason;
  message: string;
  /** Extra data the client may act on: alternatives for a taken slot, the offending field… */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = (reason: Reason, message: string, details?: Record<string, unknown>): Failure => ({
  ok: false,
  reason,
  message,
  ...(details ? { details } : {}),
});
