/**
 * Console accounts: sign-in, password reset and invitations. E-mails are stored lower-cased
 * and trimmed; one e-mail signs in to one business (users_email_idx).
 *
 * E-mailed tokens (reset 1 h, invitation 7 days) are 32 random bytes; only their sha256 is
 * stored, and a token is spent by a conditional UPDATE (`used_at IS NULL`), so two concurrent
 * uses cannot both succeed.
 */
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../adapters/db/errors.js';
import type { Lang, Role, WeeklyHours } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { authTokens, businesses, sessions, users } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { enqueueConsoleMail } from './mail.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { hashToken, newToken } from './sessions.js';

export const RESET_TTL_MS = 3_600_000;
export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export interface MeView {
  user: { id: string; email: string; name: string; role: Role; lang: Lang; staffId: string | null };
  business: { id: string; name: string; timeZone: string; currency: string; languages: Lang[]; defaultLang: Lang; openingHours: WeeklyHours };
  csrfToken: string;
}

export async function meView(deps: Deps, userId: string, csrfToken: string): Promise<MeView | null> {
  const rows = await deps.db
    .select({ u: users, b: businesses })
    .from(users)
    .innerJoin(businesses, eq(businesses.id, users.businessId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  const r = rows[0];
  if (!r) return null;
  return {
    user: { id: r.u.id, email: r.u.email, name: r.u.name, role: r.u.role, lang: r.u.lang, staffId: r.u.staffId },
    business: { id: r.b.id, name: r.b.name, timeZone: r.b.timeZone, currency: r.b.currency, languages: r.b.languages, defaultLang: r.b.defaultLang, openingHours: r.b.openingHours },
    csrfToken,
  };
}

/**
 * The console language the user picked: stored on the account so it follows them to every
 * device (auth.me user.lang). Any of ru/hy/en, whatever the business's widget languages are —
 * the console's staff may read another language than the visitors.
 */
export async function setUserLang(deps: Pick<Deps, 'db'>, userId: string, lang: Lang): Promise<void> {
  await deps.db.update(users).set({ lang }).where(eq(users.id, userId));
}

/** The user id for a correct e-mail and password; the same failure (and about the same time) otherwise. */
export async function checkCredentials(deps: Deps, email: string, password: string): Promise<Result<string>> {
  const rows = await deps.db
    .select({ id: users.id, hash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  const u = rows[0];
  // Unknown e-mail or no password yet: verify against a dummy so the answer takes as long.
  const good = await verifyPassword(password, u?.hash ?? (await dummyHash()));
  if (!u || !u.hash || !u.active || !good) return fail('BAD_CREDENTIALS', 'Wrong e-mail or password');
  return ok(u.id);
}

/** Sends a reset link when an active account has this e-mail; says nothing either way. */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const rows = await deps.db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.email, normaliseEmail(email)), eq(users.active, true)));
  const u = rows[0];
  if (!u) return;
  const now = deps.clock.now();
  const token = newToken();
  const tokenHash = hashToken(token);
  const link = `${deps.publicUrl}/console/#/reset?token=${token}`;
  await deps.db.transaction(async (tx) => {
    await tx.insert(authTokens).values({ tokenHash, userId: u.id, purpose: 'reset', expiresAt: new Date(now.getTime() + RESET_TTL_MS), createdAt: now });
    await enqueueConsoleMail(
      tx,
      {
        to: u.email,
        subject: 'Reset your Frontdesk password',
        text: `Someone (hopefully you) asked to reset the password of your Frontdesk console account.\n\nSet a new password here (the link works once, for one hour):\n${link}\n\nIf it wasn't you, ignore this message: your password stays as it is.`,
        dedupeKey: `reset:${tokenHash}`,
      },
      now,
    );
  });
}

/** Spends an e-mailed token: the user it belongs to, or why it cannot be used. */
async function spendToken(deps: Deps, token: string, purpose: 'reset' | 'invite'): Promise<Result<string>> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const rows = await deps.db.select().from(authTokens).where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose)));
  const t = rows[0];
  if (!t || t.usedAt) return fail('TOKEN_INVALID', 'This link is not valid (or was already used)');
  if (t.expiresAt <= now) return fail('TOKEN_EXPIRED', 'This link has expired; ask for a new one');
  const spent = await deps.db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.tokenHash, tokenHash), isNull(authTokens.usedAt)))
    .returning({ userId: authTokens.userId });
  if (spent.length === 0) return fail('TOKEN_INVALID', 'This link was already used');
  return ok(t.userId);
}

