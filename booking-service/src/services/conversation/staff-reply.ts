/**
 * Staff answering in a conversation (the console inbox): the reply is a transcript message
 * (`from: 'staff'`), the conversation turns live, and a delayed job e-mails the reply if the
 * visitor has not seen it by then (./reply-mail.ts). The caller publishes on the bus after commit.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { conversations } from '../../adapters/db/schema.js';
import { enqueue } from '../../adapters/job-queue/queue.js';
import type { TranscriptMessage } from '../../domain/conversation/protocol.js';
import { appendMessages } from './transcript.js';

export const REPLY_MAIL_JOB = 'conversation.reply-mail';
/**
 * How long a staff reply may stay unseen before it goes by e-mail. A connected widget shows it at
 * once (and that counts as seen); a visitor who closed the tab gets the e-mail a minute later.
 */
export const REPLY_MAIL_DELAY_MS = 60_000;

export interface StaffReply {
  conversationId: string;
  businessId: string;
  userId: string;
  author: string;
  text: string;
  now: Date;
  /** Overrides REPLY_MAIL_DELAY_MS (env REPLY_MAIL_DELAY_SECONDS). */
  mailDelayMs?: number | undefined;
}

/** Appends the reply in the caller's transaction; returns it numbered. */
export async function appendStaffReply(tx: Queryable, r: StaffReply): Promise<TranscriptMessage> {
  const [msg] = await appendMessages(tx, r.conversationId, r.businessId, [{ from: 'staff', text: r.text, authorUserId: r.userId, author: r.author }], r.now);
  // Replying means the staff member read everything before it.
  await tx
    .update(conversations)
    .set({
      status: 'live',
      lastStaffAt: r.now,
      staffReadSeq: msg!.seq,
      // A person has joined: the engine's step turns live too, so the visitor's next words go to
      // staff and the bot does not answer over them (domain/conversation/engine.ts, step 'live').
      // The stored prompt goes (the next turn renders the live one); the version moves, so a
      // visitor turn that read the state before this reply starts over on the live state.
      state: sql`CASE WHEN ${conversations.state} ? 'v' THEN jsonb_set(jsonb_set(${conversations.state} - 'prompt', '{status}', '"live"'), '{step}', '{"at":"live"}') ELSE ${conversations.state} END`,
      version: sql`${conversations.version} + 1`,
    })
    .where(eq(conversations.id, r.conversationId));
  await enqueue(tx, { kind: REPLY_MAIL_JOB, payload: { conversationId: r.conversationId, seq: msg!.seq }, runAt: new Date(r.now.getTime() + (r.mailDelayMs ?? REPLY_MAIL_DELAY_MS)) });
  return msg!;
}

/**
 * The visitor was shown the conversation up to `seq` (a push stream wrote it, a resume returned
 * it): replies up to there need no e-mail. Monotonic; one UPDATE that changes nothing when behind.
 */
export async function markSeenByVisitor(db: Queryable, conversationId: string, seq: number): Promise<void> {
  await db.execute(
    // Raw to express GREATEST without a read: concurrent marks never move the cursor back.
    sql`UPDATE conversations SET visitor_seen_seq = ${seq} WHERE id = ${conversationId} AND visitor_seen_seq < ${seq}`,
  );
}
