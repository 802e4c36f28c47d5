/**
 * The `inbox.escalate` job (scheduled with the hand-off by services/console/escalation.ts, due at
 * its reply-by instant). When it runs and nobody has answered (no first reply, not closed), the
 * hand-off is marked escalated (the inbox shows it overdue) and the owner is e-mailed — the
 * business's owner accounts, or businesses.notify_email when there is none.
 *
 * Once, across retries and racing workers: `escalated_at` is set by a conditional UPDATE in the
 * same transaction that enqueues the mails and completes the job; the mails' dedupe keys name
 * the hand-off, so even a second escalation path could not send twice.
 */
import { and, eq, isNull, lte, ne } from 'drizzle-orm';
import type { Lang } from '@frontdesk/shared';
import { businesses, handoffs, users } from '../adapters/db/schema.js';
import { complete, type JobRow } from '../adapters/job-queue/queue.js';
import { enqueueConsoleMail } from '../services/console/mail.js';
import type { JobDeps } from './deps.js';

const TEXT: Record<Lang, { subject: (name: string) => string; body: (name: string, due: string, link: string) => string }> = {
  en: {
    subject: (n) => `Overdue: ${n} is still waiting for an answer`,
    body: (n, due, link) => `Nobody has answered ${n}'s request yet; the answer was due by ${due}.\n\nOpen it in the inbox: ${link}`,
  },
  ru: {
    subject: (n) => `Просрочено: ${n} всё ещё ждёт ответа`,
    body: (n, due, link) => `На обращение ${n} пока никто не ответил; срок ответа истёк ${due}.\n\nОткрыть во входящих: ${link}`,
  },
  hy: {
    subject: (n) => `Ուշացում՝ ${n}-ը դեռ սպասում է պատասխանի`,
    body: (n, due, link) => `${n}-ի հարցմանը դեռ ոչ ոք չի պատասխանել։ Պատասխանի ժամկետը՝ ${due}։\n\nԲացել մուտքայինում՝ ${link}`,
  },
};

export async function escalateHandoff(deps: JobDeps, job: JobRow, now: Date): Promise<void> {
  const handoffId = typeof job.payload.handoffId === 'string' ? job.payload.handoffId : job.handoffId;
  if (!handoffId) {
    await complete(deps.db, job, deps.workerId, now, 'skipped:bad_payload');
    return;
  }
  await deps.db.transaction(async (tx) => {
    const marked = await tx
      .update(handoffs)
      .set({ escalatedAt: now })
      // Due by now: a due time moved later (services/console/sla-due.ts) leaves an early job nothing to do.
      .where(and(eq(handoffs.id, handoffId), isNull(handoffs.escalatedAt), isNull(handoffs.firstReplyAt), ne(handoffs.status, 'closed'), lte(handoffs.expectedReplyBy, now)))
      .returning();
    const h = marked[0];
    if (h) {
      const [biz] = await tx.select().from(businesses).where(eq(businesses.id, h.businessId));
      const owners = await tx
        .select({ email: users.email, lang: users.lang })
        .from(users)
        .where(and(eq(users.businessId, h.businessId), eq(users.role, 'owner'), eq(users.active, true)));
      const to = owners.length > 0 ? owners : biz?.notifyEmail ? [{ email: biz.notifyEmail, lang: biz.defaultLang }] : [];
      const link = `${deps.publicUrl}/console/#/inbox/${h.id}`;
      for (const r of to) {
        const t = TEXT[r.lang] ?? TEXT.en;
        const due = new Intl.DateTimeFormat(r.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: biz?.timeZone ?? 'UTC' }).format(h.expectedReplyBy);
        await enqueueConsoleMail(tx, { to: r.email, subject: t.subject(h.contactName), text: t.body(h.contactName, due, link), dedupeKey: `escalate:${h.id}:${r.email}` }, now);
      }
    }
    const outcome = h ? 'sent' : 'skipped:answered_or_escalated';
    // Lost the lease meanwhile: undo, the worker holding it does the same work once.
    if (!(await complete(tx, job, deps.workerId, now, outcome))) tx.rollback();
  });
}
