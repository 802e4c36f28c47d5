/**
 * The `gcal.*` jobs (see services/calendar-sync/enqueue.ts). Google failures are sorted here:
 * rate limits (403 rateLimitExceeded, 429), 5xx, timeouts and network errors are retried by the
 * queue with exponential backoff, or later when Google's Retry-After asks for more; `invalid_grant` marks the connection broken and stops; any
 * other refusal (400, 403 forbidden, 404 calendar) ends the job as failed — retrying cannot help.
 */
import { escapeHtml } from '@frontdesk/shared';
import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { bookingCalendarEvents, bookings, businesses, googleCalendarSyncs, googleConnections, jobs, staff, users } from '../adapters/db/schema.js';
import { backoffMs, complete, enqueue, retryAt, type JobRow } from '../adapters/job-queue/queue.js';
import { classifyGoogleError, retryAfterMs } from '../adapters/google/calendar-client.js';
import { markBroken } from '../services/calendar-sync/connection.js';
import type { SyncDeps } from '../services/calendar-sync/deps.js';
import { enqueueCalendarSync, enqueueCalendarWrite, TICK_EVERY_MS } from '../services/calendar-sync/enqueue.js';
import { syncCalendar } from '../services/calendar-sync/read-sync.js';
import { writeBookingEvent } from '../services/calendar-sync/write-event.js';
import type { JobDeps } from './deps.js';
import type { JobHandler } from './registry.js';
import { mailDomainOf } from './send-once.js';

/** A calendar not synced for this long is synced by the tick even without a push. */
const STALE_AFTER_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

type GoogleJobDeps = JobDeps & SyncDeps;
/** Resolves to the job's outcome, or null when the run completed the job itself. */
type GoogleJobRun = (deps: GoogleJobDeps, job: JobRow, now: Date) => Promise<string | null>;

/**
 * A `gcal.*` handler: skips when Google is not configured, sorts Google's failures (see the file
 * comment) and completes the job with the outcome `run` returns (null: it did so itself).
 */
function googleJob(run: GoogleJobRun): JobHandler {
  return async (deps, job, now) => {
    if (!deps.google) {
      await complete(deps.db, job, deps.workerId, now, 'skipped:not_configured');
      return;
    }
    const p = job.payload as { staffId?: string };
    let outcome: string;
    try {
      const result = await run({ ...deps, google: deps.google }, job, now);
      if (result === null) return;
      outcome = result;
    } catch (err) {
      const kind = classifyGoogleError(err);
      if (kind === 'retry') {
        // Google said when to come back (Retry-After): not sooner than that, nor sooner than our own backoff.
        const wait = retryAfterMs(err, now);
        if (wait !== undefined && job.attempts < job.maxAttempts) {
          const message = err instanceof Error ? err.message : String(err);
          await retryAt(deps.db, job, deps.workerId, new Date(now.getTime() + Math.max(wait, backoffMs(job.attempts))), `${message} (Retry-After honoured)`);
          return;
        }
        throw err;
      }
      const staffId = p.staffId ?? (job.bookingId ? await staffOf(deps, job.bookingId) : undefined);
      if (kind === 'invalid_grant' && staffId) {
        await deps.db.transaction((tx) => markBroken(tx, staffId, 'invalid_grant', now));
        outcome = 'skipped:broken';
      } else {
        deps.log(`[gcal] ${job.kind} ${job.id} refused by Google (${kind})`, err instanceof Error ? err.message : err);
        outcome = `failed:${kind}`;
      }
    }
    await complete(deps.db, job, deps.workerId, now, outcome);
  };
}

/** Reads a staff member's calendar changes into the local busy table. */
export const googleSync = googleJob((deps, job, now) => {
  const p = job.payload as { staffId?: string; calendarId?: string };
  return syncCalendar(deps, String(p.staffId), String(p.calendarId), now);
});

/** Writes (or removes) the calendar event of a booking. */
export const googleWrite = googleJob((deps, job, now) => (job.bookingId ? writeBookingEvent(deps, job.bookingId, now) : Promise.resolve('skipped:no_booking')));

/** The five-minute safety net (tick below); it completes and re-enqueues itself. */
export const googleTick = googleJob(async (deps, job, now) => {
  await tick(deps, job, deps.workerId, now);
  return null;
});

/** Tells the owner and the staff member that a calendar was disconnected. */
export const googleBrokenNotice = googleJob((deps, job, now) => sendBrokenNotice(deps, String((job.payload as { staffId?: string }).staffId), now));

async function staffOf(deps: JobDeps, bookingId: string): Promise<string | undefined> {
  return (await deps.db.select({ s: bookings.staffId }).from(bookings).where(eq(bookings.id, bookingId)))[0]?.s;
}

