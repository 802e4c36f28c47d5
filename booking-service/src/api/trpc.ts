/**
 * tRPC setup: the request context and the error shape every client sees.
 * Validation failures become BAD_REQUEST naming each field; service failures carry their
 * reason and details (e.g. alternatives); nothing else about the server leaks (no stacks).
 */
import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import type { Deps } from '../services/deps.js';
import { ServiceFailure } from './errors.js';

export interface Context {
  deps: Deps;
  /** The browser's Origin header; undefined for non-browser callers. */
  origin: string | undefined;
  ip: string | undefined;
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
    // Unexpected errors: a generic message; the cause is logged by onError in app.ts.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal error' : shape.message;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
