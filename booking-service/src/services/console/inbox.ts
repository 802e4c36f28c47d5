/**
 * The staff inbox: hand-off requests from the widget, their SLA clocks (./sla.ts), claiming,
 * replying by e-mail and closing with an outcome. Every query is scoped to the session's
 * business; a hand-off of another business is simply not found.
 *
 * The first reply stops the SLA clock and records `first_human_reply`, whose valueMs is the
 * response time in WORKING time (opening hours, the same clock as the SLA) — a request sent at
 * night and answered at 09:05 took 5 minutes, which is what staff can be held to.
 *
 * New requests reach the console by polling `inbox.list` every POLL_MS, and at once through the
 * console's push stream (/console/stream, http/conversation-stream.ts) when a conversation changes.
 */
import type { ConversationChannel, HandoffOutcome, Lang } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { businesses, conversations, handoffReplies, handoffs, users } from '../../adapters/db/schema.js';
import { appendStaffReply } from '../conversation/staff-reply.js';
import { unreadOf } from './inbox-conversation.js';
import { workingMsBetween } from '../../domain/reply-by.js';
import type { Deps } from '../deps.js';
import { recordEvent } from '../events.js';
import { fail, ok, type Result } from '../result.js';
import type { ConsoleSession } from './sessions.js';
import { enqueueConsoleMail } from './mail.js';
import { slaOf, weeklyHoursOf, type SlaView } from './sla.js';

export const POLL_MS = 5_000;
/** The list shows the newest requests; older ones are closed history. */
const LIST_LIMIT = 200;

export type InboxStatus = 'open' | 'claimed' | 'closed' | 'all';

export interface InboxItem {
  id: string;
  createdAt: string;
  contact: { name: string; phone: string | null; email: string | null };
  message: string;
  summary: string | null;
  /** The assistant's one-paragraph summary for staff, in the team's language (services/assistant/handoff-summary.ts). */
  aiSummary: string | null;
  intent: string | null;
  lang: Lang;
  score: number;
  temperature: 'hot' | 'warm' | 'cold';
  status: 'open' | 'claimed' | 'closed';
  claimedBy: { id: string; name: string } | null;
  firstReplyAt: string | null;
  closedAt: string | null;
  outcome: HandoffOutcome | null;
  sla: SlaView;
  /** The chat the request came from: staff reply in it live (null: an old form request, answered by e-mail). */
  conversationId: string | null;
  /** The conversation's status (null without one). */
  conversationStatus: 'bot' | 'waiting' | 'live' | 'closed' | null;
  /** Visitor messages in that conversation staff have not read. */
  unread: number;
  /** Where the client wrote: the conversation's channel (a request without a chat came from the widget's form). */
  channel: ConversationChannel;
}

export interface InboxReply {
  id: string;
  body: string;
  createdAt: string;
  user: { id: string; name: string };
}

type HandoffRow = typeof handoffs.$inferSelect;
type BusinessRow = typeof businesses.$inferSelect;

async function loadBusiness(deps: Deps, businessId: string): Promise<BusinessRow> {
  const [b] = await deps.db.select().from(businesses).where(eq(businesses.id, businessId));
  if (!b) throw new Error(`session of a missing business ${businessId}`);
  return b;
}

