/**
 * End-to-end tests only (DEV_JOB_RUNNER=true, never with NODE_ENV=production): runs ONE booking's
 * jobs as if the clock read `at` — e.g. its 24-hour and 2-hour reminders — so a browser journey
 * (whose own time is Playwright's page.clock) can show what staff see after them, without waiting
 * a day or moving the whole service's clock. Other bookings' jobs are not touched; each job runs
 * through the usual claim → handler → complete path (jobs/run-due-jobs.ts), so it is still sent
 * once. Loopback callers only.
 */
import express from 'express';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../adapters/db/client.js';
import { jobs } from '../adapters/db/schema.js';
import type { JobDeps } from '../jobs/deps.js';
import { runClaimed } from '../jobs/run-due-jobs.js';
import { JOB_HANDLERS } from '../jobs/registry.js';

/** Claims and runs the booking's jobs due at `at`, oldest first; returns how many ran. */
export async function runBookingJobsAt(deps: JobDeps, bookingId: string, at: Date): Promise<number> {
  const until = new Date(at.getTime() + deps.leaseMs);
  const rows = await queryRows<Record<string, unknown>>(
    deps.db,
    sql`UPDATE jobs SET locked_until = ${until}, locked_by = ${deps.workerId}, attempts = attempts + 1
        WHERE id IN (SELECT id FROM jobs WHERE booking_id = ${bookingId} AND done_at IS NULL AND run_at <= ${at}
          AND (locked_until IS NULL OR locked_until <= ${at}) FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (rows.length === 0) return 0;
  const claimed = await deps.db.select().from(jobs).where(and(inArray(jobs.id, rows.map((r) => String(r.id))), eq(jobs.lockedBy, deps.workerId)));
  claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
  for (const job of claimed) await runClaimed(deps, job, at, JOB_HANDLERS);
  return claimed.length;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** POST /dev/jobs/run {"bookingId": "…", "at": "2026-12-10T07:00:00Z"} → {"ran": n}. */
export function devJobRunner(deps: JobDeps): express.Router {
  const router = express.Router();
  router.post('/dev/jobs/run', express.json(), (req, res) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return void res.status(403).json({ error: 'loopback only' });
    const body = (req.body ?? {}) as { bookingId?: unknown; at?: unknown };
    const at = typeof body.at === 'string' ? new Date(body.at) : new Date(NaN);
    if (typeof body.bookingId !== 'string' || body.bookingId === '') return void res.status(400).json({ error: 'bookingId: a booking id is required' });
    if (Number.isNaN(at.getTime())) return void res.status(400).json({ error: 'at: an ISO date-time is required' });
    runBookingJobsAt(deps, body.bookingId, at).then(
      (ran) => res.json({ ran }),
      (err: unknown) => {
        deps.log('[dev] job runner failed', err);
        res.status(500).json({ error: 'failed' });
      },
    );
  });
  return router;
}
