/**
 * A staff member's Google connection: the OAuth web flow (consent URL → callback → code
 * exchange), the sealed refresh token, which calendars count, and the `broken` state.
 *
 * Broken: Google answered `invalid_grant` (revoked, expired, password change). The connection
 * keeps its row with status `broken`; availability stops counting its external busy times
 * (Frontdesk's own bookings still count), no more writes are queued, and the owner gets a
 * message. Nothing on the request path ever talks to Google, so no request can fail for it.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { calendar_v3 } from '@googleapis/calendar';
import { externalBusy, googleCalendarSyncs, googleConnections, staff } from '../../adapters/db/schema.js';
import { calendarClient, classifyGoogleError, GOOGLE_SCOPES, oauthClient } from '../../adapters/google/calendar-client.js';
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import { fail, ok, type Result } from '../result.js';
import type { SyncDeps } from './deps.js';
import { enqueueCalendarSync, ensureCalendarTick } from './enqueue.js';
import { readStaffToken, signStaffToken, type ReturnTo } from './oauth-state.js';

export type ConnectionRow = typeof googleConnections.$inferSelect;

const STATE_TTL_MS = 15 * 60_000;
/** An owner's connect link, sent to a staff member without a console account, lasts a week. */
const CONNECT_LINK_TTL_MS = 7 * 86_400_000;

/** Where "Connect Google Calendar" sends the staff member (`returnTo`: where the callback sends them after). */
export async function consentUrl(deps: SyncDeps, staffId: string, returnTo: ReturnTo = 'page'): Promise<string> {
  const state = signStaffToken(deps.secret, staffId, 'gcal_state', new Date(deps.clock.now().getTime() + STATE_TTL_MS), returnTo);
  return (await oauthClient(deps.google.endpoints)).generateAuthUrl({
    access_type: 'offline',
    // Always ask, so Google returns a refresh token even when the user had consented before.
    prompt: 'consent',
    include_granted_scopes: true,
    scope: GOOGLE_SCOPES,
    state,
  });
}

/** A signed link the owner can send a staff member: `/google/connect?link=…` → consent page → our result page. */
export function connectLink(deps: SyncDeps, staffId: string): string {
  const link = signStaffToken(deps.secret, staffId, 'gcal_connect', new Date(deps.clock.now().getTime() + CONNECT_LINK_TTL_MS));
  return `${deps.publicUrl.replace(/\/+$/, '')}/google/connect?link=${encodeURIComponent(link)}`;
}

export async function completeConnect(deps: SyncDeps, input: { code: string; state: string }): Promise<Result<{ staffId: string; returnTo: ReturnTo }>> {
  const now = deps.clock.now();
  const signed = readStaffToken(deps.secret, input.state, 'gcal_state', now);
  if (!signed) return fail('TOKEN_INVALID', 'This connect link is not valid any more; please start again');
  const { staffId, returnTo } = signed;
  const s = (await deps.db.select().from(staff).where(eq(staff.id, staffId)))[0];
  if (!s) return fail('STAFF_NOT_FOUND', 'Unknown staff member');
  let refreshToken: string | null | undefined;
  const client = await oauthClient(deps.google.endpoints);
  try {
    const { tokens } = await client.getToken(input.code);
    refreshToken = tokens.refresh_token;
  } catch (err) {
    return fail('INVALID_INPUT', `Google refused the sign-in (${classifyGoogleError(err)})`);
  }
  if (!refreshToken) return fail('INVALID_INPUT', 'Google returned no refresh token');
  const sealed = deps.google.cipher.seal(refreshToken, staffId);
  await deps.db.transaction(async (tx) => {
    // Reconnecting replaces the grant and starts the busy calendars' sync from scratch.
    await tx.delete(googleConnections).where(eq(googleConnections.staffId, staffId));
    await tx.insert(googleConnections).values({
      staffId,
      businessId: s.businessId,
      refreshTokenSealed: sealed,
      busyCalendarIds: ['primary'],
      bookingCalendarId: 'primary',
      status: 'ok',
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(googleCalendarSyncs).values({ staffId, calendarId: 'primary' });
    await enqueueCalendarSync(tx, staffId, 'primary', now);
    await ensureCalendarTick(tx, now);
  });
  return ok({ staffId, returnTo });
}

/** Staff choose which calendars make them busy and which one receives bookings. */
export async function setCalendars(deps: SyncDeps, staffId: string, choice: { busy: string[]; booking: string }): Promise<Result<null>> {
  const now = deps.clock.now();
  const busy = [...new Set(choice.busy)];
  const done = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(googleConnections)
      .set({ busyCalendarIds: busy, bookingCalendarId: choice.booking, updatedAt: now })
      .where(eq(googleConnections.staffId, staffId))
      .returning();
    if (!rows[0]) return null;
    const existing = await tx.select().from(googleCalendarSyncs).where(eq(googleCalendarSyncs.staffId, staffId));
    for (const row of existing) {
      if (busy.includes(row.calendarId)) continue;
      // A dropped calendar's busy rows go now; its channel is stopped below, after the commit.
      await tx.delete(externalBusy).where(and(eq(externalBusy.staffId, staffId), eq(externalBusy.calendarId, row.calendarId)));
      await tx.delete(googleCalendarSyncs).where(and(eq(googleCalendarSyncs.staffId, staffId), eq(googleCalendarSyncs.calendarId, row.calendarId)));
    }
    for (const id of busy) {
      if (existing.some((r) => r.calendarId === id)) continue;
      await tx.insert(googleCalendarSyncs).values({ staffId, calendarId: id });
      await enqueueCalendarSync(tx, staffId, id, now);
    }
    return existing.filter((r) => !busy.includes(r.calendarId));
  });
  if (!done) return fail('STAFF_NOT_FOUND', 'Not connected');
  const conn = await loadConnection(deps.db, staffId);
  if (conn?.status === 'ok') {
    for (const s of done) {
      if (!s.channelId || !s.channelResourceId) continue;
      // Best effort: a channel that cannot be stopped expires by itself, and its pushes now find no channel row.
      await deps.google.pacer.take(staffId);
      await (await apiFor(deps, conn)).channels.stop({ requestBody: { id: s.channelId, resourceId: s.channelResourceId } }).catch(() => undefined);
    }
  }
  return ok(null);
}