async function namesOf(deps: Deps, businessId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.businessId, businessId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type Unread = Awaited<ReturnType<typeof unreadOf>>;

function toItem(h: HandoffRow, business: BusinessRow, names: Map<string, string>, now: Date, unread: Unread = new Map()): InboxItem {
  const conv = h.conversationId ? unread.get(h.conversationId) : undefined;
  return {
    id: h.id,
    createdAt: h.createdAt.toISOString(),
    contact: { name: h.contactName, phone: h.contactPhone, email: h.contactEmail },
    message: h.message,
    summary: h.summary,
    aiSummary: h.aiSummary,
    intent: h.intent,
    lang: h.lang,
    score: h.score,
    temperature: h.temperature,
    status: h.status,
    claimedBy: h.claimedByUserId ? { id: h.claimedByUserId, name: names.get(h.claimedByUserId) ?? '' } : null,
    firstReplyAt: h.firstReplyAt?.toISOString() ?? null,
    closedAt: h.closedAt?.toISOString() ?? null,
    outcome: h.outcome,
    sla: slaOf(h, business, now),
    conversationId: conv ? h.conversationId : null,
    conversationStatus: conv?.status ?? null,
    unread: conv?.unread ?? 0,
    channel: conv?.channel ?? 'widget',
  };
}

/** A request's channel in SQL: its conversation's, or the widget's for a request without one. */
const channelOfHandoff = sql<ConversationChannel>`coalesce((SELECT c.channel FROM conversations c WHERE c.id = ${handoffs.conversationId} AND c.business_id = ${handoffs.businessId}), 'widget')`;

export async function listInbox(
  deps: Deps,
  businessId: string,
  status: InboxStatus,
  channel?: ConversationChannel,
): Promise<{ items: InboxItem[]; serverNow: string; pollMs: number }> {
  const now = deps.clock.now();
  const business = await loadBusiness(deps, businessId);
  const rows = await deps.db
    .select()
    .from(handoffs)
    .where(
      and(
        eq(handoffs.businessId, businessId),
        status === 'all' ? undefined : eq(handoffs.status, status),
        channel === undefined ? undefined : sql`${channelOfHandoff} = ${channel}`,
      ),
    )
    .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
    .limit(LIST_LIMIT);
  const names = await namesOf(deps, businessId, rows.flatMap((r) => (r.claimedByUserId ? [r.claimedByUserId] : [])));
  const unread = await unreadOf(deps, businessId, rows.flatMap((r) => (r.conversationId ? [r.conversationId] : [])));
  return { items: rows.map((r) => toItem(r, business, names, now, unread)), serverNow: now.toISOString(), pollMs: POLL_MS };
}

async function loadHandoff(deps: Deps, businessId: string, id: string): Promise<Result<HandoffRow>> {
  const [h] = await deps.db.select().from(handoffs).where(and(eq(handoffs.id, id), eq(handoffs.businessId, businessId)));
  return h ? ok(h) : fail('HANDOFF_NOT_FOUND', 'No such request in this inbox', { field: 'id' });
}

async function itemOf(deps: Deps, businessId: string, h: HandoffRow): Promise<InboxItem> {
  const names = await namesOf(deps, businessId, h.claimedByUserId ? [h.claimedByUserId] : []);
  const unread = await unreadOf(deps, businessId, h.conversationId ? [h.conversationId] : []);
  return toItem(h, await loadBusiness(deps, businessId), names, deps.clock.now(), unread);
}

export async function getInboxItem(deps: Deps, businessId: string, id: string): Promise<Result<InboxItem & { replies: InboxReply[] }>> {
  const h = await loadHandoff(deps, businessId, id);
  if (!h.ok) return h;
  const replies = await deps.db
    .select({ id: handoffReplies.id, body: handoffReplies.body, createdAt: handoffReplies.createdAt, userId: handoffReplies.userId })
    .from(handoffReplies)
    .where(and(eq(handoffReplies.handoffId, id), eq(handoffReplies.businessId, businessId)))
    .orderBy(asc(handoffReplies.createdAt), asc(handoffReplies.id));
  const names = await namesOf(deps, businessId, replies.map((r) => r.userId));
  return ok({
    ...(await itemOf(deps, businessId, h.value)),
    replies: replies.map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt.toISOString(), user: { id: r.userId, name: names.get(r.userId) ?? '' } })),
  });
}

/** Taking a request: anyone of the business may (also over a colleague who is away). */
export async function claimHandoff(deps: Deps, session: ConsoleSession, id: string): Promise<Result<InboxItem>> {
  const h = await loadHandoff(deps, session.businessId, id);
  if (!h.ok) return h;
  if (h.value.status === 'closed') return fail('HANDOFF_CLOSED', 'This request is closed', { field: 'id' });
  const now = deps.clock.now();
  const [updated] = await deps.db
    .update(handoffs)
    .set({ status: 'claimed', claimedByUserId: session.userId, claimedAt: now })
    .where(and(eq(handoffs.id, id), eq(handoffs.businessId, session.businessId)))
    .returning();
  return ok(await itemOf(deps, session.businessId, updated!));
}

const REPLY_SUBJECT: Record<Lang, (business: string) => string> = {
  en: (b) => `Reply from ${b}`,
  ru: (b) => `Ответ от «${b}»`,
  hy: (b) => `Պատասխան՝ ${b}`,
};

