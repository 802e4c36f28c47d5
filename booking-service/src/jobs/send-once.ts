/**
 * Sends one mail for a job exactly once, as far as SMTP allows — the rule every mail job follows:
 * - the idempotency record (subject, kind, version) and the job's completion commit in one
 *   transaction; a retry that finds the record sends nothing;
 * - with the outbox transport the mail itself is written in that same transaction: exactly once;
 * - with SMTP the message is sent first and recorded right after the server's 250. Recording
 *   before sending would turn a crash into a lost message (at-most-once), worse here. What keeps
 *   a second copy from going out (issue 12, defect 7: 3 of ~800 twice, 120 s apart):
 *   1. the send intent — the Message-ID and the attempt — is written to the job before the
 *      send, so a later attempt knows an earlier one reached the SMTP server;
 *   2. the lease is kept alive while sending and recording (keep-lease.ts), so a slow send is
 *      not claimed by a second worker;
 *   3. the record is retried through a database outage (untilRecorded);
 *   4. a later attempt that finds an earlier attempt's intent still "sending" reconciles: it
 *      first gives that sender one lease to record (it may be waiting out an outage, its
 *      heartbeat unable to reach the database), and only then sends — with the intent's
 *      Message-ID, so the receiver and mail clients fold the two if both went out.
 *   What remains is a crash of the sending process between the 250 and the record's commit
 *   (measured in BENCHMARKS.md, "Mail: the duplicate window"): then the message goes out a
 *   second time with the same Message-ID. SMTP offers no way to ask a server what it accepted.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../adapters/db/client.js';
import { sentMessages } from '../adapters/db/schema.js';
import { complete, replacePayloadWhileHeld, retryAt, type JobRow } from '../adapters/job-queue/queue.js';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import type { JobDeps } from './deps.js';
import { keepLease } from './keep-lease.js';

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
  if (deps.transport.transactional) {
    const record = { ...key, messageId: mail.messageId, recipient: mail.to, sentAt: now };
    await deps.db.transaction(async (tx) => {
      const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
      if (fresh.length > 0) await deps.transport.send(mail, tx);
      // Lost the lease to another worker: roll back; the holder of the lease finishes the job.
      if (!(await complete(tx, job, workerId, now, fresh.length > 0 ? 'sent' : 'duplicate'))) tx.rollback();
      await alsoInTx?.(tx);
    });
    return;
  }
  // Reconcile an earlier attempt that reached the SMTP server and was not heard of again.
  const prior = sendIntentOf(job.payload);
  const sameKey = prior !== null && prior.kind === key.kind && prior.subjectId === key.subjectId && prior.version === key.version;
  if (prior?.state === 'sending' && prior.attempt < job.attempts && !prior.waited) {
    deps.log(`[mail] ${job.id}: attempt ${prior.attempt} (${prior.worker}) sent ${prior.messageId} and was not heard of again; waiting one lease for its record`);
    const waited = { ...job.payload, [INTENT]: { ...prior, waited: true } };
    if (await replacePayloadWhileHeld(deps.db, job, workerId, waited))
      await retryAt(deps.db, job, workerId, new Date(now.getTime() + deps.leaseMs), `reconciling ${prior.messageId}`);
    return;
  }
  // A resend carries the Message-ID the first attempt used (even if MAIL_FROM changed since).
  const messageId = sameKey ? prior.messageId : mail.messageId;
  const intent: SendIntent = { ...key, messageId, attempt: job.attempts, worker: workerId, state: 'sending' };
  // Lost the lease before sending: the worker that holds it sends.
  if (!(await replacePayloadWhileHeld(deps.db, job, workerId, { ...job.payload, [INTENT]: intent }))) return;
  const lease = keepLease(deps, job);
  try {
    try {
      await deps.transport.send({ ...mail, messageId }, deps.db);
    } catch (err) {
      // Not in flight any more: a later attempt need not wait for this one.
      await replacePayloadWhileHeld(deps.db, job, workerId, { ...job.payload, [INTENT]: { ...intent, state: 'failed' } }).catch(() => false);
      throw err;
    }
    // The server has it. From here only the record stands between this message and a second
    // copy: keep retrying it while the database is unreachable, for up to RECORD_PATIENCE_LEASES
    // leases (a later attempt meanwhile waits for it, see above).
    const record = { ...key, messageId, recipient: mail.to, sentAt: now };
    await untilRecorded(deps, () =>
      deps.db.transaction(async (tx) => {
        const fresh = await tx.insert(sentMessages).values(record).onConflictDoNothing().returning({ id: sentMessages.messageId });
        // The message is out either way: finish the job even if the lease lapsed meanwhile.
        await complete(tx, job, workerId, now, fresh.length > 0 ? 'sent' : 'duplicate');
        await alsoInTx?.(tx);
      }),
    );
  } finally {
    await lease.stop();
  }
}

/** Where in a job's payload the send intent is kept. */
const INTENT = 'sendIntent';

/** What an attempt is about to send, written to its job before the SMTP conversation starts. */
export interface SendIntent extends SentKey {
  messageId: string;
  /** The job's attempt number (counted at claim) that wrote it. */
  attempt: number;
  worker: string;
  /** `failed` = the transport refused; nothing in flight. */
  state: 'sending' | 'failed';
  /** A later attempt already waited one lease for this one's record. */
  waited?: boolean;
}

export function sendIntentOf(payload: Record<string, unknown>): SendIntent | null {
  const v = payload[INTENT] as Partial<SendIntent> | undefined;
  if (!v || typeof v.messageId !== 'string' || typeof v.attempt !== 'number' || typeof v.subjectId !== 'string' || typeof v.kind !== 'string' || typeof v.version !== 'number')
    return null;
  return { subjectId: v.subjectId, kind: v.kind, version: v.version, messageId: v.messageId, attempt: v.attempt, worker: String(v.worker), state: v.state === 'failed' ? 'failed' : 'sending', ...(v.waited ? { waited: true } : {}) };
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
