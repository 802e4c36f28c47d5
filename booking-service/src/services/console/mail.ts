/**
 * Mail the console sends (password reset, invitations, inbox replies, SLA escalations): a
 * durable `console.mail` job written in the caller's transaction, sent once by the job worker.
 *
 * Idempotency follows services/notifications/send-mail.ts: a sent_messages row keyed by the
 * caller's dedupeKey commits together with the job's completion, so a retry never sends twice
 * (with SMTP: at least once, same Message-ID). Enqueuing the same dedupeKey twice sends once.
 * The body (which may hold a one-time link) is dropped from the job row once sent.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { jobs, sentMessages } from '../../adapters/db/schema.js';
import type { OutgoingMail } from '../../adapters/mail/transport.js';
import { esc, layout } from '../../domain/messages/html.js';
import type { JobDeps } from '../../jobs/deps.js';
import { complete, enqueue, type JobRow, type Tx } from '../../jobs/queue.js';

export const CONSOLE_MAIL_JOB = 'console.mail';
const SENT_KIND = 'console_mail';

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
export async function enqueueConsoleMail(db: Db | Tx, m: ConsoleMail, now: Date): Promise<void> {
  await enqueue(db, {
    kind: CONSOLE_MAIL_JOB,
    payload: { to: m.to, subject: m.subject, text: m.text, ...(m.html !== undefined ? { html: m.html } : {}), dedupeKey: m.dedupeKey },
    runAt: now,
  });
}

function domainOf(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'frontdesk.local';
}

function htmlOf(text: string, subject: string): string {
  return layout('en', subject, `<p style="white-space:pre-wrap">${esc(text)}</p>`, 'Frontdesk');
}

/** `console.*` jobs. */
export async function handleConsoleJob(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  if (job.kind !== CONSOLE_MAIL_JOB) throw new Error(`no handler for job kind "${job.kind}"`);
  const p = job.payload as Partial<ConsoleMail>;
  if (typeof p.to !== 'string' || typeof p.subject !== 'string' || typeof p.text !== 'string' || typeof p.dedupeKey !== 'string') {
    await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload');
    return;
  }
  // Keys can be long or carry ids; the Message-ID and record use a digest of it.
  const subjectId = createHash('sha256').update(p.dedupeKey).digest('hex').slice(0, 40);
  const key = { subjectId, kind: SENT_KIND, version: 0 };
  const already = await deps.db
    .select({ id: sentMessages.messageId })
    .from(sentMessages)
    .where(and(eq(sentMessages.subjectId, subjectId), eq(sentMessages.kind, SENT_KIND), eq(sentMessages.version, 0)));
  if (already.length > 0) {
    await complete(deps.db, job, deps.workerId, now, 'duplicate');
    return;
  }
  const mail: OutgoingMail = {
    messageId: `<console.${subjectId}@${domainOf(deps.mailFrom)}>`,
    from: deps.mailFrom,
    to: p.to,
    subject: p.subject,
    text: p.text,
    html: typeof p.html === 'string' ? p.html : htmlOf(p.text, p.subject),
  };
  const record = { ...key, messageId: mail.messageId, recipient: mail.to, sentAt: now };
  const scrub = (tx: Tx) => tx.update(jobs).set({ payload: { to: p.to, subject: p.subject, dedupeKey: p.dedupeKey } }).where(eq(jobs.id, job.id));

  if (deps.transport.transactional) {
    await deps.db.transaction(async (tx) => {
      const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
      if (fresh.length > 0) await deps.transport.send(mail, tx);
      // Lost the lease to another worker: roll back; the holder of the lease finishes the job.
      if (!(await complete(tx, job, deps.workerId, now, fresh.length > 0 ? 'sent' : 'duplicate'))) tx.rollback();
      await scrub(tx);
    });
    return;
  }
  await deps.transport.send(mail, deps.db);
  await deps.db.transaction(async (tx) => {
    const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
    // The message is out either way: finish the job even if the lease lapsed meanwhile.
    await complete(tx, job, deps.workerId, now, fresh.length > 0 ? 'sent' : 'duplicate');
    await scrub(tx);
  });
}
