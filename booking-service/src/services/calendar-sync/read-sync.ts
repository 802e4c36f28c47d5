/**
 * Busy times from Google into `external_busy`, with Google's recommended incremental sync:
 * a full sync of the horizon (events.list timeMin/timeMax, singleEvents so recurring events
 * arrive as instances), keeping `nextSyncToken`; then events.list with `syncToken` for the
 * changes since. 410 GONE → the token is stale: clear the calendar's rows and sync fully.
 * A full sync is also forced once a day, so events that enter the horizon as days pass
 * (incremental changes only report edits) are picked up.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { calendar_v3 } from '@googleapis/calendar';
import type { Tx } from '../../adapters/db/client.js';
import { businesses, externalBusy, googleCalendarSyncs, staff } from '../../adapters/db/schema.js';
import { classifyGoogleError } from '../../adapters/google/calendar-client.js';
import { enqueueFreedRange } from '../waitlist/freed-range.js';
import { meaningOf } from './busy-of-event.js';
import { apiFor, hashSecret, loadConnection, type ConnectionRow } from './connection.js';
import type { SyncDeps } from './deps.js';
import { enqueueCalendarSync } from './enqueue.js';
import { applyOwnEvent } from './inbound.js';

const DAY_MS = 86_400_000;
const FULL_SYNC_EVERY_MS = DAY_MS;
/** Channels are renewed when less than this is left. */
const RENEW_BEFORE_MS = DAY_MS;

export type SyncOutcome = 'full' | 'incremental' | 'skipped:not_connected' | 'skipped:broken';

export async function syncCalendar(deps: SyncDeps, staffId: string, calendarId: string, now: Date): Promise<SyncOutcome> {
  const conn = await loadConnection(deps.db, staffId);
  if (!conn) return 'skipped:not_connected';
  if (conn.status !== 'ok') return 'skipped:broken';
  const state = (await deps.db.select().from(googleCalendarSyncs).where(and(eq(googleCalendarSyncs.staffId, staffId), eq(googleCalendarSyncs.calendarId, calendarId))))[0];
  if (!state) return 'skipped:not_connected';
  const zone = await zoneOf(deps, staffId);
  const api = await apiFor(deps, conn);

  let token = state.syncToken;
  if (!state.lastFullSyncAt || now.getTime() - state.lastFullSyncAt.getTime() > FULL_SYNC_EVERY_MS) token = null;
  let listed: { items: calendar_v3.Schema$Event[]; nextSyncToken: string } | null = null;
  if (token) {
    try {
      listed = await listAll(deps, staffId, api, { calendarId, syncToken: token, singleEvents: true });
    } catch (err) {
      if (classifyGoogleError(err) !== 'gone') throw err;
    }
  }
  const full = listed === null;
  if (!listed) {
    listed = await listAll(deps, staffId, api, {
      calendarId,
      singleEvents: true,
      timeMin: new Date(now.getTime() - DAY_MS).toISOString(),
      timeMax: new Date(now.getTime() + (zone.horizonDays + 1) * DAY_MS).toISOString(),
    });
  }

  const own: calendar_v3.Schema$Event[] = [];
  await deps.db.transaction(async (tx) => {
    // What was busy before this sync: a removed, moved or shortened event frees time someone may be waiting for.
    const before = await tx.select().from(externalBusy).where(and(eq(externalBusy.staffId, staffId), eq(externalBusy.calendarId, calendarId)));
    if (full) await tx.delete(externalBusy).where(and(eq(externalBusy.staffId, staffId), eq(externalBusy.calendarId, calendarId)));
    const gone: string[] = [];
    for (const ev of listed.items) {
      if (!ev.id) continue;
      const m = meaningOf(ev, zone.timeZone);
      if (m.kind === 'own') {
        if (calendarId === conn.bookingCalendarId) own.push(ev);
        continue;
      }
      if (m.kind === 'none') {
        gone.push(ev.id);
        continue;
      }
      const row = { staffId, calendarId, eventId: ev.id, startsAt: new Date(m.start), endsAt: new Date(m.end) };
      await tx
        .insert(externalBusy)
        .values(row)
        .onConflictDoUpdate({ target: [externalBusy.staffId, externalBusy.calendarId, externalBusy.eventId], set: { startsAt: row.startsAt, endsAt: row.endsAt } });
    }
    if (gone.length > 0 && !full) {
      await tx.delete(externalBusy).where(and(eq(externalBusy.staffId, staffId), eq(externalBusy.calendarId, calendarId), inArray(externalBusy.eventId, gone)));
    }
    await offerFreedTime(tx, zone.businessId, staffId, calendarId, before, now);
    await tx
      .update(googleCalendarSyncs)
      .set({ syncToken: listed.nextSyncToken, lastSyncedAt: now, ...(full ? { lastFullSyncAt: now } : {}) })
      .where(and(eq(googleCalendarSyncs.staffId, staffId), eq(googleCalendarSyncs.calendarId, calendarId)));
  });
  for (const ev of own) await applyOwnEvent(deps, ev, now);
  await ensureChannel(deps, conn, calendarId, api, now);
  return full ? 'full' : 'incremental';
}

