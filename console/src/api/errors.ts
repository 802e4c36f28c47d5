/**
 * One error value for every failed call, whatever tRPC threw: the UI branches on `code` and
 * `reason` and shows `fields` next to their inputs.
 */
import { lang, t } from '../i18n/index.js';
import { fieldText } from './field-text.js';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** tRPC code (UNAUTHORIZED, FORBIDDEN, BAD_REQUEST, CONFLICT…) or NETWORK when no answer came. */
    readonly code: string,
    message: string,
    readonly reason: string | undefined = undefined,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds: number | undefined = undefined,
  ) {
    super(message);
  }
}

/** Turns whatever a tRPC call rejected with into an ApiError (a TRPCClientError has `data`). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const err = e as { message?: unknown; data?: Record<string, unknown> | null } | null;
  const data = err?.data;
  if (!data || typeof data.code !== 'string') return new ApiError('NETWORK', typeof err?.message === 'string' ? err.message : 'Network error');
  const fields = Array.isArray(data.fields) ? (data.fields as FieldError[]) : [];
  return new ApiError(
    data.code,
    typeof err?.message === 'string' ? err.message : data.code,
    typeof data.reason === 'string' ? data.reason : undefined,
    fields,
    typeof data.retryAfterSeconds === 'number' ? data.retryAfterSeconds : undefined,
  );
}

/**
 * Messages for `path` itself and anything below it ("trees.0.title" catches "trees.0.title.en"),
 * in the console's language (field-text.ts).
 */
export function fieldErrors(fields: readonly FieldError[], path: string): string[] {
  return fields.filter((f) => f.path === path || f.path.startsWith(`${path}.`)).map((f) => fieldText(f.message, t.value, lang.value === 'en'));
}
