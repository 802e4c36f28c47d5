/**
 * Console sessions. The cookie carries 32 random bytes (base64url); the database keeps only
 * their sha256, so a leaked table cannot be replayed. Sessions slide: each use within the
 * last half of the lifetime extends it.
 */
import type { Lang, Role } from '@frontdesk/shared';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { sessions, users } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';

export const SESSION_COOKIE = 'fd_session';
export const SESSION_TTL_MS = 14 * 24 * 3_600_000;

export interface ConsoleSession {
  sessionHash: string;
  userId: string;
  businessId: string;
  role: Role;
  /** The staff row of a staff user (null for an owner who does not take bookings). */
  staffId: string | null;
  email: string;
  name: string;
  lang: Lang;
  csrfToken: string;
  /** Set when this use extended the session: the cookie's Max-Age is then renewed to match. */
  renewedUntil?: Date | undefined;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(deps: Deps, userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deps.db.insert(sessions).values({ idHash: hashToken(token), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function loadSession(deps: Deps, token: string | undefined): Promise<ConsoleSession | null> {
  if (!token || token.length > 100) return null;
  const now = deps.clock.now();
  const idHash = hashToken(token);
  const rows = await deps.db
    .select({
      userId: users.id,
      businessId: users.businessId,
      role: users.role,
      staffId: users.staffId,
      email: users.email,
      name: users.name,
      lang: users.lang,
      active: users.active,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  const r = rows[0];
  if (!r || !r.active) return null;
  let renewedUntil: Date | undefined;
  if (r.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2) {
    renewedUntil = new Date(now.getTime() + SESSION_TTL_MS);
    await deps.db.update(sessions).set({ lastSeenAt: now, expiresAt: renewedUntil }).where(eq(sessions.idHash, idHash));
  }
  const { active: _a, expiresAt: _e, ...s } = r;
  return { ...s, sessionHash: idHash, ...(renewedUntil ? { renewedUntil } : {}) };
}

export async function endSession(deps: Deps, sessionHash: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.idHash, sessionHash));
}
