/**
 * The durable jobs of the Google Calendar integration (run by src/jobs/calendar-sync.ts):
 * - `gcal.sync`   {staffId, calendarId}: pull changes of one busy calendar into external_busy;
 * - `gcal.write`  (bookingId): make the booking's Google event match the booking;
 * - `gcal.tick`   periodic safety net: sync calendars not synced lately, renew push channels;
 * - `gcal.broken` {staffId}: tell the owner a connection stopped working.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { bookings, googleConnections, jobs } from '../../adapters/db/schema.js';
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue, type NewJob } from '../../adapters/job-queue/queue.js';

type BookingRow = typeof bookings.$inferSelect;

/** Whether the staff member's calendar takes booking events (a connection that works). */
export async function calendarConnected(db: Queryable, staffId: string): Promise<boolean> {
  const conn = await db.select({ status: googleConnections.status }).from(googleConnections).where(eq(googleConnections.staffId, staffId));
  return conn[0]?.status === 'ok';
}

/** The job that makes the booking's Google event match the booking. */
export const calendarWriteJob = (b: Pick<BookingRow, 'id'>, now: Date): NewJob => ({ kind: 'gcal.write', payload: {}, runAt: now, bookingId: b.id });

/** Every booking change that the staff member's calendar should show; called in the booking's transaction. */
export async function enqueueCalendarWrite(db: Queryable, b: Pick<BookingRow, 'id' | 'staffId'>, now: Date): Promise<void> {
  if (await calendarConnected(db, b.staffId)) await enqueue(db, calendarWriteJob(b, now));
}

/** One pending sync per calendar is enough: pushes arriving in a burst collapse into it. */
export async function enqueueCalendarSync(db: Queryable, staffId: string, calendarId: string, now: Date): Promise<void> {
  const pending = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, 'gcal.sync'),
        isNull(jobs.doneAt),
        isNull(jobs.lockedUntil),
        sql`${jobs.payload}->>'staffId' = ${staffId}`,
        sql`${jobs.payload}->>'calendarId' = ${calendarId}`,
      ),
    )
    .limit(1);
  if (pending.length > 0) return;
  await enqueue(db, { kind: 'gcal.sync', payload: { staffId, calendarId }, runAt: now, maxAttempts: 8 });
}

/** How often the safety-net tick runs. */
export const TICK_EVERY_MS = 5 * 60_000;

export async function ensureCalendarTick(db: Queryable, now: Date): Promise<void> {
  const pending = await db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.kind, 'gcal.tick'), isNull(jobs.doneAt))).limit(1);
  if (pending.length === 0) await enqueue(db, { kind: 'gcal.tick', payload: {}, runAt: now });
}
