/**
 * Issue 12, defect 7: duplicate mail when a send outlives the job's lease. Two workers share one
 * database; the SMTP send (an injected transport the test holds open) takes longer than the
 * lease, on an injected clock. Before: the second worker claimed the job when the lease lapsed
 * and sent the message again. Now the sender keeps its lease alive while sending, and a worker
 * that takes over a job whose earlier attempt reached the SMTP server waits for that attempt's
 * record, then resends only with the same Message-ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { jobs, sentMessages } from '../src/adapters/db/schema.js';
import type { MailTransport, OutgoingMail } from '../src/adapters/mail/transport.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { drainDueJobs, runDueJobs } from '../src/jobs/run-due-jobs.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps } from './support/jobs.js';
import { until } from './support/until.js';

const LEASE = 60_000;

/** A transport whose first send waits until the test opens the gate; later ones go at once. */
function slowTransport() {
  const sent: OutgoingMail[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const state = { started: 0 };
  const transport: MailTransport = {
    name: 'smtp',
    transactional: false,
    async send(m) {
      if (state.started++ === 0) await gate;
      sent.push(m);
    },
  };
  return { transport, sent, state, open: () => open() };
}

/** Each Message-ID → how many times it went out. */
const counts = (sent: OutgoingMail[]) => sent.reduce((m, x) => m.set(x.messageId, (m.get(x.messageId) ?? 0) + 1), new Map<string, number>());

describe.each(dbKinds)('defect 7: two workers and a send that outlives the lease (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    // Older jobs of the seed out of the way: only the booking's mail is due in each test.
    await drainDueJobs(jobDeps(h, 'outbox'), h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const workers = (transport: MailTransport, a: Partial<JobDeps> = {}) => ({
    a: { ...jobDeps(h, transport, 'worker-a'), leaseMs: LEASE, heartbeatMs: 10, ...a },
    b: { ...jobDeps(h, transport, 'worker-b'), leaseMs: LEASE, heartbeatMs: 10 },
  });

  it('the sender keeps its lease while the send is slow: the second worker takes nothing, each message goes out once', async () => {
    const done = await book(h, { day: '2026-03-04', email: 'slow@example.com', lang: 'en', name: 'Slow' });
    const slow = slowTransport();
    const { a, b } = workers(slow.transport);
    const first = runDueJobs(a, h.clock.now());
    await until('worker A to start sending', () => slow.state.started === 1);
    // Two leases pass while the SMTP server takes its time; the heartbeat (on the injected
    // clock) moves the lease of the job being sent past the clock.
    h.clock.advance(2 * LEASE + 1_000);
    const sending = async () =>
      (await h.deps.db.select().from(jobs).where(and(eq(jobs.bookingId, done.booking.id), eq(jobs.lockedBy, 'worker-a'), isNull(jobs.doneAt)))).some(
        (j) => j.lockedUntil !== null && j.lockedUntil > h.clock.now(),
      );
    await until('the heartbeat to extend the lease', sending);
    await drainDueJobs(b, h.clock.now());
    slow.open();
    await first;
    h.clock.advance(2 * LEASE);
    await drainDueJobs(b, h.clock.now());
    await drainDueJobs(a, h.clock.now());

    const mine = slow.sent.filter((m) => m.messageId.includes(done.booking.id));
    expect(mine.length).toBeGreaterThan(0);
    expect([...counts(mine).values()].every((n) => n === 1)).toBe(true);
    const records = await h.deps.db.select().from(sentMessages).where(eq(sentMessages.subjectId, done.booking.id));
    expect(records.map((r) => r.messageId).sort()).toEqual([...counts(mine).keys()].sort());
    const open = await h.deps.db.select().from(jobs).where(and(eq(jobs.bookingId, done.booking.id), isNull(jobs.doneAt)));
    expect(open.filter((j) => j.kind.startsWith('mail') && j.runAt <= h.clock.now())).toEqual([]);
  });

  it('a database outage longer than the lease: the other worker waits for the sender\'s record instead of sending again', async () => {
    const done = await book(h, { day: '2026-03-05', email: 'outage-race@example.com', lang: 'en', name: 'Outage' });
    const sent: OutgoingMail[] = [];
    let outage = false;
    let tripped = false;
    // The SMTP server says 250, and at that moment worker A loses the database.
    const transport: MailTransport = {
      name: 'smtp',
      transactional: false,
      send: async (m) => {
        sent.push(m);
        if (m.messageId.includes(done.booking.id) && !tripped) tripped = outage = true;
      },
    };
    const real = h.deps.db;
    const cutOff = new Proxy(real, {
      get(target, prop) {
        if (prop === 'transaction' && outage)
          return () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
      },
    });
    // A's heartbeat cannot reach the database either during the outage: it does not beat.
    const { a, b } = workers(transport, { db: cutOff, heartbeatMs: 3_600_000 });
    const first = runDueJobs(a, h.clock.now());
    await until('the SMTP accept and the outage', () => outage);
    // The outage outlasts the lease. The database comes back for B first: B claims the job.
    h.clock.advance(LEASE + 1_000);
    await runDueJobs(b, h.clock.now());
    const messageId = sent.find((m) => m.messageId.includes(done.booking.id))!.messageId;
    expect(sent.filter((m) => m.messageId === messageId)).toHaveLength(1);
    // Then A gets through and records its send.
    outage = false;
    await first;
    h.clock.advance(2 * LEASE);
    await drainDueJobs(b, h.clock.now());
    await drainDueJobs({ ...a, db: real }, h.clock.now());

    const mine = sent.filter((m) => m.messageId.includes(done.booking.id));
    expect([...counts(mine).values()].every((n) => n === 1)).toBe(true);
    expect(counts(mine).get(messageId)).toBe(1);
    const open = await real.select().from(jobs).where(and(eq(jobs.bookingId, done.booking.id), isNull(jobs.doneAt)));
    expect(open.filter((j) => j.kind.startsWith('mail') && j.runAt <= h.clock.now())).toEqual([]);
  });

  it('the sender dies after the 250, before its record: one lease later the message goes again with the same Message-ID', async () => {
    const done = await book(h, { day: '2026-03-06', email: 'crash-race@example.com', lang: 'en', name: 'Crash' });
    const sent: OutgoingMail[] = [];
    let dead = false;
    const transport: MailTransport = {
      name: 'smtp',
      transactional: false,
      send: async (m) => {
        sent.push(m);
        if (!dead && m.messageId.includes(done.booking.id)) dead = true;
      },
    };
    // After the 250 worker A never reaches the database again (as if killed).
    const real = h.deps.db;
    const silent = new Proxy(real, {
      get(target, prop) {
        if (dead && (prop === 'transaction' || prop === 'update' || prop === 'select' || prop === 'insert')) return () => new Promise(() => {});
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
      },
    });
    const { a, b } = workers(transport, { db: silent });
    void runDueJobs(a, h.clock.now());
    await until('the first send', () => dead);
    const messageId = sent.find((m) => m.messageId.includes(done.booking.id))!.messageId;

    h.clock.advance(LEASE + 1_000);
    await runDueJobs(b, h.clock.now());
    // B took the job over and waits one lease for A's record: nothing sent yet.
    expect(sent.filter((m) => m.messageId === messageId)).toHaveLength(1);
    h.clock.advance(LEASE + 1_000);
    await drainDueJobs(b, h.clock.now());
    // A is gone: B sends it again — the remaining at-least-once window, with the same Message-ID.
    expect(sent.filter((m) => m.messageId === messageId)).toHaveLength(2);
    const records = await real.select().from(sentMessages).where(eq(sentMessages.messageId, messageId));
    expect(records).toHaveLength(1);
  });
});
