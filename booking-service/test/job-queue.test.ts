/**
 * The transactional job queue on both databases: leases, backoff, giving up, and several
 * workers sharing one queue without running a job twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { jobs, outbox, sentMessages } from '../src/adapters/db/schema.js';
import { queryRows } from '../src/adapters/db/client.js';
import { backoffMs, claimDue, complete, enqueue } from '../src/adapters/job-queue/queue.js';
import type { JobHandler } from '../src/jobs/registry.js';
import { drainDueJobs, runDueJobs } from '../src/jobs/run-due-jobs.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps } from './support/jobs.js';
import { book } from './support/booking.js';

const runs = new Map<string, number>();
let failUntil = 0;
const countingJob: JobHandler = async (deps, job, now) => {
  runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
  if (job.attempts <= failUntil) throw new Error(`planned failure ${job.attempts}`);
  // A little real work so concurrent workers overlap.
  await new Promise((r) => setTimeout(r, 2));
  await complete(deps.db, job, deps.workerId, now, 'done');
};
/** The tests' own job table: the queue's mechanics do not depend on which jobs exist. */
const TEST_JOBS = { 'test.flaky': countingJob, 'test.lease': countingJob, 'test.many': countingJob };

describe.each(dbKinds)('job queue on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('retries a failing job with exponential backoff, then gives up after max attempts', async () => {
    failUntil = 100;
    const t0 = new Date('2026-03-02T06:00:00Z');
    const id = await enqueue(h.deps.db, { kind: 'test.flaky', payload: {}, runAt: t0, maxAttempts: 4 });
    const d = jobDeps(h, 'outbox');
    let now = t0;
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      await runDueJobs(d, now, TEST_JOBS);
      const [row] = await h.deps.db.select().from(jobs).where(eq(jobs.id, id));
      seen.push(row!.attempts);
      if (row!.doneAt) break;
      expect(row!.runAt.getTime() - now.getTime()).toBe(backoffMs(row!.attempts));
      // Not due a moment before the backoff ends.
      expect((await runDueJobs(d, new Date(row!.runAt.getTime() - 1), TEST_JOBS)).claimed).toBe(0);
      now = row!.runAt;
    }
    const [row] = await h.deps.db.select().from(jobs).where(eq(jobs.id, id));
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(row).toMatchObject({ outcome: 'failed', lastError: 'planned failure 4' });
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('a claimed job is leased: nobody else runs it until the lease lapses (a dead worker), then anyone can', async () => {
    failUntil = 0;
    const t0 = new Date('2026-03-02T07:00:00Z');
    const id = await enqueue(h.deps.db, { kind: 'test.lease', payload: {}, runAt: t0 });
    const dead = await claimDue(h.deps.db, 'dead-worker', t0, 60_000, 100);
    expect(dead.map((j) => j.id)).toContain(id);
    const other = jobDeps(h, 'outbox', 'live-worker');
    await runDueJobs(other, new Date(t0.getTime() + 59_000), TEST_JOBS);
    expect(runs.get(id)).toBeUndefined();
    await runDueJobs(other, new Date(t0.getTime() + 60_000), TEST_JOBS);
    expect(runs.get(id)).toBe(1);
    const [row] = await h.deps.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ outcome: 'done', attempts: 2, lockedBy: 'live-worker' });
    // The dead worker waking up cannot complete what it no longer holds.
    expect(await complete(h.deps.db, { id }, 'dead-worker', t0, 'late')).toBe(false);
  });

  it('several workers draining one queue run every job exactly once', async () => {
    failUntil = 0;
    const t0 = new Date('2026-03-02T08:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await enqueue(h.deps.db, { kind: 'test.many', payload: { i }, runAt: t0 }));
    await Promise.all([1, 2, 3, 4].map((w) => drainDueJobs(jobDeps(h, 'outbox', `w${w}`), t0, TEST_JOBS)));
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
    const rows = await h.deps.db.select().from(jobs).where(inArray(jobs.id, ids));
    expect(rows.every((r) => r.outcome === 'done')).toBe(true);
  });

  it('runs a job only under its exact kind: a kind prefix or an unknown kind fails loudly, never a guessed handler', async () => {
    const t0 = new Date('2026-03-02T09:00:00Z');
    const ids = [
      await enqueue(h.deps.db, { kind: 'test', payload: {}, runAt: t0, maxAttempts: 1 }),
      await enqueue(h.deps.db, { kind: 'test.many.extra', payload: {}, runAt: t0, maxAttempts: 1 }),
      await enqueue(h.deps.db, { kind: 'toString', payload: {}, runAt: t0, maxAttempts: 1 }),
    ];
    const summary = await runDueJobs(jobDeps(h, 'outbox'), t0, TEST_JOBS);
    expect(summary).toEqual({ claimed: 3, failed: 3 });
    const rows = await h.deps.db.select().from(jobs).where(inArray(jobs.id, ids));
    expect(rows.map((r) => [r.kind, r.outcome, r.lastError]).sort()).toEqual([
      ['test', 'failed', 'no handler for job kind "test"'],
      ['test.many.extra', 'failed', 'no handler for job kind "test.many.extra"'],
      ['toString', 'failed', 'no handler for job kind "toString"'],
    ]);
    expect(ids.map((id) => runs.get(id))).toEqual([undefined, undefined, undefined]);
  });

  it('several workers sending mail through the outbox: each message exactly once', async () => {
    h.clock.set('2026-03-02T06:00:00Z');
    const made: Array<Awaited<ReturnType<typeof book>>> = [];
    for (let i = 0; i < 5; i++) made.push(await book(h, { day: '2026-03-17', index: i * 3, email: `w${i}@example.com` }));
    await Promise.all([1, 2, 3].map((w) => drainDueJobs(jobDeps(h, 'outbox', `mail-w${w}`), h.clock.now())));
    const box = await h.deps.db.select().from(outbox);
    // Each booking: the visitor's confirmation and the staff notice (the demo seeds an owner address).
    const confirmations = box.filter((m) => m.messageId.startsWith('<booking_confirmed.') && made.some((b) => m.messageId.includes(b.booking.id)));
    expect(confirmations).toHaveLength(5);
    expect(box.filter((m) => m.messageId.startsWith('<staff_new_booking.'))).toHaveLength(5);
    const dupes = await queryRows<{ n: number }>(h.deps.db, sql`SELECT count(*)::int AS n FROM outbox GROUP BY message_id HAVING count(*) > 1`);
    expect(dupes).toHaveLength(0);
    expect((await h.deps.db.select().from(sentMessages)).length).toBe(box.length);
  });

  it('deleting a booking deletes its jobs (no job without its booking)', async () => {
    const made = await book(h, { day: '2026-03-18', email: 'del@example.com' });
    expect((await h.deps.db.select().from(jobs).where(eq(jobs.bookingId, made.booking.id))).length).toBeGreaterThan(0);
    await h.deps.db.execute(sql`DELETE FROM bookings WHERE id = ${made.booking.id}`);
    expect(await h.deps.db.select().from(jobs).where(eq(jobs.bookingId, made.booking.id))).toHaveLength(0);
  });
});