async function listAll(deps: SyncDeps, staffId: string, api: calendar_v3.Calendar, params: calendar_v3.Params$Resource$Events$List) {
  const items: calendar_v3.Schema$Event[] = [];
  let pageToken: string | undefined;
  for (;;) {
    await deps.google.pacer.take(staffId);
    const res = await api.events.list({ ...params, maxResults: 250, ...(pageToken ? { pageToken } : {}) });
    items.push(...(res.data.items ?? []));
    if (res.data.nextPageToken) {
      pageToken = res.data.nextPageToken;
      continue;
    }
    if (!res.data.nextSyncToken) throw new Error('events.list ended without nextSyncToken');
    return { items, nextSyncToken: res.data.nextSyncToken };
  }
}

/**
 * A push channel per busy calendar, renewed a day before it expires (a new channel first, then
 * the old one stopped, so no change falls between). Failing to watch is not fatal: the periodic
 * tick still syncs, and tries the watch again.
 */
export async function ensureChannel(deps: SyncDeps, conn: ConnectionRow, calendarId: string, api: calendar_v3.Calendar, now: Date): Promise<void> {
  const where = and(eq(googleCalendarSyncs.staffId, conn.staffId), eq(googleCalendarSyncs.calendarId, calendarId));
  const state = (await deps.db.select().from(googleCalendarSyncs).where(where))[0];
  if (!state) return;
  if (state.channelId && state.channelExpiresAt && state.channelExpiresAt.getTime() - now.getTime() > RENEW_BEFORE_MS) return;
  const id = randomUUID();
  const token = randomBytes(24).toString('base64url');
  try {
    await deps.google.pacer.take(conn.staffId);
    const res = await api.events.watch({
      calendarId,
      requestBody: { id, type: 'web_hook', address: deps.google.webhookUrl, token, params: { ttl: String(deps.google.channelTtlSec) } },
    });
    const expires = res.data.expiration ? new Date(Number(res.data.expiration)) : new Date(now.getTime() + deps.google.channelTtlSec * 1000);
    await deps.db
      .update(googleCalendarSyncs)
      .set({ channelId: id, channelTokenHash: hashSecret(token), channelResourceId: res.data.resourceId ?? null, channelExpiresAt: expires })
      .where(where);
  } catch (err) {
    if (classifyGoogleError(err) === 'invalid_grant') throw err;
    return;
  }
  // A first channel watches from now on: a change made between this sync's list and the watch
  // sent no push, so one more (incremental, cheap) sync picks it up. Renewals overlap instead.
  if (!state.channelId) await enqueueCalendarSync(deps.db, conn.staffId, calendarId, now);
  if (state.channelId && state.channelResourceId) {
    await deps.google.pacer.take(conn.staffId);
    await api.channels.stop({ requestBody: { id: state.channelId, resourceId: state.channelResourceId } }).catch(() => undefined);
  }
}

type BusyRow = typeof externalBusy.$inferSelect;

/**
 * The ranges busy before this sync and no longer busy after it (an event deleted, moved, made
 * free or shortened) go to the waiting list, as a cancelled booking's time does
 * (services/waitlist/freed-range.ts). Compared after the writes, in the same transaction.
 */
async function offerFreedTime(tx: Tx, businessId: string, staffId: string, calendarId: string, before: BusyRow[], now: Date): Promise<void> {
  if (before.length === 0) return;
  const after = await tx.select().from(externalBusy).where(and(eq(externalBusy.staffId, staffId), eq(externalBusy.calendarId, calendarId)));
  const still = new Map(after.map((r) => [r.eventId, r]));
  for (const old of before) {
    const kept = still.get(old.eventId);
    if (kept && kept.startsAt <= old.startsAt && kept.endsAt >= old.endsAt) continue;
    await enqueueFreedRange(tx, { businessId, staffId, from: old.startsAt.toISOString(), to: old.endsAt.toISOString() }, now);
  }
}

async function zoneOf(deps: SyncDeps, staffId: string) {
  const rows = await deps.db
    .select({ businessId: businesses.id, staffZone: staff.timeZone, businessZone: businesses.timeZone, horizonDays: businesses.horizonDays })
    .from(staff)
    .innerJoin(businesses, eq(businesses.id, staff.businessId))
    .where(eq(staff.id, staffId));
  const r = rows[0]!;
  return { businessId: r.businessId, timeZone: r.staffZone ?? r.businessZone, horizonDays: r.horizonDays };
}
