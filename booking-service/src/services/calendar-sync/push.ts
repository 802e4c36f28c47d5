/**
 * POST /google/push: Google's "something changed" for a watched calendar. The notification
 * carries no data; it only makes the calendar's sync job due now. The channel token (random,
 * stored hashed) is compared in constant time so nobody else can trigger syncs.
 */
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { googleCalendarSyncs } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { hashSecret } from './connection.js';
import { enqueueCalendarSync } from './enqueue.js';

export interface PushHeaders {
  channelId: string | undefined;
  channelToken: string | undefined;
  /** `sync` (channel created), `exists` (changed), `not_exists` (deleted). */
  resourceState: string | undefined;
  resourceId: string | undefined;
}

export type PushOutcome = 'queued' | 'handshake' | 'unknown_channel' | 'bad_token';

export async function receivePush(deps: Deps, h: PushHeaders): Promise<PushOutcome> {
  if (!h.channelId) return 'unknown_channel';
  const row = (await deps.db.select().from(googleCalendarSyncs).where(eq(googleCalendarSyncs.channelId, h.channelId)))[0];
  if (!row || !row.channelTokenHash) return 'unknown_channel';
  const given = Buffer.from(hashSecret(h.channelToken ?? ''), 'hex');
  if (!timingSafeEqual(given, Buffer.from(row.channelTokenHash, 'hex'))) return 'bad_token';
  if (row.channelResourceId && h.resourceId && h.resourceId !== row.channelResourceId) return 'unknown_channel';
  if (h.resourceState === 'sync') return 'handshake';
  await enqueueCalendarSync(deps.db, row.staffId, row.calendarId, deps.clock.now());
  return 'queued';
}
