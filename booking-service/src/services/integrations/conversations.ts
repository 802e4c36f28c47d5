/**
 * Conversations of one business for the REST API (read only): a list, newest first in keyset
 * pages by (createdAt, id), and one conversation with its transcript — what staff see in the
 * inbox, so a CRM can file the whole thread with the lead. The transcript is what retention left
 * (services/conversation/retention.ts purges old messages; the conversation and lead stay).
 */
import type { ConversationChannel } from '@frontdesk/shared';
import { and, desc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import { conversations, leads } from '../../adapters/db/schema.js';
import type { ConversationStatus, TranscriptMessage } from '../../domain/conversation/protocol.js';
import { readMessages } from '../conversation/transcript.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { decodeCursor, encodeCursor } from './bookings.js';

/** The most messages one answer carries (the console's inbox shows as many). */
export const TRANSCRIPT_LIMIT = 1000;

export interface ApiConversation {
  id: string;
  siteId: string | null;
  channel: ConversationChannel;
  lang: string;
  status: ConversationStatus;
  intent: string | null;
  outcome: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  customerId: string | null;
  leadId: string | null;
  source: { url?: string; referrer?: string; utm?: Record<string, string> } | null;
  messageCount: number;
  consentAt: string | null;
  lastVisitorAt: string | null;
  lastStaffAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiConversationWithTranscript extends ApiConversation {
  messages: TranscriptMessage[];
}

export interface ListConversationsInput {
  from?: string | undefined;
  to?: string | undefined;
  status?: ConversationStatus[] | undefined;
  channel?: ConversationChannel | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Row = { c: typeof conversations.$inferSelect; leadId: string | null };

function view({ c, leadId }: Row): ApiConversation {
  return {
    id: c.id,
    siteId: c.siteId,
    channel: c.channel,
    lang: c.lang,
    status: c.status,
    intent: c.intent,
    outcome: c.outcome,
    contact: { name: c.contactName, phone: c.contactPhone, email: c.contactEmail },
    customerId: c.customerId,
    leadId,
    source: c.source,
    messageCount: c.seq,
    consentAt: c.consentAt?.toISOString() ?? null,
    lastVisitorAt: c.lastVisitorAt?.toISOString() ?? null,
    lastStaffAt: c.lastStaffAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function listConversations(deps: Pick<Deps, 'db'>, businessId: string, input: ListConversationsInput): Promise<Result<{ items: ApiConversation[]; nextCursor: string | null }>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after === null) return fail('INVALID_INPUT', 'This cursor was not issued by this API', { field: 'cursor' });
  const rows = await deps.db
    .select({ c: conversations, leadId: leads.id })
    .from(conversations)
    .leftJoin(leads, eq(leads.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.businessId, businessId),
        input.from ? gte(conversations.createdAt, new Date(input.from)) : undefined,
        input.to ? lt(conversations.createdAt, new Date(input.to)) : undefined,
        input.status?.length ? inArray(conversations.status, input.status) : undefined,
        input.channel ? eq(conversations.channel, input.channel) : undefined,
        after ? or(lt(conversations.createdAt, after.start), and(eq(conversations.createdAt, after.start), lt(conversations.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(view);
  const last = items[items.length - 1];
  return ok({ items, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null });
}

export async function getConversation(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<ApiConversationWithTranscript>> {
  const [row] = await deps.db
    .select({ c: conversations, leadId: leads.id })
    .from(conversations)
    .leftJoin(leads, eq(leads.conversationId, conversations.id))
    .where(and(eq(conversations.id, id), eq(conversations.businessId, businessId)))
    .limit(1);
  if (!row) return fail('CONVERSATION_NOT_FOUND', 'No such conversation', { field: 'id' });
  return ok({ ...view(row), messages: await readMessages(deps.db, id, 0, TRANSCRIPT_LIMIT) });
}