/**
 * Sets a new password from a reset link and ends every session of the user except
 * `keepSessionHash` (the caller's own, if signed in as that user): a thief's session dies.
 */
export async function resetPassword(deps: Deps, token: string, password: string, keepSessionHash?: string): Promise<Result<{ userId: string }>> {
  const hash = await hashPassword(password);
  const spent = await spendToken(deps, token, 'reset');
  if (!spent.ok) return spent;
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, spent.value));
    await tx
      .delete(sessions)
      .where(keepSessionHash ? and(eq(sessions.userId, spent.value), ne(sessions.idHash, keepSessionHash)) : eq(sessions.userId, spent.value));
    // Any other outstanding reset link is void once the password changed.
    await tx.update(authTokens).set({ usedAt: deps.clock.now() }).where(and(eq(authTokens.userId, spent.value), isNull(authTokens.usedAt), eq(authTokens.purpose, 'reset')));
  });
  return ok({ userId: spent.value });
}

/** Accepts an invitation: sets the password (and name), after which the caller signs the user in. */
export async function acceptInvite(deps: Deps, token: string, password: string, name: string | undefined): Promise<Result<{ userId: string }>> {
  const hash = await hashPassword(password);
  const spent = await spendToken(deps, token, 'invite');
  if (!spent.ok) return spent;
  await deps.db
    .update(users)
    .set({ passwordHash: hash, ...(name ? { name } : {}) })
    .where(eq(users.id, spent.value));
  return ok({ userId: spent.value });
}

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  staffId: string | null;
}

/**
 * Creates (or re-invites) an account without a password and e-mails a link to set one.
 * An e-mail already used by another business, or by an account that has a password, is refused.
 */
export async function inviteUser(deps: Deps, businessId: string, input: InviteInput): Promise<Result<{ userId: string }>> {
  const email = normaliseEmail(input.email);
  const now = deps.clock.now();
  const existing = (await deps.db.select().from(users).where(eq(users.email, email)))[0];
  if (existing && (existing.businessId !== businessId || existing.passwordHash)) return fail('EMAIL_TAKEN', `${email} already has an account`, { field: 'email' });
  const biz = (await deps.db.select({ lang: businesses.defaultLang, name: businesses.name }).from(businesses).where(eq(businesses.id, businessId)))[0];
  if (!biz) return fail('INVALID_INPUT', 'Unknown business');
  const userId = existing?.id ?? `usr_${randomUUID()}`;
  const token = newToken();
  const tokenHash = hashToken(token);
  const link = `${deps.publicUrl}/console/#/invite?token=${token}`;
  try {
    await writeInvite(biz);
  } catch (err) {
    // Two invites of one new address at once: the second insert meets the first's unique e-mail.
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) return fail('EMAIL_TAKEN', `${email} already has an account`, { field: 'email' });
    throw err;
  }
  return ok({ userId });

  async function writeInvite(business: NonNullable<typeof biz>) {
  await deps.db.transaction(async (tx) => {
    if (existing) {
      await tx.update(users).set({ name: input.name, role: input.role, staffId: input.staffId, active: true }).where(eq(users.id, userId));
    } else {
      await tx.insert(users).values({ id: userId, businessId, email, name: input.name, role: input.role, staffId: input.staffId, lang: business.lang, passwordHash: null, createdAt: now });
    }
    await tx.insert(authTokens).values({ tokenHash, userId, purpose: 'invite', expiresAt: new Date(now.getTime() + INVITE_TTL_MS), createdAt: now });
    await enqueueConsoleMail(
      tx,
      {
        to: email,
        subject: `You are invited to ${business.name} on Frontdesk`,
        text: `${input.name ? `Hello ${input.name},\n\n` : ''}${business.name} invited you to its Frontdesk console.\n\nChoose your password here (the link works once, for 7 days):\n${link}`,
        dedupeKey: `invite:${tokenHash}`,
      },
      now,
    );
  });
  }
}
