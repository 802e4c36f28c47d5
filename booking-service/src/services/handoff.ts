/**
 * "Talk to a person": store the request for the staff inbox and tell the visitor when to
 * expect an answer. The request is qualified on arrival (domain/lead-score.ts): its temperature
 * sets the SLA (the owner's targets, by default hot 5 min, warm 1 h, cold 24 h) counted in the business's opening hours, and an
 * escalation job is scheduled at that instant (services/console/escalation.ts).
 */
import type { Lang } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { handoffs, jobs } from '../adapters/db/schema.js';
import { atomically, type Queryable } from '../adapters/db/client.js';
import { jobRow } from '../adapters/job-queue/queue.js';
import type { Weekday, WeeklyHours } from '../domain/availability/find-slots.js';
import { isOpen, replyBy } from '../domain/reply-by.js';
import { qualifyLead } from '../domain/lead-score.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { openSite } from './site.js';
import { handoffRequestedJob } from './notifications/enqueue.js';
import { runWrites, type Writes } from './events.js';
import { escalationJob } from './console/escalation.js';
import { slaTargetsOf } from './console/sla.js';
import { summariesOn, summaryJob } from './assistant/handoff-summary.js';

export interface HandoffInput {
  siteKey: string;
  message: string;
  contact: { name: string; phone?: string | undefined; email?: string | undefined };
  lang: Lang;
  intent?: string | undefined;
  summary?: string | undefined;
  conversationId?: string | undefined;
  /** The owner's qualification questions' result, when the visitor answered them. */
  qualification?: { qualified: boolean; soon: boolean } | undefined;
}

/**
 * `defer`: a conversation turn's writes (conversation/turns.ts): the request's rows, jobs and event
 * join them and commit in the turn's claiming statement instead of a statement of their own.
 */
export async function requestHandoff(
  deps: Deps,
  input: HandoffInput,
  origin: string | undefined,
  defer?: Writes,
): Promise<Result<{ id: string; expectedReplyBy: string; withinOpeningHours: boolean }>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const { business, site: siteRow } = site.value;
  const now = deps.clock.now().getTime();
  const hours: WeeklyHours = Object.fromEntries(
    Object.entries(business.openingHours).map(([k, v]) => [Number(k) as Weekday, v]),
  );
  const openNow = isOpen(hours, business.timeZone, now);
  const lead = qualifyLead({
    intent: input.intent,
    message: input.message,
    summary: input.summary,
    hasPhone: input.contact.phone !== undefined,
    hasEmail: input.contact.email !== undefined,
    openNow,
    wantsSoon: input.qualification?.soon,
    qualified: input.qualification?.qualified,
  }, slaTargetsOf(business));
  // No opening hours at all: promise the target in wall-clock time (at least the cold-lead day).
  const by = replyBy(hours, business.timeZone, now, lead.slaMin) ?? now + Math.max(lead.slaMin, 24 * 60) * 60_000;
  const id = randomUUID();
  // Read before the statement (through the config cache: a turn has just read it): with the
  // assistant on, the summary job is committed with the request and runs after it, never delaying it.
  const summarise = await summariesOn(deps, business.id);
  // One statement: the request, the jobs that tell staff and escalate it, and its event; the
  // webhooks follow only when an endpoint listens. In a turn, part of the turn's statement.
  const writes = (tx: Queryable): Writes => ({ events: [{
    businessId: business.id,
    kind: 'handoff_requested',
    at: new Date(now),
    siteId: siteRow.id,
    conversationId: input.conversationId,
    intent: input.intent,
    handoffId: id,
  }], sql: [
    tx.insert(handoffs).values({
      id,
      businessId: business.id,
      siteId: siteRow.id,
      message: input.message,
      contactName: input.contact.name,
      contactPhone: input.contact.phone ?? null,
      contactEmail: input.contact.email ?? null,
      lang: input.lang,
      intent: input.intent ?? null,
      summary: input.summary ?? null,
      expectedReplyBy: new Date(by),
      temperature: lead.temperature,
      score: lead.score,
      conversationId: input.conversationId ?? null,
      createdAt: new Date(now),
    }).getSQL(),
    // Staff hear about it through a job committed with the request itself.
    tx.insert(jobs).values([handoffRequestedJob(id, deps.clock.now()), escalationJob(id, new Date(by)), ...(summarise ? [summaryJob(id, deps.clock.now())] : [])].map(jobRow)).getSQL(),
  ] });
  if (defer) {
    const w = writes(deps.db);
    defer.sql.push(...w.sql);
    defer.events.push(...w.events);
  } else {
    await atomically(deps.db, (tx) => runWrites(tx, writes(tx)));
  }
  return ok({ id, expectedReplyBy: new Date(by).toISOString(), withinOpeningHours: openNow });
}
