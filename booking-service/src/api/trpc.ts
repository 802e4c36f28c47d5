/**
 * tRPC setup: the request context and the error shape every client sees.
 * Validation failures become BAD_REQUEST naming each field; service failures carry their
 * reason and details (e.g. alternatives); nothing else about the server leaks (no stacks).
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { RateLimiter } from '../ports/rate-limit.js';
import type { Deps } from '../services/deps.js';
import { asUnavailable, DatabaseUnavailable, RateLimited, ServiceFailure } from './errors.js';

export interface Context {
  deps: Deps;
  /** The browser's Origin header; undefined for non-browser callers. */
  origin: string | undefined;
  ip: string | undefined;
  /** Absent = no limits (tests of other things); main.ts always installs one. */
  limiter?: RateLimiter | undefined;
}

export interface FieldError {
  path: string;
  message: string;
}

export function zodFields(err: ZodError): FieldError[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      const fields = zodFields(cause);
      return {
        ...shape,
        message: `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fields },
      };
    }
    if (cause instanceof ServiceFailure) {
      return {
        ...shape,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          reason: cause.failure.reason,
          ...cause.failure.details,
        },
      };
    }
    if (cause instanceof RateLimited) {
      return {
        ...shape,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, scope: cause.scope, retryAfterSeconds: cause.retryAfterSeconds },
      };
    }
    if (cause instanceof DatabaseUnavailable) {
      return { ...shape, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, retryAfterSeconds: cause.retryAfterSeconds } };
    }
    // Unexpected errors: a generic message; the cause is logged by onError in app.ts.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal error' : shape.message;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path } };
  },
});

export const router = t.router;

/** The site a call is about, read from the raw input before validation (only for counting). */
function siteKeyOf(raw: unknown): string | undefined {
  const key = raw !== null && typeof raw === 'object' ? (raw as { siteKey?: unknown }).siteKey : undefined;
  return typeof key === 'string' && key.length > 0 && key.length <= 100 ? key.trim() : undefined;
}

/**
 * Per-IP and per-site limits on every public procedure. Counted before input validation, so
 * floods of garbage count too; calls by manage token (no siteKey) count per IP only. A lost
 * database connection → 503 SERVICE_UNAVAILABLE with Retry-After, not 500 (api/errors.ts).
 * One middleware for both: each tRPC middleware level copies the call's options and adds a
 * promise on every call (issue 19); a refusal is not a database error, so the order is moot.
 */
const publicGuard = t.middleware(async ({ ctx, next, getRawInput }) => {
  if (ctx.limiter) {
    const decision = await ctx.limiter.check({ ip: ctx.ip, site: siteKeyOf(await getRawInput().catch(() => undefined)) });
    if (!decision.ok) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many requests; try again shortly',
        cause: new RateLimited(decision.scope, decision.retryAfterSeconds),
      });
    }
  }
  return asUnavailable(await next());
});

export const publicProcedure = t.procedure.use(publicGuard);
export const createCallerFactory = t.createCallerFactory;
