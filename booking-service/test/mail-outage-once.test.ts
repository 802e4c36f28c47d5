/**
 * Issue 12, defect 7: duplicate mail after a database outage mid-send. The SMTP server accepted a
 * message, then the database was unreachable when the worker recorded it: the job failed, ran
 * again after its lease and sent the message a second time. Now the record is retried through
 * the outage: one message, one record, the job done — and nothing sent again after the lease.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jobs, sentMessages } from '../src/adapters/db/schema.js';
import type { MailTransport, OutgoingMail } from '../src/adapters/mail/transport.js';
import { book } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

describe('defect 7: a database outage right after the SMTP server accepted a message', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends once: the record is retried through the outage, the job completes, no resend after the lease', async () => {
    const sent: OutgoingMail[] = [];
    let outageLeft = 0;
    // The SMTP server's 250 arrives, and at that moment the database goes away for three tries.
    const transport: MailTransport = { name: 'smtp', transactional: false, send: async (m) => { sent.push(m); outageLeft = 3; } };
    const real = h.deps.db;
    const flaky = new Proxy(real, {
      get(target, prop) {
        if (prop === 'transaction' && outageLeft > 0) {
          return () => {
            outageLeft--;
            return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const done = await book(h, { day: '2026-03-04', email: 'outage@example.com', lang: 'en', name: 'Outage' });
    const deps = { ...jobDeps(h, transport), db: flaky };
    await runNow(deps, h);
    const mine = sent.filter((m) => m.to.includes('outage@example.com'));
    expect(mine).toHaveLength(1);
    expect(outageLeft).toBe(0); // the outage did happen, and was waited out
    const records = await real.select().from(sentMessages).where(eq(sentMessages.messageId, mine[0]!.messageId));
    expect(records).toHaveLength(1);
    // Long after the lease (where the old code ran the job again): nothing is sent twice.
    h.clock.advance(10 * 60_000);
    await runNow(deps, h);
    h.clock.advance(60 * 60_000);
    await runNow(deps, h);
    expect(sent.filter((m) => m.messageId === mine[0]!.messageId)).toHaveLength(1);
    const open = await real.select().from(jobs).where(eq(jobs.bookingId, done.booking.id));
    expect(open.filter((j) => j.kind.startsWith('mail') && j.doneAt === null && j.runAt <= h.clock.now())).toEqual([]);
  });
});