/**
 * The safety net, every five minutes: sync calendars whose pushes may have been lost (or whose
 * channel must be renewed — the sync renews it), and re-queue event writes that ran out of
 * attempts during a long outage, for bookings still ahead.
 */
async function tick(deps: SyncDeps, job: JobRow, workerId: string, now: Date): Promise<void> {
  const syncs = await deps.db
    .select({ s: googleCalendarSyncs })
    .from(googleCalendarSyncs)
    .innerJoin(googleConnections, eq(googleConnections.staffId, googleCalendarSyncs.staffId))
    .where(eq(googleConnections.status, 'ok'));
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const renewBefore = new Date(now.getTime() + DAY_MS);
  const lagging = await deps.db
    .select({ id: bookings.id, staffId: bookings.staffId })
    .from(bookings)
    .innerJoin(googleConnections, and(eq(googleConnections.staffId, bookings.staffId), eq(googleConnections.status, 'ok')))
    .leftJoin(bookingCalendarEvents, eq(bookingCalendarEvents.bookingId, bookings.id))
    .where(
      and(
        gt(bookings.endsAt, now),
        or(
          and(eq(bookings.status, 'confirmed'), or(isNull(bookingCalendarEvents.bookingId), ne(bookingCalendarEvents.writtenVersion, bookings.version))),
          and(eq(bookings.status, 'cancelled'), eq(bookingCalendarEvents.state, 'live')),
        ),
        sql`NOT EXISTS (SELECT 1 FROM ${jobs} WHERE ${jobs.bookingId} = ${bookings.id} AND ${jobs.kind} = 'gcal.write' AND ${jobs.doneAt} IS NULL)`,
      ),
    );
  await deps.db.transaction(async (tx) => {
    for (const { s } of syncs) {
      const stale = !s.lastSyncedAt || s.lastSyncedAt < staleBefore;
      const expiring = !s.channelExpiresAt || s.channelExpiresAt < renewBefore;
      if (stale || expiring) await enqueueCalendarSync(tx, s.staffId, s.calendarId, now);
    }
    for (const b of lagging) await enqueueCalendarWrite(tx, b, now);
    if (await complete(tx, job, workerId, now, `ticked:${syncs.length}/${lagging.length}`)) {
      await enqueue(tx, { kind: 'gcal.tick', payload: {}, runAt: new Date(now.getTime() + TICK_EVERY_MS) });
    }
  });
}

/**
 * Tells the owner (the business's notify address) and the staff member (their console account's
 * e-mail, when they have one) that the calendar was disconnected. Each message has its own
 * Message-ID, so a retry after a partial send does not make a second copy in the outbox.
 */
async function sendBrokenNotice(deps: GoogleJobDeps, staffId: string, now: Date): Promise<string> {
  const rows = await deps.db
    .select({ name: staff.name, to: businesses.notifyEmail, business: businesses.name, brokenAt: googleConnections.brokenAt, reason: googleConnections.brokenReason })
    .from(googleConnections)
    .innerJoin(staff, eq(staff.id, googleConnections.staffId))
    .innerJoin(businesses, eq(businesses.id, googleConnections.businessId))
    .where(and(eq(googleConnections.staffId, staffId), eq(googleConnections.status, 'broken')));
  const r = rows[0];
  if (!r) return 'skipped:not_broken';
  const staffUsers = await deps.db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.staffId, staffId), eq(users.active, true)));
  const domain = mailDomainOf(deps.mailFrom);
  const stamp = (r.brokenAt ?? now).getTime();
  const effect = (who: string) =>
    `Until it is connected again, online booking only avoids Frontdesk's own bookings for ${who}, ` +
    `not private Google events, and new bookings are not copied to the calendar.`;
  const letters = [
    ...(r.to
      ? [{ to: r.to, who: 'owner', subject: `${r.business}: reconnect ${r.name}'s Google Calendar`, text: `${r.name}'s Google Calendar stopped answering for Frontdesk (access was revoked or expired).\n${effect(r.name)}` }]
      : []),
    ...staffUsers
      .filter((u) => u.email !== r.to)
      .map((u, i) => ({
        to: u.email,
        who: `staff${i}`,
        subject: `${r.business}: connect your Google Calendar again`,
        text: `Your Google Calendar stopped answering for Frontdesk (access was revoked or expired).\n${effect('you')}\nConnect it again in the console: calendar settings.`,
      })),
  ];
  if (letters.length === 0) return 'skipped:no_address';
  for (const l of letters) {
    await deps.transport.send(
      {
        messageId: `<gcal_broken.${staffId}.${stamp}.${l.who}@${domain}>`,
        from: deps.mailFrom,
        to: l.to,
        subject: l.subject,
        text: l.text,
        html: `<p>${escapeHtml(l.text).replace(/\n/g, '<br>')}</p>`,
      },
      deps.db,
    );
  }
  return `sent:${letters.length}`;
}
