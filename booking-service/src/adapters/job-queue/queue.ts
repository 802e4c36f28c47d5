/**
 * A small transactional job queue on the application's own database (PGlite or PostgreSQL).
 *
 * Why not pg-boss: its fetch selects `start_after < now()` — the database's clock — so the
 * injected Clock could not drive reminders (tests would sleep for hours), and on PGlite it
 * would need a hand-written executor for its multi-statement schema SQL. A table, an INSERT
 * in the caller's transaction and a SKIP LOCKED claim give the same guarantees here:
 * - a job is inserted in the same transaction as the booking change that causes it;
 * - a claimed job is leased (`locked_until`); a worker that dies loses the lease and the
 *   job is claimed again by any process once it lapses;
 * - failures back off exponentially, up to `max_attempts`, then the job is marked failed.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Queryable } from '../db/client.js';
import { jobs } from '../db/schema.js';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  /** Which handler runs it: a key of the job table (jobs/registry.ts). */
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  bookingId?: string | null;
  handoffId?: string | null;
  maxAttempts?: number;
}

/** The column default of jobs.max_attempts (migration), for rows written from JSON. */
export const DEFAULT_MAX_ATTEMPTS = 12;

/**
 * A job as one `jsonb_to_recordset` element (snake_case columns, a fresh id), for a caller that
 * inserts its jobs inside its own statement (the booking store's confirmation).
 */
export function jobJson(job: NewJob): Record<string, unknown> {
  return {
    id: randomUUID(),
    kind: job.kind,
    payload: job.payload,
    run_at: job.runAt.toISOString(),
    booking_id: job.bookingId ?? null,
    handoff_id: job.handoffId ?? null,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  };
}

export async function enqueue(db: Queryable, job: NewJob): Promise<string> {
  const row = jobRow(job);
  await db.insert(jobs).values(row);
  return row.id;
}

/** The `jobs` row of a new job, with a fresh id (for a caller that writes its jobs in a statement of its own). */
export function jobRow(job: NewJob): typeof jobs.$inferInsert & { id: string } {
  return {
    id: randomUUID(),
    kind: job.kind,
    payload: job.payload,
    runAt: job.runAt,
    bookingId: job.bookingId ?? null,
    handoffId: job.handoffId ?? null,
    ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
  };
}

/** Stops pending jobs of a booking (e.g. its reminders when it moves), in the caller's transaction. */
export async function supersedePending(db: Queryable, bookingId: string, kinds: string[], now: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ doneAt: now, outcome: 'superseded', lockedUntil: null })
    .where(and(eq(jobs.bookingId, bookingId), inArray(jobs.kind, kinds), isNull(jobs.doneAt)))
    .returning({ id: jobs.id });
  return rows.length;
}

/**
 * Claims up to `limit` due jobs for `worker` until `now + leaseMs`. Attempts are counted at
 * claim time, so a job that crashes its process every time still runs out of attempts.
 */
export async function claimDue(db: Db, worker: string, now: Date, leaseMs: number, limit: number): Promise<JobRow[]> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`UPDATE jobs SET locked_until = ${until}, locked_by = ${worker}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs
          WHERE done_at IS NULL AND run_at <= ${now} AND (locked_until IS NULL OR locked_until <= ${now})
          ORDER BY run_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const claimed = await db.select().from(jobs).where(and(inArray(jobs.id, ids), eq(jobs.lockedBy, worker)));
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
}

/** Marks a job finished — only while this worker still holds it. False = the lease was lost. */
export async function complete(db: Queryable, job: Pick<JobRow, 'id'>, worker: string, now: Date, outcome: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ doneAt: now, outcome, lockedUntil: null })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), isNull(jobs.doneAt)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** First retry after 30 s, doubling to at most an hour: an SMTP outage of an hour costs ~8 attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Releases a job to run again at `runAt` (e.g. when the remote asked to come back later with
 * Retry-After): the attempt counts, the lease is given up. Only while this worker holds it.
 */
export async function retryAt(db: Queryable, job: Pick<JobRow, 'id'>, worker: string, runAt: Date, note: string): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt, lockedUntil: null, lastError: note.slice(0, 1000) })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), isNull(jobs.doneAt)));
}

/** Replaces a job's payload, e.g. to drop a one-time link from it once the mail is out. */
export async function replacePayload(db: Queryable, job: Pick<JobRow, 'id'>, payload: Record<string, unknown>): Promise<void> {
  await db.update(jobs).set({ payload }).where(eq(jobs.id, job.id));
}

/** Records a failed attempt: retry later with backoff, or give up after max attempts. */
export async function failAttempt(db: Db, job: JobRow, worker: string, now: Date, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const last = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set(
      last
        ? { doneAt: now, outcome: 'failed', lockedUntil: null, lastError: message }
        : { runAt: new Date(now.getTime() + backoffMs(job.attempts)), lockedUntil: null, lastError: message },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), isNull(jobs.doneAt)));
}

/**
 * Moves this worker's lease on a job to `until` (a heartbeat while a slow step runs).
 * False = the lease is no longer ours (another worker claimed it, or the job is done).
 */
export async function extendLease(db: Queryable, job: Pick<JobRow, 'id'>, worker: string, until: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), isNull(jobs.doneAt)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * The batch heartbeat: moves this worker's leases on `ids` to `until`, for the jobs it still
 * holds and has not released (a job given up by failAttempt/retryAt has no lease to keep).
 */
export async function extendLeases(db: Queryable, ids: readonly string[], worker: string, until: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.lockedBy, worker), isNull(jobs.doneAt), isNotNull(jobs.lockedUntil)))
    .returning({ id: jobs.id });
  return rows.length;
}

/**
 * Right before a claimed job runs: is it still this worker's, from this very claim (the attempt
 * counted then)? If so its lease is renewed to `until`. False = another worker claimed it since
 * (its lease lapsed while it waited in the batch) or it is done: running it would do it twice.
 */
export async function renewClaim(db: Queryable, job: Pick<JobRow, 'id' | 'attempts'>, worker: string, until: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), eq(jobs.attempts, job.attempts), isNull(jobs.doneAt)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Replaces a job's payload only while this worker holds it. False = the lease was lost. */
export async function replacePayloadWhileHeld(db: Queryable, job: Pick<JobRow, 'id'>, worker: string, payload: Record<string, unknown>): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ payload })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, worker), isNull(jobs.doneAt)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}
