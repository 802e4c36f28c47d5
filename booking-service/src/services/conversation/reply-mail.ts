/**
 * The e-mail fallback of a live reply: staff answered, the visitor did not see it within
 * REPLY_MAIL_DELAY_MS (no open widget showed it), so it goes to the e-mail they left with
 * consent — From: the business's name, Reply-To: the business's own address, with a link back
 * into the conversation (pages/conversation-page.ts) where their answer continues the thread.
 * Replies are mailed once each: `staff_mailed_seq` moves past them in the transaction that
 * records the send.
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { businesses, conversations, users } from '../../adapters/db/schema.js';
import { button, layout } from '../../domain/messages/html.js';
import type { Deps } from '../deps.js';
import { signToken } from '../tokens.js';
import { readMessages } from './transcript.js';

const WORDS: Record<Lang, { subject: (b: string) => string; intro: (b: string) => string; open: string; hint: string }> = {
  en: {
    subject: (b) => `Reply from ${b}`,
    intro: (b) => `New reply from ${b}:`,
    open: 'Continue the conversation',
    hint: 'Answer on the page behind the link, or simply reply to this e-mail.',
  },
  ru: {
    subject: (b) => `Ответ от «${b}»`,
    intro: (b) => `Новый ответ от «${b}»:`,
    open: 'Продолжить переписку',
    hint: 'Ответьте на странице по ссылке или просто ответьте на это письмо.',
  },
  hy: {
    subject: (b) => `Պատասխան՝ ${b}`,
    intro: (b) => `Նոր պատասխան՝ ${b}`,
    open: 'Շարունակել զրույցը',
    hint: 'Պատասխանեք հղման էջում կամ պարզապես պատասխանեք այս նամակին։',
  },
};

/** The link back into a conversation (no expiry of its own: it dies with the conversation). */
export function conversationLink(deps: Pick<Deps, 'secret' | 'publicUrl'>, conversationId: string): string {
  return `${deps.publicUrl}/conversation?t=${encodeURIComponent(signToken(deps.secret, conversationId, 'conversation'))}`;
}

export type ReplyMailPlan =
  | { skip: 'gone' | 'no_email' | 'seen' }
  | {
      skip?: undefined;
      to: string;
      businessName: string;
      replyTo: string | null;
      subject: string;
      text: string;
      html: string;
      /** The last reply this message carries: `markMailed` moves the cursor here. */
      lastSeq: number;
    };

/** What to send now for a conversation's unseen staff replies, or why nothing. */
export async function planReplyMail(deps: Deps, conversationId: string): Promise<ReplyMailPlan> {
  const [row] = await deps.db
    .select({ c: conversations, businessName: businesses.name, notifyEmail: businesses.notifyEmail })
    .from(conversations)
    .innerJoin(businesses, eq(businesses.id, conversations.businessId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!row) return { skip: 'gone' };
  const c = row.c;
  // Never an e-mail to an address given without consent (the engine keeps none before it anyway).
  if (!c.contactEmail || !c.consentAt) return { skip: 'no_email' };
  const cursor = Math.max(c.visitorSeenSeq, c.staffMailedSeq);
  const replies = (await readMessages(deps.db, c.id, cursor)).filter((m) => m.from === 'staff');
  if (replies.length === 0) return { skip: 'seen' };
  const replyTo = row.notifyEmail ?? (await ownerEmail(deps.db, c.businessId));
  const w = WORDS[c.lang];
  const link = conversationLink(deps, c.id);
  const quoted = replies.map((m) => `${m.author ? `${m.author}: ` : ''}${m.text}`);
  const text = `${w.intro(row.businessName)}\n\n${quoted.join('\n\n')}\n\n${w.open}: ${link}\n\n${w.hint}\n\n— ${row.businessName}`;
  const html = layout(
    c.lang,
    w.subject(row.businessName),
    `<p>${escapeHtml(w.intro(row.businessName))}</p>` +
      replies
        .map((m) => `<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #4f46e5;white-space:pre-wrap">${m.author ? `<strong>${escapeHtml(m.author)}</strong><br>` : ''}${escapeHtml(m.text)}</blockquote>`)
        .join('') +
      `<p>${button(link, w.open, true)}</p><p style="color:#6b7280">${escapeHtml(w.hint)}</p>`,
    escapeHtml(row.businessName),
  );
  return { to: c.contactEmail, businessName: row.businessName, replyTo, subject: w.subject(row.businessName), text, html, lastSeq: replies.at(-1)!.seq };
}

async function ownerEmail(db: Queryable, businessId: string): Promise<string | null> {
  const [o] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.role, 'owner'), eq(users.active, true)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return o?.email ?? null;
}

/** Records that replies up to `seq` went by e-mail (in the send's transaction). */
export async function markMailed(db: Queryable, conversationId: string, seq: number): Promise<void> {
  await db.execute(sql`UPDATE conversations SET staff_mailed_seq = ${seq} WHERE id = ${conversationId} AND staff_mailed_seq < ${seq}`);
}
