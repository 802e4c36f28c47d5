/**
 * `conversation.reply-mail` (enqueued with each staff reply, REPLY_MAIL_DELAY_MS later): mails the
 * conversation's staff replies the visitor has not seen (services/conversation/reply-mail.ts),
 * once each. Several replies in a row coalesce: the first job due mails them all, the others find
 * nothing left.
 */
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import { markMailed, planReplyMail } from '../services/conversation/reply-mail.js';
import type { JobDeps } from './deps.js';
import { mailDomainOf, sendOnce } from './send-once.js';

/** `"Business name" <the service's sending address>`: the name is the business's, the address stays ours (SPF/DKIM). */
export function fromBusiness(mailFrom: string, businessName: string): string {
  const address = /<([^>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const name = businessName.replace(/["\\\r\n]/g, '').trim();
  return name ? `"${name}" <${address}>` : address;
}

export async function sendConversationReplyMail(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const p = job.payload as { conversationId?: unknown };
  if (typeof p.conversationId !== 'string') {
    await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload');
    return;
  }
  const conversationId = p.conversationId;
  const plan = await planReplyMail(deps, conversationId);
  if (plan.skip) {
    await complete(deps.db, job, deps.workerId, now, `skipped:${plan.skip}`);
    return;
  }
  const subjectId = `${conversationId}:${plan.lastSeq}`;
  const mail: OutgoingMail = {
    messageId: `<reply.${conversationId}.${plan.lastSeq}@${mailDomainOf(deps.mailFrom)}>`,
    from: fromBusiness(deps.mailFrom, plan.businessName),
    ...(plan.replyTo ? { replyTo: plan.replyTo } : {}),
    to: plan.to,
    subject: plan.subject,
    text: plan.text,
    html: plan.html,
  };
  await sendOnce(deps, job, now, { subjectId, kind: 'conversation_reply', version: 0 }, mail, (tx) => markMailed(tx, conversationId, plan.lastSeq));
}
