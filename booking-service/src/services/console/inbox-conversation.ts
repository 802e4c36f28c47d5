/**
 * The conversation behind an inbox request, as staff see it: the whole transcript, the lead card,
 * what they have read (unread = visitor messages after `staff_read_seq`), and the counts the
 * console menu shows. Every read is scoped to the session's business.
 */
import type { ConversationChannel } from '@frontdesk/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../adapters/db/client.js';
import { conversations, leads } from '../../adapters/db/schema.js';
import type { ConversationStatus, TranscriptMessage } from '../../domain/conversation/protocol.js';
import { readMessages } from '../conversation/transcript.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export interface LeadCard {
  name: string | null;
  phone: string | null;
  email: string | null;
  lang: string;
  channel: ConversationChannel;
  source: { url?: string; referrer?: string; utm?: Record<string, string> } | null;
  intent: string | null;
  quote: { summary?: string | null; price?: { amount: number; currency: string } } | null;
  score: number | null;
  temperature: string | null;
  /** The owner's qualification questions as answered (domain/qualification leadRecord), in the team's language. */
  qualification: { score: number; threshold: number; qualified: boolean | null; soon: boolean; answers: Array<{ question: string; answer: string; points: number }> } | null;
  outcome: string | null;
  consentAt: string | null;
  createdAt: string;
}

export interface InboxConversation {
  id: string;
  status: ConversationStatus;
  seq: number;
  staffReadSeq: number;
  /** The last seq the visitor was shown (their widget, a resume, the e-mail link page). */
  visitorSeenSeq: number;
  lastVisitorAt: string | null;
  messages: TranscriptMessage[];
  lead: LeadCard;
}

export async function getInboxConversation(deps: Deps, businessId: string, conversationId: string, after = 0): Promise<Result<InboxConversation>> {
  const [row] = await deps.db
    .select({ c: conversations, l: leads })
    .from(conversations)
    .leftJoin(leads, eq(leads.conversationId, conversations.id))
    .where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId)))
    .limit(1);
  if (!row) return fail('CONVERSATION_NOT_FOUND', 'No such conversation in this business', { field: 'conversationId' });
  const { c, l } = row;
  return ok({
    id: c.id,
    status: c.status,
    seq: c.seq,
    staffReadSeq: c.staffReadSeq,
    visitorSeenSeq: c.visitorSeenSeq,
    lastVisitorAt: c.lastVisitorAt?.toISOString() ?? null,
    messages: await readMessages(deps.db, c.id, after, 1000),
    lead: {
      name: l?.name ?? c.contactName,
      phone: l?.phone ?? c.contactPhone,
      email: l?.email ?? c.contactEmail,
      lang: c.lang,
      channel: c.channel,
      source: c.source,
      intent: l?.intent ?? c.intent,
      quote: (l?.quote as LeadCard['quote']) ?? null,
      score: l?.score ?? null,
      temperature: l?.temperature ?? null,
      qualification: (l?.qualification as LeadCard['qualification'] | null | undefined) ?? null,
      outcome: c.outcome,
      consentAt: c.consentAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    },
  });
}

/** Staff read the conversation up to `seq` (never backwards). */
export async function markReadByStaff(deps: Deps, businessId: string, conversationId: string, seq: number): Promise<Result<{ staffReadSeq: number }>> {
  const [row] = await deps.db
    .update(conversations)
    .set({ staffReadSeq: sql`GREATEST(${conversations.staffReadSeq}, LEAST(${seq}, ${conversations.seq}))` })
    .where(and(eq(conversations.id, conversationId), eq(conversations.businessId, businessId)))
    .returning({ staffReadSeq: conversations.staffReadSeq });
  return row ? ok(row) : fail('CONVERSATION_NOT_FOUND', 'No such conversation in this business', { field: 'conversationId' });
}

/** Unread visitor messages per conversation (only conversations given). */
export async function unreadOf(deps: Deps, businessId: string, conversationIds: string[]): Promise<Map<string, { unread: number; status: ConversationStatus; channel: ConversationChannel }>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await deps.db
    .select({
      id: conversations.id,
      status: conversations.status,
      channel: conversations.channel,
      unread: sql<number>`(SELECT count(*)::int FROM conversation_messages m WHERE m.conversation_id = ${conversations.id} AND m.from_party = 'visitor' AND m.seq > ${conversations.staffReadSeq})`,
    })
    .from(conversations)
    .where(and(eq(conversations.businessId, businessId), inArray(conversations.id, [...new Set(conversationIds)])));
  return new Map(rows.map((r) => [r.id, { unread: Number(r.unread), status: r.status, channel: r.channel }]));
}

/**
 * The console menu's badge: requests nobody has taken, and visitor messages staff have not read in
 * conversations that are waiting for or talking to a person.
 */
export async function unreadCounts(deps: Deps, businessId: string): Promise<{ open: number; messages: number; conversations: number }> {
  const [r] = await queryRows<{ open: number; messages: number; conversations: number }>(
    deps.db,
    sql`SELECT
      (SELECT count(*)::int FROM handoffs WHERE business_id = ${businessId} AND status = 'open') AS open,
      count(m.*)::int AS messages,
      count(DISTINCT c.id)::int AS conversations
    FROM conversations c
    JOIN conversation_messages m ON m.conversation_id = c.id AND m.from_party = 'visitor' AND m.seq > c.staff_read_seq
    WHERE c.business_id = ${businessId} AND c.status IN ('waiting', 'live')`,
  );
  return { open: Number(r?.open ?? 0), messages: Number(r?.messages ?? 0), conversations: Number(r?.conversations ?? 0) };
}
