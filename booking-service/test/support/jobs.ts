/** Job-runner deps on top of a test harness, with the transport a test chooses. */
import { createOutboxTransport } from '../../src/adapters/mail/outbox.js';
import { createSmtpTransport } from '../../src/adapters/mail/smtp.js';
import type { MailTransport } from '../../src/adapters/mail/transport.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { drainDueJobs } from '../../src/jobs/run-due-jobs.js';
import type { Harness } from './harness.js';

export function jobDeps(h: Harness, transport: MailTransport | { smtpUrl: string } | 'outbox', workerId = 'test-worker'): JobDeps {
  const t =
    transport === 'outbox'
      ? createOutboxTransport(h.clock)
      : 'send' in transport
        ? transport
        : createSmtpTransport(transport.smtpUrl, { timeoutMs: 2_000 });
  return { ...h.deps, transport: t, mailFrom: 'Frontdesk <bookings@frontdesk.test>', workerId, leaseMs: 60_000, log: () => {} };
}

/** Everything due at the harness clock's current time. */
export const runNow = (d: JobDeps, h: Harness) => drainDueJobs(d, h.clock.now());