/**
 * Answers a request. From a chat (the request has a conversation): the reply is a message of that
 * conversation, pushed to the visitor's widget at once and e-mailed only if they have not seen it
 * a minute later (services/conversation/staff-reply.ts). An old form request: stored and e-mailed
 * (when they left an e-mail; otherwise the console shows their phone to call). The first reply
 * stops the SLA clock either way.
 */
export async function replyToHandoff(deps: Deps, session: ConsoleSession, id: string, body: string): Promise<Result<InboxItem>> {
  const loaded = await loadHandoff(deps, session.businessId, id);
  if (!loaded.ok) return loaded;
  if (loaded.value.status === 'closed') return fail('HANDOFF_CLOSED', 'This request is closed', { field: 'id' });
  const business = await loadBusiness(deps, session.businessId);
  const now = deps.clock.now();
  const replyId = randomUUID();
  const conversationId = loaded.value.conversationId;
  const chat = conversationId
    ? (await deps.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.id, conversationId), eq(conversations.businessId, session.businessId))).limit(1))[0]
    : undefined;
  let pushed: { seq: number } | null = null;
  const updated = await deps.db.transaction(async (tx) => {
    if (chat) {
      pushed = await appendStaffReply(tx, { conversationId: chat.id, businessId: session.businessId, userId: session.userId, author: session.name, text: body, now, mailDelayMs: deps.replyMailDelayMs });
    } else {
      await tx.insert(handoffReplies).values({ id: replyId, businessId: session.businessId, handoffId: id, userId: session.userId, body, createdAt: now });
    }
    // Replying takes an open request (before the event, so handoff.replied shows it claimed).
    const [row] = await tx
      .update(handoffs)
      .set({ status: 'claimed', claimedByUserId: session.userId, claimedAt: now })
      .where(and(eq(handoffs.id, id), eq(handoffs.status, 'open')))
      .returning();
    // Only the first reply (first_reply_at still null) stops the clock: racing replies agree.
    const [first] = await tx
      .update(handoffs)
      .set({ firstReplyAt: now })
      .where(and(eq(handoffs.id, id), isNull(handoffs.firstReplyAt)))
      .returning();
    if (first) {
      await recordEvent(tx, {
        businessId: session.businessId,
        kind: 'first_human_reply',
        at: now,
        siteId: first.siteId,
        conversationId: first.conversationId,
        intent: first.intent,
        handoffId: id,
        channel: 'console',
        valueMs: workingMsBetween(weeklyHoursOf(business.openingHours), business.timeZone, first.createdAt.getTime(), now.getTime()),
      });
    }
    const h = first ?? row ?? loaded.value;
    if (!chat && h.contactEmail) {
      await enqueueConsoleMail(
        tx,
        { to: h.contactEmail, subject: REPLY_SUBJECT[h.lang](business.name), text: `${body}\n\n— ${session.name}, ${business.name}`, dedupeKey: `reply:${replyId}` },
        now,
      );
    }
    const [fresh] = await tx.select().from(handoffs).where(eq(handoffs.id, id));
    return fresh!;
  });
  const sent = pushed as { seq: number } | null;
  if (chat && sent) await deps.bus?.publish({ businessId: session.businessId, conversationId: chat.id, seq: sent.seq, kind: 'messages' });
  // A messenger conversation (Telegram…): the reply goes back where the client wrote (no-op for the widget).
  if (chat && sent) await deps.outbound?.deliver({ businessId: session.businessId, conversationId: chat.id });
  return ok(await itemOf(deps, session.businessId, updated));
}

export async function closeHandoff(deps: Deps, session: ConsoleSession, id: string, outcome: HandoffOutcome): Promise<Result<InboxItem>> {
  const h = await loadHandoff(deps, session.businessId, id);
  if (!h.ok) return h;
  const now = deps.clock.now();
  // Closing again corrects the outcome but keeps the first closing time.
  const [updated] = await deps.db
    .update(handoffs)
    .set({ status: 'closed', outcome, closedAt: h.value.closedAt ?? now })
    .where(and(eq(handoffs.id, id), eq(handoffs.businessId, session.businessId)))
    .returning();
  return ok(await itemOf(deps, session.businessId, updated!));
}
