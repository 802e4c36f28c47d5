/**
 * The waiting list's jobs (services/waitlist/): offering a freed time, passing it on when an offer
 * ends unused, telling the person, and ending an entry whose window is over. Each completes its
 * job in the transaction that does its work, so a re-run after a crash finds the work done.
 */
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import type { OutgoingMail } from '../adapters/mail/transport.js';
import { appendMessages } from '../services/conversation/transcript.js';
import { expireEntry, expireOffer, offerFreed } from '../services/waitlist/offers.js';
import type { FreedTime } from '../services/waitlist/freed.js';
import { offerFreedRange, type FreedRange } from '../services/waitlist/freed-range.js';
import { offerMessage } from '../services/waitlist/send.js';
import { fromBusiness } from './conversation-reply-mail.js';
import type { JobDeps } from './deps.js';
import { mailDomainOf, sendOnce } from './send-once.js';

const str = (job: JobRow, key: string) => {
  const v = job.payload[key];
  return typeof v === 'string' ? v : null;
};

export async function offerFreedTime(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const slot = job.payload as unknown as FreedTime;
  if (typeof slot.startsAt !== 'string' || typeof slot.staffId !== 'string') return void (await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload'));
  await offerFreed(deps, slot, now, async (tx) => {
    if (!(await complete(tx, job, deps.workerId, now, 'done'))) tx.rollback();
  });
}

/**
 * A busy Google event gone (services/waitlist/freed-range.ts): its free slots offered in line. Each
 * offer is its own transaction; a re-run after a crash offers nothing twice (an offered time is held,
 * and a person is never offered the same time again).
 */
export async function offerFreedRangeJob(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const r = job.payload as unknown as FreedRange;
  if (typeof r.from !== 'string' || typeof r.to !== 'string' || typeof r.staffId !== 'string' || typeof r.businessId !== 'string') {
    return void (await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload'));
  }
  const outcomes = await offerFreedRange(deps, r, now);
  await complete(deps.db, job, deps.workerId, now, outcomes.includes('offered') ? 'done' : 'skipped:nobody');
}

export async function expireWaitlistOffer(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const id = str(job, 'offerId');
  if (!id) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload'));
  await expireOffer(deps, id, now, async (tx) => {
    if (!(await complete(tx, job, deps.workerId, now, 'done'))) tx.rollback();
  });
}

export async function expireWaitlistEntry(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const id = str(job, 'entryId');
  if (!id) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload'));
  await expireEntry(deps, id, now, async (tx) => {
    if (!(await complete(tx, job, deps.workerId, now, 'done'))) tx.rollback();
  });
}

export async function sendWaitlistOffer(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const id = str(job, 'offerId');
  if (!id) return void (await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload'));
  const m = await offerMessage(deps, id);
  if (!m.go) return void (await complete(deps.db, job, deps.workerId, now, `skipped:${m.why}`));
  const append = async (tx: Parameters<typeof appendMessages>[0]) =>
    m.conversationId ? (await appendMessages(tx, m.conversationId, m.businessId, [{ from: 'bot', text: m.text }], now))[0]?.seq ?? null : null;
  let seq: number | null = null;
  if (m.mail) {
    const mail: OutgoingMail = {
      messageId: `<waitlist.${id}@${mailDomainOf(deps.mailFrom)}>`,
      from: fromBusiness(deps.mailFrom, m.businessName),
      to: m.mail.to,
      subject: m.mail.subject,
      text: m.mail.text,
      html: m.mail.html,
    };
    await sendOnce(deps, job, now, { subjectId: id, kind: 'waitlist_offer', version: 0 }, mail, async (tx) => {
      seq = await append(tx);
    });
  } else {
    seq = await deps.db.transaction(async (tx) => {
      const s = await append(tx);
      if (!(await complete(tx, job, deps.workerId, now, m.conversationId ? 'sent' : 'skipped:no_channel'))) tx.rollback();
      return s;
    });
  }
  if (seq !== null && m.conversationId) {
    await deps.bus?.publish({ businessId: m.businessId, conversationId: m.conversationId, seq, kind: 'messages' });
    await deps.outbound?.deliver({ businessId: m.businessId, conversationId: m.conversationId });
  }
}
