/**
 * The visitor's way back from an e-mailed reply (./reply-mail.ts): the signed link opens the
 * conversation without the widget, and an answer typed there is appended to the same thread and
 * pushed to the console like a chat message.
 */
import { eq, sql } from 'drizzle-orm';
import { businesses, conversations } from '../../adapters/db/schema.js';
import type { Lang, TranscriptMessage } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { verifyToken } from '../tokens.js';
import { markSeenByVisitor } from './staff-reply.js';
import { appendMessages, readMessages } from './transcript.js';

export const LINK_TEXT_MAX = 5000;

export interface LinkedConversation {
  id: string;
  lang: Lang;
  businessName: string;
  timeZone: string;
  status: 'bot' | 'waiting' | 'live' | 'closed';
  messages: TranscriptMessage[];
}

async function load(deps: Deps, token: string) {
  const id = verifyToken(deps.secret, token, 'conversation');
  if (!id) return null;
  const [row] = await deps.db
    .select({ id: conversations.id, businessId: conversations.businessId, lang: conversations.lang, status: conversations.status, seq: conversations.seq, businessName: businesses.name, timeZone: businesses.timeZone })
    .from(conversations)
    .innerJoin(businesses, eq(businesses.id, conversations.businessId))
    .where(eq(conversations.id, id))
    .limit(1);
  return row ?? null;
}

/** The conversation behind a link, read by the visitor (so its replies count as seen). */
export async function openByLink(deps: Deps, token: string): Promise<Result<LinkedConversation>> {
  const row = await load(deps, token);
  // A forged link and a purged conversation look alike.
  if (!row) return fail('TOKEN_INVALID', 'This link is not valid', { field: 't' });
  const messages = await readMessages(deps.db, row.id, 0, 1000);
  await markSeenByVisitor(deps.db, row.id, row.seq);
  return ok({ id: row.id, lang: row.lang, businessName: row.businessName, timeZone: row.timeZone, status: row.status, messages });
}

/** Appends the visitor's answer to the thread; the console sees it live. */
export async function replyByLink(deps: Deps, token: string, raw: string): Promise<Result<{ seq: number }>> {
  const text = raw.trim();
  if (!text) return fail('INVALID_INPUT', 'text: a message', { field: 'text' });
  if (text.length > LINK_TEXT_MAX) return fail('INVALID_INPUT', `text: at most ${LINK_TEXT_MAX} characters`, { field: 'text' });
  const row = await load(deps, token);
  if (!row) return fail('TOKEN_INVALID', 'This link is not valid', { field: 't' });
  const now = deps.clock.now();
  const msg = await deps.db.transaction(async (tx) => {
    const [m] = await appendMessages(tx, row.id, row.businessId, [{ from: 'visitor', text }], now);
    // A closed conversation opens again: the visitor is talking to a person.
    await tx
      .update(conversations)
      .set({ lastVisitorAt: now, visitorSeenSeq: sql`GREATEST(${conversations.visitorSeenSeq}, ${m!.seq})`, ...(row.status === 'closed' || row.status === 'bot' ? { status: 'waiting' as const } : {}) })
      .where(eq(conversations.id, row.id));
    return m!;
  });
  await deps.bus?.publish({ businessId: row.businessId, conversationId: row.id, seq: msg.seq, kind: 'messages' });
  return ok({ seq: msg.seq });
}
