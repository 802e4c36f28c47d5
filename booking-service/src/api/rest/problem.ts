/**
 * RFC 9457 problem details: every REST error is `application/problem+json` with a `type`, a
 * `title`, the HTTP `status`, a `detail` and, for bad input, `errors` naming each field.
 * Service failures keep their reason (`code`) and details (e.g. `alternatives` for SLOT_TAKEN).
 */
import type { ZodError } from 'zod';
import type { Failure } from '../../services/result.js';
import { REASON_CODES } from '../errors.js';

export interface FieldProblem {
  in: 'path' | 'query' | 'body' | 'header';
  field: string;
  pointer?: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** Problem types are anchors of the API reference page (reference.ts), relative to the API root. */
const TYPE_BASE = '/api/v1/docs#problem-';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

export function problem(status: number, slug: string, detail: string, extra: Omit<Partial<Problem>, 'status' | 'type'> = {}): Problem {
  return { type: `${TYPE_BASE}${slug}`, title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

export function validationProblem(where: FieldProblem['in'], err: ZodError): Problem {
  const errors = err.issues.map((i): FieldProblem => {
    const path = i.path.map(String);
    return {
      in: where,
      field: path.join('.') || '(body)',
      ...(where === 'body' ? { pointer: `#/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` } : {}),
      detail: i.message,
    };
  });
  return problem(400, 'validation', `Invalid ${where === 'body' ? 'body' : where === 'query' ? 'query parameters' : where === 'path' ? 'path' : 'headers'}: ${errors.map((e) => `${e.field}: ${e.detail}`).join('; ')}`, { errors });
}

/** tRPC codes of the one reason table (api/errors.ts) → HTTP statuses of this API. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // In REST, "the booking is no longer active" is a conflict with its state, not a failed If-Match.
  PRECONDITION_FAILED: 409,
  TOO_MANY_REQUESTS: 429,
  BAD_GATEWAY: 502,
};

/** `locate` tells where a named field was sent (the route knows its path, query and body fields). */
export function failureProblem(f: Failure, locate: (field: string) => FieldProblem['in']): Problem {
  const status = STATUS_OF_CODE[REASON_CODES[f.reason]] ?? 500;
  // A failure names one field (`field`) or several (`fields`, as the tRPC API reports them: e.g. a
  // date outside the booking horizon, services/booking-window.ts); both become `errors` here.
  const { field, fields, ...details } = f.details ?? {};
  const named: { field: string; detail: string }[] =
    typeof field === 'string'
      ? [{ field, detail: f.message }]
      : Array.isArray(fields)
        ? fields.flatMap((x: unknown) => {
            const v = x as { path?: unknown; message?: unknown } | null;
            return typeof v?.path === 'string' ? [{ field: v.path, detail: typeof v.message === 'string' ? v.message : f.message }] : [];
          })
        : [];
  const located = named.flatMap((n): FieldProblem[] => {
    const where = locate(n.field);
    return where ? [{ in: where, field: n.field, ...(where === 'body' ? { pointer: `#/${n.field.replace(/\./g, '/')}` } : {}), detail: n.detail }] : [];
  });
  const errors: FieldProblem[] | undefined = located.length > 0 ? located : undefined;
  // Details never override the problem's own members: a booking's `status` is reported as `state`.
  const { status: state, type: _t, title: _ti, detail: _d, instance: _i, code: _c, errors: _e, ...rest } = details;
  return { ...rest, ...(state !== undefined ? { state } : {}), ...problem(status, f.reason.toLowerCase().replace(/_/g, '-'), f.message, { code: f.reason, ...(errors ? { errors } : {}) }) };
}
