/**
 * The answer to a client's SMS reply (services/channels/sms-inbound.ts queues it with the inbound
 * record), sent through the SMS provider. A provider outage is retried with the job queue's
 * backoff instead of losing the answer; the `sent_messages` record (subject = the inbound message)
 * and the job's completion commit together after the provider accepted, so a retry after a
 * success sends nothing (at least once only for a crash between the two, as every provider send).
 */
import { and, eq } from 'drizzle-orm';
import { sentMessages } from '../adapters/db/schema.js';
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import type { SmsReplyPayload } from '../services/channels/sms-inbound.js';
import type { JobDeps } from './deps.js';

export async function sendSmsReply(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const p = job.payload as unknown as SmsReplyPayload;
  const key = { subjectId: `sms_inbound:${p.provider}:${p.messageId}`, kind: 'sms:reply', version: 0 };
  const sms = deps.channels?.sms;
  if (!sms) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:no_sms'));
  const already = await deps.db.select({ id: sentMessages.messageId }).from(sentMessages)
    .where(and(eq(sentMessages.subjectId, key.subjectId), eq(sentMessages.kind, key.kind), eq(sentMessages.version, key.version)));
  if (already.length > 0) return void (await complete(deps.db, job, deps.workerId, now, 'duplicate'));
  // A refusal or an outage throws: the job queue retries with backoff.
  const sent = await sms.send(p.to, p.text);
  await deps.db.transaction(async (tx) => {
    const fresh = await tx.insert(sentMessages).values({ ...key, messageId: sent.id, recipient: p.to, sentAt: now }).onConflictDoNothing().returning();
    await complete(tx, job, deps.workerId, now, fresh.length > 0 ? 'sent' : 'duplicate');
  });
}
