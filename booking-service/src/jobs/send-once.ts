/**
 * Sends one mail for a job exactly once, as far as SMTP allows — the rule every mail job follows:
 * - the idempotency record (subject, kind, version) and the job's completion commit in one
 *   transaction; a retry that finds the record sends nothing;
 * - with the outbox transport the mail itself is written in that same transaction: exactly once;
 * - with SMTP the message is sent first and recorded right after the server's 250. A crash in
 *   that gap (milliseconds) means the retry sends it again — at-least-once — but with the same
 *   Message-ID, which mail clients and Gmail use to collapse duplicates. Recording before
 *   sending would turn that into at-most-once (a lost message), which is worse here.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../adapters/db/client.js';
import { sentMessages } from '../adapters/db/schema.js';
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import type { JobDeps } from './deps.js';

/** What a message is about: one message per key, ever. */
export interface SentKey {
  subjectId: string;
  kind: string;
  version: number;
}

/**
 * `alsoInTx` runs in the transaction that records the send and completes the job (e.g. to drop
 * a one-time link from the job's payload).
 */
export async function sendOnce(
  deps: JobDeps,
  job: JobRow,
  now: Date,
  key: SentKey,
  mail: OutgoingMail,
  alsoInTx?: (tx: Tx) => Promise<void>,
): Promise<void> {
  const { workerId } = deps;
  const already = await deps.db
    .select({ id: sentMessages.messageId })
    .from(sentMessages)
    .where(and(eq(sentMessages.subjectId, key.subjectId), eq(sentMessages.kind, key.kind), eq(sentMessages.version, key.version)));
  if (already.length > 0) {
    await complete(deps.db, job, workerId, now, 'duplicate');
    return;
  }
  const record = { ...key, messageId: mail.messageId, recipient: mail.to, sentAt: now };

  if (deps.transport.transactional) {
    await deps.db.transaction(async (tx) => {
      const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
      if (fresh.length > 0) await deps.transport.send(mail, tx);
      // Lost the lease to another worker: roll back; the holder of the lease finishes the job.
      if (!(await complete(tx, job, workerId, now, fresh.length > 0 ? 'sent' : 'duplicate'))) tx.rollback();
      await alsoInTx?.(tx);
    });
    return;
  }
  await deps.transport.send(mail, deps.db);
  await deps.db.transaction(async (tx) => {
    const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
    // The message is out either way: finish the job even if the lease lapsed meanwhile.
    await complete(tx, job, workerId, now, fresh.length > 0 ? 'sent' : 'duplicate');
    await alsoInTx?.(tx);
  });
}

/** The domain of a `Name <address>` sender, for Message-IDs. */
export function mailDomainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'frontdesk.local';
}
