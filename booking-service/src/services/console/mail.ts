/**
 * Mail the console sends (password reset, invitations, inbox replies, SLA escalations): a
 * durable `console.mail` job written in the caller's transaction, sent once by the job worker.
 *
 * The job (jobs/console-mail.ts) sends once per dedupeKey (jobs/send-once.ts), so enqueuing the
 * same dedupeKey twice sends once. The body (which may hold a one-time link) is dropped from the
 * job row once sent.
 */
import type { Queryable } from '../../adapters/db/client.js';
import { enqueue } from '../../adapters/job-queue/queue.js';

export const CONSOLE_MAIL_JOB = 'console.mail';

export interface ConsoleMail {
  to: string;
  subject: string;
  text: string;
  /** Defaults to the text, escaped, in the standard layout. */
  html?: string;
  /** What the message is about, e.g. `reset:<tokenHash>`: one message per key, ever. */
  dedupeKey: string;
}

/** @example await enqueueConsoleMail(tx, { to, subject, text, dedupeKey: `reply:${replyId}` }, now) */
export async function enqueueConsoleMail(db: Queryable, m: ConsoleMail, now: Date): Promise<void> {
  await enqueue(db, {
    kind: CONSOLE_MAIL_JOB,
    payload: { to: m.to, subject: m.subject, text: m.text, ...(m.html !== undefined ? { html: m.html } : {}), dedupeKey: m.dedupeKey },
    runAt: now,
  });
}
