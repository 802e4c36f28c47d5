/**
 * The `console.mail` job (enqueued by services/console/mail.ts): one message per dedupeKey,
 * ever (send-once.ts). The body may hold a one-time link (reset, invitation), so it is dropped
 * from the job row in the transaction that records the send.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '@frontdesk/shared';
import { complete, replacePayload, type JobRow } from '../adapters/job-queue/queue.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import { layout } from '../domain/messages/html.js';
import type { ConsoleMail } from '../services/console/mail.js';
import type { JobDeps } from './deps.js';
import { mailDomainOf, sendOnce } from './send-once.js';

const SENT_KIND = 'console_mail';

function htmlOf(text: string, subject: string): string {
  return layout('en', subject, `<p style="white-space:pre-wrap">${escapeHtml(text)}</p>`, 'Frontdesk');
}

export async function sendConsoleMail(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const p = job.payload as Partial<ConsoleMail>;
  if (typeof p.to !== 'string' || typeof p.subject !== 'string' || typeof p.text !== 'string' || typeof p.dedupeKey !== 'string') {
    await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload');
    return;
  }
  // Keys can be long or carry ids; the Message-ID and record use a digest of it.
  const subjectId = createHash('sha256').update(p.dedupeKey).digest('hex').slice(0, 40);
  const mail: OutgoingMail = {
    messageId: `<console.${subjectId}@${mailDomainOf(deps.mailFrom)}>`,
    from: deps.mailFrom,
    to: p.to,
    subject: p.subject,
    text: p.text,
    html: typeof p.html === 'string' ? p.html : htmlOf(p.text, p.subject),
  };
  const scrubbed = { to: p.to, subject: p.subject, dedupeKey: p.dedupeKey };
  await sendOnce(deps, job, now, { subjectId, kind: SENT_KIND, version: 0 }, mail, (tx) => replacePayload(tx, job, scrubbed));
}
