/**
 * The transcript: the only writer of `conversation_messages`. Messages are numbered 1, 2, 3… per
 * conversation; the number is taken by bumping `conversations.seq` in the same transaction as the
 * insert, so two writers (a visitor's turn and a staff reply, in two processes) serialise on the
 * conversation row and never reuse or skip a number.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../adapters/db/client.js';
import { conversationMessages, conversations } from '../../adapters/db/schema.js';
import type { Card, TranscriptMessage } from '../../domain/conversation/protocol.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NewMessage {
  from: TranscriptMessage['from'];
  text: string;
  card?: Card | undefined;
  authorUserId?: string | undefined;
}

/**
 * Appends messages inside the caller's transaction and returns them numbered. Call
 * `deps.bus.publish` after the transaction commits (never inside it: a listener in another
 * process must be able to read what the signal announces).
 */
export async function appendMessages(
  tx: Db | Tx,
  conversationId: string,
  businessId: string,
  messages: NewMessage[],
  at: Date,
): Promise<TranscriptMessage[]> {
  if (messages.length === 0) return [];
  const bumped = await tx
    .update(conversations)
    .set({ seq: sql`${conversations.seq} + ${messages.length}`, updatedAt: at })
    .where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId)))
    .returning({ seq: conversations.seq });
  const last = bumped[0]?.seq;
  if (last === undefined) throw new Error(`conversation ${conversationId} not found in business ${businessId}`);
  const first = last - messages.length + 1;
  const rows = messages.map((m, i) => ({
    conversationId,
    seq: first + i,
    businessId,
    from: m.from,
    text: m.text,
    card: (m.card ?? null),
    authorUserId: m.authorUserId ?? null,
    at,
  }));
  await tx.insert(conversationMessages).values(rows);
  return rows.map(toTranscriptMessage);
}

/** Messages after `after` (exclusive), oldest first. */
export async function readMessages(db: Db | Tx, conversationId: string, after = 0, limit = 500): Promise<TranscriptMessage[]> {
  const rows = await db
    .select()
    .from(conversationMessages)
    .where(and(eq(conversationMessages.conversationId, conversationId), gt(conversationMessages.seq, after)))
    .orderBy(asc(conversationMessages.seq))
    .limit(limit);
  return rows.map(toTranscriptMessage);
}

function toTranscriptMessage(r: typeof conversationMessages.$inferSelect): TranscriptMessage {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    from: r.from,
    text: r.text,
    ...(r.card ? { card: r.card as unknown as Card } : {}),
  };
}
