/**
 * Sends one mail for a job exactly once, as far as SMTP allows — the rule every mail job follows:
 * - the idempotency record (subject, kind, version) and the job's completion commit in one
 *   transaction; a retry that finds the record sends nothing;
 * - with the outbox transport the mail itself is written in that same transaction: exactly once;
 * - with SMTP the message is sent first and recorded right after the server's 250; a database
 *   outage at that moment is waited out (the record is retried, untilRecorded). A crash in that
 *   gap (milliseconds, or the length of an outage) means the retry sends it again — at-least-once —
 *   but with the same Message-ID, which mail clients and Gmail use to collapse duplicates.
 *   Recording before sending would turn that into at-most-once (a lost message), worse here.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../adapters/db/client.js';
import { sentMessages } from '../adapters/db/schema.js';
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';
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
  // The server has it. From here only the record stands between this message and a second copy:
  // a database outage at this moment used to fail the job, which ran again when its lease ran out
  // (issue 12, defect 7: 3 of ~800 twice, 120 s apart). Keep retrying the record while the
  // database is unreachable, for up to RECORD_PATIENCE_LEASES leases; only a crash of this
  // process (or an outage longer than that) still lets the retry send it again — with the same
  // Message-ID, so clients fold the two.
  await untilRecorded(deps, () =>
    deps.db.transaction(async (tx) => {
      const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
      // The message is out either way: finish the job even if the lease lapsed meanwhile.
      await complete(tx, job, workerId, now, fresh.length > 0 ? 'sent' : 'duplicate');
      await alsoInTx?.(tx);
    }),
  );
}

/** How long (in leases) a sent message's record is retried through a database outage. */
export const RECORD_PATIENCE_LEASES = 10;
const RECORD_RETRY_MS = [50, 100, 250, 500, 1_000, 2_000];

async function untilRecorded(deps: Pick<JobDeps, 'leaseMs' | 'log'>, record: () => Promise<void>): Promise<void> {
  const t0 = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await record();
      if (attempt > 0) deps.log(`[mail] sent message recorded after ${attempt} retries (${Math.round(performance.now() - t0)} ms)`);
      return;
    } catch (err) {
      if (!isDatabaseUnavailable(err) || performance.now() - t0 > deps.leaseMs * RECORD_PATIENCE_LEASES) throw err;
      await new Promise((r) => setTimeout(r, RECORD_RETRY_MS[Math.min(attempt, RECORD_RETRY_MS.length - 1)]));
    }
  }
}

/** The domain of a `Name <address>` sender, for Message-IDs. */
export function mailDomainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'frontdesk.local';
}