/** At most this many pages of calendars (250 each) are read: 5 000 calendars is beyond any staff member. */
const MAX_CALENDAR_PAGES = 20;

/** The staff member's calendars, for choosing busy ones and the booking one (every page). */
export async function listCalendars(deps: SyncDeps, staffId: string): Promise<Array<{ id: string; name: string; primary: boolean }>> {
  const conn = await loadConnection(deps.db, staffId);
  if (!conn || conn.status !== 'ok') return [];
  const api = await apiFor(deps, conn);
  const out: Array<{ id: string; name: string; primary: boolean }> = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_CALENDAR_PAGES; page++) {
    await deps.google.pacer.take(staffId);
    const res = await api.calendarList.list({ maxResults: 250, ...(pageToken ? { pageToken } : {}) });
    for (const c of res.data.items ?? []) {
      if (c.id) out.push({ id: c.id, name: c.summaryOverride ?? c.summary ?? c.id, primary: c.primary === true });
    }
    pageToken = res.data.nextPageToken ?? undefined;
    if (!pageToken) break;
  }
  return out;
}

/**
 * Stops push channels (best effort: unstoppable channels simply expire) and forgets the grant;
 * its sync state and busy rows go with it (ON DELETE CASCADE). Frontdesk's bookings stay, and so
 * do the events already written to Google (the staff member's calendar is theirs to tidy).
 */
export async function disconnect(deps: SyncDeps, staffId: string): Promise<void> {
  const conn = await loadConnection(deps.db, staffId);
  if (!conn) return;
  if (conn.status === 'ok') {
    const api = await apiFor(deps, conn);
    const syncs = await deps.db.select().from(googleCalendarSyncs).where(eq(googleCalendarSyncs.staffId, staffId));
    for (const s of syncs) {
      if (!s.channelId || !s.channelResourceId) continue;
      await deps.google.pacer.take(staffId);
      await api.channels.stop({ requestBody: { id: s.channelId, resourceId: s.channelResourceId } }).catch(() => undefined);
    }
  }
  await deps.db.delete(googleConnections).where(eq(googleConnections.staffId, staffId));
}

export async function loadConnection(db: Queryable, staffId: string): Promise<ConnectionRow | undefined> {
  return (await db.select().from(googleConnections).where(eq(googleConnections.staffId, staffId)))[0];
}

/** The Calendar client of a connection, re-sealing its token if it was sealed with an old key. */
export async function apiFor(deps: SyncDeps, conn: ConnectionRow): Promise<calendar_v3.Calendar> {
  const token = deps.google.cipher.open(conn.refreshTokenSealed, conn.staffId);
  if (deps.google.cipher.needsReseal(conn.refreshTokenSealed)) {
    void deps.db
      .update(googleConnections)
      .set({ refreshTokenSealed: deps.google.cipher.seal(token, conn.staffId) })
      .where(and(eq(googleConnections.staffId, conn.staffId), eq(googleConnections.refreshTokenSealed, conn.refreshTokenSealed)))
      .catch(() => undefined);
  }
  return calendarClient(deps.google.endpoints, token);
}

/** Re-seals every stored refresh token with the current key (after a key rotation). */
export async function resealAll(deps: SyncDeps): Promise<number> {
  let n = 0;
  for (const c of await deps.db.select().from(googleConnections)) {
    if (!deps.google.cipher.needsReseal(c.refreshTokenSealed)) continue;
    const sealed = deps.google.cipher.seal(deps.google.cipher.open(c.refreshTokenSealed, c.staffId), c.staffId);
    await deps.db.update(googleConnections).set({ refreshTokenSealed: sealed }).where(eq(googleConnections.staffId, c.staffId));
    n++;
  }
  return n;
}

/** ok → broken, once; the owner's notice is queued in the same transaction. */
export async function markBroken(db: Queryable, staffId: string, reason: string, now: Date): Promise<void> {
  const rows = await db
    .update(googleConnections)
    .set({ status: 'broken', brokenReason: reason, brokenAt: now, updatedAt: now })
    .where(and(eq(googleConnections.staffId, staffId), eq(googleConnections.status, 'ok')))
    .returning({ staffId: googleConnections.staffId });
  if (rows.length > 0) await enqueue(db, { kind: 'gcal.broken', payload: { staffId }, runAt: now });
}

/** Channel tokens are stored hashed, like every other secret we only need to compare. */
export const hashSecret = (s: string) => createHash('sha256').update(s).digest('hex');
