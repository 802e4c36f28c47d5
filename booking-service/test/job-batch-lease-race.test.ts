/**
 * Issue 12, defect 7, the runner's side: a batch claimed on one lease. The runner claims up to
 * 20 due jobs at once and runs them one after another; the lease heartbeat covered only the job
 * being sent. While the first (a slow SMTP send) ran, the others' leases lapsed, a second process
 * claimed them and sent them, and then the first process sent them again. Two runners on one
 * database, on an injected clock: now each waiting job keeps its lease, and a runner re-checks
 * that a job is still its own (same claim) before running it, so each job runs once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { jobs } from '../src/adapters/db/schema.js';
import { complete, enqueue } from '../src/adapters/job-queue/queue.js';
import type { MailTransport, OutgoingMail } from '../src/adapters/mail/transport.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { JOB_HANDLERS, type JobTable } from '../src/jobs/registry.js';
import { drainDueJobs, runDueJobs } from '../src/jobs/run-due-jobs.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps } from './support/jobs.js';
import { until } from './support/until.js';

const LEASE = 60_000;

describe.each(dbKinds)('defect 7: jobs waiting in a claimed batch behind a slow send are not sent again by a second runner (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind, { seed: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  /**
   * A slow console mail first in the batch (its transport waits for the gate), then three
   * notices — a handler that sends, then completes its job, as webhook and messenger jobs do.
   */
  async function scenario(tag: string) {
    const sent: OutgoingMail[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let started = 0;
    const transport: MailTransport = {
      name: 'smtp',
      transactional: false,
      async send(m) {
        if (started++ === 0) await gate;
        sent.push(m);
      },
    };
    const notices: { n: number; worker: string }[] = [];
    const handlers: JobTable = {
      ...JOB_HANDLERS,
      'race.notice': async (d, job, now) => {
        // Only this scenario's notices (a failed scenario may leave its jobs behind).
        if (job.payload.tag === tag) notices.push({ n: Number(job.payload.n), worker: d.workerId });
        await complete(d.db, job, d.workerId, now, 'sent');
      },
    };
    const now = h.clock.now().getTime();
    const ids = [
      await enqueue(h.deps.db, {
        kind: 'console.mail',
        runAt: new Date(now - 2_000),
        payload: { to: `${tag}@example.com`, subject: `Slow ${tag}`, text: 'Hello.', dedupeKey: `batch-${tag}` },
      }),
    ];
    for (const n of [1, 2, 3]) ids.push(await enqueue(h.deps.db, { kind: 'race.notice', runAt: new Date(now - 1_000), payload: { tag, n } }));
    return { slow: transport, sent, notices, handlers, ids, open: () => open(), started: () => started };
  }

  const runner = (transport: MailTransport, workerId: string, heartbeatMs: number): JobDeps => ({ ...jobDeps(h, transport, workerId), leaseMs: LEASE, heartbeatMs });
  const transportOf = (s: { sent: OutgoingMail[] }): MailTransport => ({ name: 'smtp', transactional: false, send: async (m) => void s.sent.push(m) });

  it('the waiting jobs keep their lease: the second runner finds nothing to take, each job runs once', async () => {
    const s = await scenario('beat');
    const a = runner(s.slow, 'runner-a', 10);
    const first = runDueJobs(a, h.clock.now(), s.handlers);
    await until('runner A to start the slow send', () => s.started() === 1);
    // Two leases pass while the SMTP server takes its time.
    h.clock.advance(2 * LEASE + 1_000);
    const leased = async () => {
      const rows = await h.deps.db.select().from(jobs).where(and(inArray(jobs.id, s.ids), eq(jobs.lockedBy, 'runner-a'), isNull(jobs.doneAt)));
      return rows.length === s.ids.length && rows.every((j) => j.lockedUntil !== null && j.lockedUntil > h.clock.now());
    };
    await until("the heartbeat to extend every claimed job's lease past the clock", leased);
    const b = runner(transportOf(s), 'runner-b', 10);
    await drainDueJobs(b, h.clock.now(), s.handlers);
    expect(s.notices).toEqual([]);
    s.open();
    await first;
    h.clock.advance(2 * LEASE);
    await drainDueJobs(b, h.clock.now(), s.handlers);
    await drainDueJobs(a, h.clock.now(), s.handlers);

    expect(s.notices.sort((x, y) => x.n - y.n)).toEqual([1, 2, 3].map((n) => ({ n, worker: 'runner-a' })));
    expect(s.sent).toHaveLength(1);
    const open = await h.deps.db.select().from(jobs).where(and(inArray(jobs.id, s.ids), isNull(jobs.doneAt)));
    expect(open).toEqual([]);
  });

  it('a heartbeat that never came (a database too busy to beat): the first runner re-checks each waiting job and leaves those the second took', async () => {
    const s = await scenario('silent');
    // No beat within the test: neither the sending job's nor the batch's lease moves.
    const a = runner(s.slow, 'runner-a', 3_600_000);
    const first = runDueJobs(a, h.clock.now(), s.handlers);
    await until('runner A to start the slow send', () => s.started() === 1);
    h.clock.advance(2 * LEASE + 1_000);
    // Runner B claims the lapsed batch: it sends the notices, and waits one lease for A's mail.
    const b = runner(transportOf(s), 'runner-b', 10);
    await drainDueJobs(b, h.clock.now(), s.handlers);
    expect(s.notices.map((x) => x.worker)).toEqual(['runner-b', 'runner-b', 'runner-b']);
    s.open();
    await first;
    h.clock.advance(2 * LEASE);
    await drainDueJobs(b, h.clock.now(), s.handlers);
    await drainDueJobs(a, h.clock.now(), s.handlers);

    // Before: A went on through its batch and sent 1, 2 and 3 a second time.
    expect(s.notices.sort((x, y) => x.n - y.n)).toEqual([1, 2, 3].map((n) => ({ n, worker: 'runner-b' })));
    expect(s.sent).toHaveLength(1);
    const open = await h.deps.db.select().from(jobs).where(and(inArray(jobs.id, s.ids), isNull(jobs.doneAt)));
    expect(open).toEqual([]);
  });
});
