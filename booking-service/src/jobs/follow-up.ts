/**
 * `followup.send` (services/follow-ups/schedule.ts plans them): one follow-up, checked against the
 * lead as it is when the job runs (services/follow-ups/deliver.ts). On the widget it goes by
 * e-mail through sendOnce and into the transcript in the same transaction; on a messenger it is
 * appended to the transcript and delivered to the chat through the one outbound cursor.
 */
import { complete, retryAt, type JobRow } from '../adapters/job-queue/queue.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import { markSent, markSkipped, planSend } from '../services/follow-ups/deliver.js';
import { appendMessages } from '../services/conversation/transcript.js';
import { fromBusiness } from './conversation-reply-mail.js';
import type { JobDeps } from './deps.js';
import { mailDomainOf, sendOnce } from './send-once.js';

export async function sendFollowUp(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const id = (job.payload as { followUpId?: unknown }).followUpId;
  if (typeof id !== 'string') return void (await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload'));
  const plan = await planSend(deps, id, now);
  if (!plan.go) {
    const d = plan.decision;
    if ('later' in d) return retryAt(deps.db, job, deps.workerId, new Date(d.later), 'quiet hours');
    await deps.db.transaction(async (tx) => {
      await markSkipped(tx, id, d.skip);
      await complete(tx, job, deps.workerId, now, `skipped:${d.skip}`);
    });
    return;
  }
  const c = plan.conversation;
  const append = (tx: Parameters<typeof appendMessages>[0]) => appendMessages(tx, c.id, c.businessId, [{ from: 'bot', text: plan.text }], now);

  if (!plan.mail) {
    const seq = await deps.db.transaction(async (tx) => {
      // Lost to a cancel (the visitor wrote just now) or to another worker: nothing is written.
      if (!(await markSent(tx, id, c.channel, now))) {
        await complete(tx, job, deps.workerId, now, 'skipped:not_scheduled');
        return null;
      }
      const [m] = await append(tx);
      if (!(await complete(tx, job, deps.workerId, now, 'sent'))) tx.rollback();
      return m!.seq;
    });
    if (seq !== null) await afterCommit(deps, c.businessId, c.id, seq);
    return;
  }

  const m = plan.mail;
  const mail: OutgoingMail = {
    messageId: `<followup.${id}@${mailDomainOf(deps.mailFrom)}>`,
    from: fromBusiness(deps.mailFrom, m.businessName),
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
  };
  let seq: number | null = null;
  await sendOnce(deps, job, now, { subjectId: id, kind: 'follow_up', version: 0 }, mail, async (tx) => {
    if (!(await markSent(tx, id, 'email', now))) {
      // Cancelled between the check and now: with the outbox nothing has left yet — undo it all.
      if (deps.transport.transactional) tx.rollback();
      return;
    }
    seq = (await append(tx))[0]!.seq;
  });
  if (seq !== null) await afterCommit(deps, c.businessId, c.id, seq);
}

async function afterCommit(deps: JobDeps, businessId: string, conversationId: string, seq: number): Promise<void> {
  await deps.bus?.publish({ businessId, conversationId, seq, kind: 'messages' });
  await deps.outbound?.deliver({ businessId, conversationId });
}
