/**
 * The transcript: the only writer of `conversation_messages`. Messages are numbered 1, 2, 3… per
 * conversation; the number is taken by bumping `conversations.seq` in the same transaction as the
 * insert, so two writers (a visitor's turn and a staff reply, in two processes) serialise on the
 * conversation row and never reuse or skip a number.
 */
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../adapters/db/client.js';
import { conversationMessages, conversations, users } from '../../adapters/db/schema.js';
import { withClauses } from '../events.js';
import type { Card, TranscriptMessage } from '../../domain/conversation/protocol.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NewMessage {
  from: TranscriptMessage['from'];
  text: string;
  card?: Card | undefined;
  authorUserId?: string | undefined;
  /** The author's display name, echoed in the returned message (not stored: read back through users). */
  author?: string | undefined;
}

/**
 * A visitor's turn claims the conversation in the same UPDATE that numbers its messages: the row
 * is written only if its version is still the one the turn read (else nothing is written and
 * `appendMessages` answers null), and `set` carries the turn's other changes (state, status…).
 */
export interface Claim {
  version: number;
  /** Column values or SQL over the row's current values (e.g. seq + n). */
  set: PgUpdateSetSource<typeof conversations>;
  /**
   * The turn's other writes (INSERT/UPDATE without RETURNING), as WITH clauses of the same
   * statement: one round trip for the whole turn. They run even when the claim finds the version
   * moved on; the caller then rolls the transaction back (turns.ts throws StaleVersion).
   */
  alongWith?: readonly SQL[] | undefined;
  /** One more value the statement selects (e.g. the webhook endpoints its events need): `extra` of the answer. */
  extra?: SQL | undefined;
}

/**
 * Appends messages inside the caller's transaction and returns them numbered. Call
 * `deps.bus.publish` after the transaction commits (never inside it: a listener in another
 * process must be able to read what the signal announces). With a `claim`, returns null when the
 * conversation's version moved on (a concurrent turn won); the conversation's seq after the
 * change is then `last`.
 */
export async function appendMessages(tx: Db | Tx, conversationId: string, businessId: string, messages: NewMessage[], at: Date): Promise<TranscriptMessage[]>;
export async function appendMessages(tx: Db | Tx, conversationId: string, businessId: string, messages: NewMessage[], at: Date, claim: Claim): Promise<{ messages: TranscriptMessage[]; last: number; extra: unknown } | null>;
export async function appendMessages(
  tx: Db | Tx,
  conversationId: string,
  businessId: string,
  messages: NewMessage[],
  at: Date,
  claim?: Claim,
): Promise<TranscriptMessage[] | { messages: TranscriptMessage[]; last: number; extra: unknown } | null> {
  if (messages.length === 0 && !claim) return [];
  const bump = tx
    .update(conversations)
    .set({ ...claim?.set, ...(claim ? { version: claim.version + 1 } : {}), seq: sql`${conversations.seq} + ${messages.length}`, updatedAt: at })
    .where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId), ...(claim ? [eq(conversations.version, claim.version)] : [])))
    .returning({ seq: conversations.seq });
  const along = claim?.alongWith?.length ? sql`, ${withClauses(claim.alongWith)}` : sql``;
  const extra = claim?.extra ?? sql`NULL`;
  if (messages.length === 0) {
    const [r] = await queryRows<{ seq: number; extra: unknown }>(tx, sql`WITH bumped AS (${bump.getSQL()})${along} SELECT seq, ${extra} AS extra FROM bumped`);
    return r === undefined ? null : { messages: [], last: Number(r.seq), extra: r.extra };
  }
  // One round trip: the UPDATE that numbers (and claims) feeds the INSERT of the messages. When it
  // matches no row (the version moved on, or no such conversation) nothing is inserted.
  const payload = JSON.stringify(messages.map((m, i) => ({ i, f: m.from, t: m.text, c: m.card ?? null, a: m.authorUserId ?? null })));
  const inserted = await queryRows<{ seq: number; extra: unknown }>(tx, sql`
    WITH bumped AS (${bump.getSQL()}),
    ins AS (
      INSERT INTO conversation_messages (conversation_id, seq, business_id, from_party, text, card, author_user_id, at)
      SELECT ${conversationId}, bumped.seq - ${messages.length} + 1 + m.i, ${businessId}, m.f, m.t, m.c, m.a, ${at.toISOString()}::timestamptz
      FROM bumped, jsonb_to_recordset(${payload}::jsonb) AS m(i int, f text, t text, c jsonb, a text)
      RETURNING seq)${along}
    SELECT seq, ${extra} AS extra FROM ins`);
  if (inserted.length === 0) {
    if (claim) return null;
    throw new Error(`conversation ${conversationId} not found in business ${businessId}`);
  }
  const last = Math.max(...inserted.map((r) => Number(r.seq)));
  const first = last - messages.length + 1;
  const numbered = messages.map((m, i) => toTranscriptMessage({
    conversationId, seq: first + i, businessId, from: m.from, text: m.text,
    card: (m.card ?? null), authorUserId: m.authorUserId ?? null, at,
  }, m.author));
  return claim ? { messages: numbered, last, extra: inserted[0]!.extra } : numbered;
}

/** Messages after `after` (exclusive), oldest first; staff replies carry their author's name. */
export async function readMessages(db: Db | Tx, conversationId: string, after = 0, limit = 500): Promise<TranscriptMessage[]> {
  const rows = await db
    .select({ m: conversationMessages, author: users.name })
    .from(conversationMessages)
    .leftJoin(users, eq(users.id, conversationMessages.authorUserId))
    .where(and(eq(conversationMessages.conversationId, conversationId), gt(conversationMessages.seq, after)))
    .orderBy(asc(conversationMessages.seq))
    .limit(limit);
  return rows.map((r) => toTranscriptMessage(r.m, r.author));
}

function toTranscriptMessage(r: typeof conversationMessages.$inferSelect, author?: string | null): TranscriptMessage {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    from: r.from,
    text: r.text,
    ...(author ? { author } : {}),
    ...(r.card ? { card: r.card as unknown as Card } : {}),
  };
}
