/**
 * The one table from service failure reasons to tRPC error codes (and so HTTP statuses).
 */
import { TRPCError } from '@trpc/server';
import type { Failure, Reason, Result } from '../services/result.js';

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
  HOLD_USED: 'CONFLICT',
  HOLD_EXPIRED: 'PRECONDITION_FAILED',
  BOOKING_NOT_ACTIVE: 'PRECONDITION_FAILED',
  CANCELLATION_WINDOW_PASSED: 'PRECONDITION_FAILED',
  INVALID_INPUT: 'BAD_REQUEST',
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
