/**
 * The staff console's tRPC instance (mounted at /console/trpc, see app.ts). Separate from the
 * public API so no console procedure can ever be reached without a session, and the public
 * widget type never grows console shapes.
 *
 * Auth: an httpOnly, SameSite=Strict session cookie (services/console/sessions.ts) resolved in
 * createContext; every mutation must also carry the session's CSRF token in `x-csrf-token`
 * (synchroniser token; SameSite alone does not cover same-site subdomains or old browsers).
 * Errors share the public API's formatter rules: fields named, reasons carried, no stacks.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { RateLimiter } from '../../ports/rate-limit.js';
import type { Deps } from '../../services/deps.js';
import type { ConsoleSession } from '../../services/console/sessions.js';
import type { GoogleRuntime } from '../../services/calendar-sync/deps.js';
import type { ChannelsRuntime } from '../../services/channels/runtime.js';
import { asUnavailable, DatabaseUnavailable, RateLimited, ServiceFailure } from '../errors.js';
import { zodFields } from '../trpc.js';
import { assertStorable } from './storable-input.js';

/** Cookie side effects a procedure may need (login sets, logout clears). */
export interface CookieJar {
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
}

export interface ConsoleContext {
  deps: Deps;
  ip: string | undefined;
  /** The signed-in user, or null (only auth.* procedures accept null). */
  session: ConsoleSession | null;
  /** Value of the x-csrf-token header. */
  csrfHeader: string | undefined;
  cookies: CookieJar;
  /** Login and reset attempts are limited with this (per IP and per e-mail). */
  limiter?: RateLimiter | undefined;
  /** Where e-mails from the console (reset, invite, replies) are queued; see services/console. */
  mailFrom?: string | undefined;
  /** The Google Calendar integration (google.* procedures); absent when not configured. */
  google?: GoogleRuntime | undefined;
  /** Messenger channels (channels.* procedures); absent when off. */
  channels?: ChannelsRuntime | undefined;
}

const t = initTRPC.context<ConsoleContext>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const base = { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path };
    const cause = error.cause;
    if (cause instanceof ZodError) {
      const fields = zodFields(cause);
      return { ...shape, message: `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, data: { ...base, fields } };
    }
    if (cause instanceof ServiceFailure) return { ...shape, data: { ...base, reason: cause.failure.reason, ...cause.failure.details } };
    if (cause instanceof RateLimited) return { ...shape, data: { ...base, scope: cause.scope, retryAfterSeconds: cause.retryAfterSeconds } };
    if (cause instanceof DatabaseUnavailable) return { ...shape, data: { ...base, retryAfterSeconds: cause.retryAfterSeconds } };
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal error' : shape.message;
    return { ...shape, message, data: base };
  },
});

export const router = t.router;
export const createConsoleCallerFactory = t.createCallerFactory;

/** Every console procedure: a lost database connection → 503 with Retry-After, as in the public API (api/errors.ts). */
const base = t.procedure.use(async ({ next, getRawInput }) => {
  // Before any schema: no console input may carry what PostgreSQL cannot store (storable-input.ts).
  assertStorable(await getRawInput());
  return asUnavailable(await next());
});

/** Anyone, signed in or not: sign-in, password reset, invitation acceptance, `me`. */
export const anonProcedure = base;

/** A signed-in user of some business; mutations must carry the CSRF token. */
export const staffProcedure = base.use(({ ctx, next, type }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  if (type === 'mutation' && ctx.csrfHeader !== ctx.session.csrfToken) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Missing or wrong CSRF token (x-csrf-token)' });
  }
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** The business's owner: settings, services, staff, sites, quote trees. */
export const ownerProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.session.role !== 'owner') throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the owner can change this' });
  return next();
});
