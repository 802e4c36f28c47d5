/** Sign-in, sign-out, password reset and invitations (contract: notes/console-api.md, auth). */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { RateLimited, unwrap } from '../../errors.js';
import { acceptInvite, checkCredentials, meView, normaliseEmail, requestPasswordReset, resetPassword, setUserLang } from '../../../services/console/accounts.js';
import { MIN_PASSWORD_LENGTH } from '../../../services/console/passwords.js';
import { createSession, endSession } from '../../../services/console/sessions.js';
import { langSchema, nameSchema } from '../inputs.js';
import { anonProcedure, router, staffProcedure, type ConsoleContext } from '../trpc.js';

const emailInput = z.string().trim().min(3).max(254);
/** Upper bound: argon2 hashes any length, but megabyte passwords are a denial-of-service lever. */
const newPassword = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(200);
const tokenInput = z.string().min(10).max(100);

/** Counts an attempt per client IP and per e-mail; refuses once either is over its limit. */
async function limitAttempt(ctx: ConsoleContext, email: string) {
  if (!ctx.limiter) return;
  const d = await ctx.limiter.check({ 'login-ip': ctx.ip, 'login-email': normaliseEmail(email) });
  if (!d.ok) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many attempts; try again later', cause: new RateLimited(d.scope, d.retryAfterSeconds) });
  }
}

async function signIn(ctx: ConsoleContext, userId: string) {
  if (ctx.session) await endSession(ctx.deps, ctx.session.sessionHash);
  const s = await createSession(ctx.deps, userId);
  ctx.cookies.setSession(s.token, s.expiresAt);
  const me = await meView(ctx.deps, userId, s.csrfToken);
  if (!me) throw new Error(`user ${userId} vanished while signing in`);
  return me;
}

export const authRouter = router({
  me: anonProcedure.query(async ({ ctx }) => (ctx.session ? meView(ctx.deps, ctx.session.userId, ctx.session.csrfToken) : null)),

  login: anonProcedure
    .input(z.object({ email: emailInput, password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      await limitAttempt(ctx, input.email);
      const userId = unwrap(await checkCredentials(ctx.deps, input.email, input.password));
      return signIn(ctx, userId);
    }),

  logout: staffProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx.deps, ctx.session.sessionHash);
    ctx.cookies.clearSession();
    return { ok: true as const };
  }),

  /** The signed-in user's console language (auth.me user.lang), so it follows them across devices. */
  setLang: staffProcedure.input(z.strictObject({ lang: langSchema })).mutation(async ({ ctx, input }) => {
    await setUserLang(ctx.deps, ctx.session.userId, input.lang);
    return { ok: true as const, lang: input.lang };
  }),

  requestReset: anonProcedure.input(z.object({ email: emailInput })).mutation(async ({ ctx, input }) => {
    await limitAttempt(ctx, input.email);
    await requestPasswordReset(ctx.deps, input.email);
    return { ok: true as const };
  }),

  resetPassword: anonProcedure.input(z.object({ token: tokenInput, password: newPassword })).mutation(async ({ ctx, input }) => {
    unwrap(await resetPassword(ctx.deps, input.token, input.password, ctx.session?.sessionHash));
    return { ok: true as const };
  }),

  acceptInvite: anonProcedure
    .input(z.object({ token: tokenInput, password: newPassword, name: nameSchema(100).optional() }))
    .mutation(async ({ ctx, input }) => {
      const { userId } = unwrap(await acceptInvite(ctx.deps, input.token, input.password, input.name));
      return signIn(ctx, userId);
    }),
});
