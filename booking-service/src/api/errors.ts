/**
 * The one table from service failure reasons to tRPC error codes (and so HTTP statuses).
 */
import { TRPCError } from '@trpc/server';
import type { Failure, Reason, Result } from '../services/result.js';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';

type Code = ConstructorParameters<typeof TRPCError>[0]['code'];

export const REASON_CODES: Record<Reason, Code> = {
  SITE_NOT_FOUND: 'NOT_FOUND',
  SERVICE_NOT_FOUND: 'NOT_FOUND',
  STAFF_NOT_FOUND: 'NOT_FOUND',
  HOLD_NOT_FOUND: 'NOT_FOUND',
  BOOKING_NOT_FOUND: 'NOT_FOUND',
  QUOTE_TREE_NOT_FOUND: 'NOT_FOUND',
  ORIGIN_NOT_ALLOWED: 'FORBIDDEN',
  TOKEN_INVALID: 'FORBIDDEN',
  TOKEN_EXPIRED: 'FORBIDDEN',
  SLOT_TAKEN: 'CONFLICT',
  // Not free either, for a reason the client can name (the REST body's `code`, tRPC's data.reason).
  CLOSED: 'CONFLICT',
  OUTSIDE_HOURS: 'CONFLICT',
  HOLD_USED: 'CONFLICT',
  HOLD_EXPIRED: 'PRECONDITION_FAILED',
  BOOKING_NOT_ACTIVE: 'PRECONDITION_FAILED',
  BOOKING_CHANGED: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  ATTENDANCE_TOO_EARLY: 'PRECONDITION_FAILED',
  CANCELLATION_WINDOW_PASSED: 'PRECONDITION_FAILED',
  INVALID_INPUT: 'BAD_REQUEST',
  HANDOFF_NOT_FOUND: 'NOT_FOUND',
  CONVERSATION_NOT_FOUND: 'NOT_FOUND',
  CONVERSATION_BUSY: 'CONFLICT',
  HANDOFF_CLOSED: 'PRECONDITION_FAILED',
  BAD_CREDENTIALS: 'UNAUTHORIZED',
  EMAIL_TAKEN: 'CONFLICT',
  SITE_KEY_TAKEN: 'CONFLICT',
  GOOGLE_NOT_CONFIGURED: 'PRECONDITION_FAILED',
  GOOGLE_NOT_CONNECTED: 'PRECONDITION_FAILED',
  /** Google (or the configured endpoint) did not answer in time or failed: worth retrying. */
  GOOGLE_UNAVAILABLE: 'BAD_GATEWAY',
  CHANNEL_UNAVAILABLE: 'BAD_GATEWAY',
  API_KEY_NOT_FOUND: 'NOT_FOUND',
  WEBHOOK_NOT_FOUND: 'NOT_FOUND',
  CUSTOMER_NOT_FOUND: 'NOT_FOUND',
  LEAD_NOT_FOUND: 'NOT_FOUND',
  KB_ENTRY_NOT_FOUND: 'NOT_FOUND',
};

/** Carries a service failure through TRPCError.cause to the error formatter. */
export class ServiceFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ServiceFailure';
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new TRPCError({ code: REASON_CODES[result.reason], message: result.message, cause: new ServiceFailure(result) });
}

/** Carries a rate-limit refusal to the error formatter and to the Retry-After header (app.ts). */
export class RateLimited extends Error {
  constructor(
    readonly scope: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`rate limit (${scope}) exceeded`);
    this.name = 'RateLimited';
  }
}

/** How long a client should wait before retrying while the database is unreachable. */
export const DB_RETRY_AFTER_SECONDS = 5;

/** Carries "database unreachable" to the error formatter (503) and to the Retry-After header. */
export class DatabaseUnavailable extends Error {
  readonly retryAfterSeconds = DB_RETRY_AFTER_SECONDS;
  constructor(cause: unknown) {
    super('database unavailable', { cause });
    this.name = 'DatabaseUnavailable';
  }
}

/**
 * Turns a failed procedure whose cause is a lost database connection into SERVICE_UNAVAILABLE
 * (HTTP 503): the request did nothing and may simply be retried. Used as a tRPC middleware
 * result hook by both the public and the console API, so the mapping lives in one place.
 */
export function asUnavailable<R extends { ok: boolean; error?: TRPCError }>(result: R): R {
  if (result.ok || !result.error || result.error.code === 'SERVICE_UNAVAILABLE') return result;
  if (!isDatabaseUnavailable(result.error.cause ?? result.error)) return result;
  throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Temporarily unavailable; try again shortly', cause: new DatabaseUnavailable(result.error.cause) });
}

/** Seconds for a Retry-After header when any of a response's errors is retryable later, else undefined. */
export function retryAfterOf(errors: ReadonlyArray<{ cause?: unknown }>): number | undefined {
  for (const e of errors) {
    if (e.cause instanceof RateLimited || e.cause instanceof DatabaseUnavailable) return e.cause.retryAfterSeconds;
  }
  return undefined;
}
