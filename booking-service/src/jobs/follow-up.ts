/**
 * `followup.send` (services/follow-ups/schedule.ts plans them): one follow-up, checked against the
 * lead as it is when the job runs (services/follow-ups/deliver.ts). On the widget it goes by
 * e-mail through sendOnce and into the transcript in the same transaction; on a messenger it is
 * appended to the transcript and delivered to the chat through the one outbound cursor; a
 * phone-only widget lead gets it by SMS (the channels runtime's provider) and in the transcript.
 */
import { and, eq } from 'drizzle-orm';
import { sentMessages } from '../adapters/db/schema.js';
import { complete, retryAt, type JobRow } from '../adapters/job-queue/queue.js';
import { SmsError } from '../ports/sms.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import { markSent, markSkipped, planSend, type SendPlan } from '../services/follow-ups/deliver.js';
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
  if (plan.sms) return sendBySms(deps, job, plan, plan.sms, id, now);
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

/** The key of a follow-up's SMS in `sent_messages` (not `sms:…`: an SMS reply "1"/"2" answers bookings only). */
const SMS_KIND = 'followup_sms';

/**
 * The SMS of a phone-only lead. Sent once: the provider is called only when no earlier attempt
 * recorded it, and the record, the row's scheduled → sent and the transcript message commit
 * together (a crash between the provider's answer and that commit can repeat it, as with booking
 * texts — services/channels/notify.ts). No provider configured, or a number it refuses: skipped,
 * and staff see the follow-up was not sent.
 */
async function sendBySms(deps: JobDeps, job: JobRow, plan: Extract<SendPlan, { go: true }>, sms: { to: string; text: string }, id: string, now: Date): Promise<void> {
  const c = plan.conversation;
  const provider = deps.channels?.sms;
  const skip = async (why: string) =>
    deps.db.transaction(async (tx) => {
      await markSkipped(tx, id, why);
      await complete(tx, job, deps.workerId, now, `skipped:${why}`);
    });
  if (!provider) return void (await skip('no_sms'));
  const [earlier] = await deps.db.select({ id: sentMessages.messageId }).from(sentMessages).where(and(eq(sentMessages.subjectId, id), eq(sentMessages.kind, SMS_KIND), eq(sentMessages.version, 0)));
  let messageId = earlier?.id;
  if (!messageId) {
    try {
      messageId = (await provider.send(sms.to, sms.text)).id;
    } catch (err) {
      // A wrong number or a refused key: retrying cannot help. Anything else: the queue retries with backoff.
      if (err instanceof SmsError && !err.retryable) return void (await skip('sms_refused'));
      throw err;
    }
  }
  const seq = await deps.db.transaction(async (tx) => {
    await tx.insert(sentMessages).values({ subjectId: id, kind: SMS_KIND, version: 0, messageId: messageId, recipient: sms.to, sentAt: now }).onConflictDoNothing();
    // Cancelled (the lead wrote, booked or said no) between the check and the send: the text has
    // gone all the same, so the transcript shows it; the row keeps its cancellation.
    const won = await markSent(tx, id, 'sms', now);
    const [m] = await appendMessages(tx, c.id, c.businessId, [{ from: 'bot', text: plan.text }], now);
    if (!(await complete(tx, job, deps.workerId, now, won ? 'sent:sms' : 'sent:sms_after_cancel'))) tx.rollback();
    return m!.seq;
  });
  await afterCommit(deps, c.businessId, c.id, seq);
}

async function afterCommit(deps: JobDeps, businessId: string, conversationId: string, seq: number): Promise<void> {
  await deps.bus?.publish({ businessId, conversationId, seq, kind: 'messages' });
  await deps.outbound?.deliver({ businessId, conversationId });
}
