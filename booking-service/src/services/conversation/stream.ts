/**
 * What a push stream (the visitor's SSE, the console's) reads: who may open one, and the
 * conversation since a cursor. The stream itself (http/conversation-stream.ts) only writes what
 * this returns; the bus only says when to read again.
 */
import { and, eq } from 'drizzle-orm';
import { conversations } from '../../adapters/db/schema.js';
import type { ConversationStatus, TranscriptMessage } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { readMessages } from './transcript.js';
import { authorizeVisitor } from './turns.js';

export interface StreamTarget {
  conversationId: string;
  businessId: string;
  status: ConversationStatus;
  seq: number;
}

export interface StreamRead {
  status: ConversationStatus;
  /** The conversation's last seq (may be beyond the messages read when more than a page waits). */
  seq: number;
  messages: TranscriptMessage[];
}

/** A visitor's stream: the conversation token, and the site's origin rule, as conversation.get. */
export async function visitorStreamTarget(deps: Deps, conversationId: string, token: string, origin: string | undefined): Promise<Result<StreamTarget>> {
  const auth = await authorizeVisitor(deps, conversationId, token, origin);
  if (!auth.ok) return auth;
  const { row } = auth.value;
  return ok({ conversationId: row.id, businessId: row.businessId, status: row.status, seq: row.seq });
}

/** A console stream: any conversation of the session's business; another business's is not found. */
export async function staffStreamTarget(deps: Deps, businessId: string, conversationId: string): Promise<Result<StreamTarget>> {
  const [row] = await deps.db
    .select({ id: conversations.id, businessId: conversations.businessId, status: conversations.status, seq: conversations.seq })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId)))
    .limit(1);
  if (!row) return fail('CONVERSATION_NOT_FOUND', 'No such conversation in this business', { field: 'conversationId' });
  return ok({ conversationId: row.id, businessId: row.businessId, status: row.status, seq: row.seq });
}

/** The conversation after `after`: status, last seq and up to `limit` messages; null once it is gone (purged, erased). */
export async function readSince(deps: Deps, conversationId: string, after: number, limit = 200): Promise<StreamRead | null> {
  const [row] = await deps.db.select({ status: conversations.status, seq: conversations.seq, tokenHash: conversations.tokenHash }).from(conversations).where(eq(conversations.id, conversationId)).limit(1);
  // Erased (services/privacy): the row stays for the figures with an empty token hash.
  if (!row || row.tokenHash === '') return null;
  // Nothing new: one indexed read of the row, no transcript query (the heartbeat's catch-up costs this).
  if (row.seq <= after) return { status: row.status, seq: row.seq, messages: [] };
  return { status: row.status, seq: row.seq, messages: await readMessages(deps.db, conversationId, after, limit) };
}
