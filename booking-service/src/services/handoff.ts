/**
 * "Talk to a person": store the request for the staff inbox and tell the visitor when to
 * expect an answer. The request is qualified on arrival (domain/lead-score.ts): its temperature
 * sets the SLA (the owner's targets, by default hot 5 min, warm 1 h, cold 24 h) counted in the business's opening hours, and an
 * escalation job is scheduled at that instant (services/console/escalation.ts).
 */
import type { Lang } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { handoffs } from '../adapters/db/schema.js';
import type { Weekday, WeeklyHours } from '../domain/availability/find-slots.js';
import { isOpen, replyBy } from '../domain/reply-by.js';
import { qualifyLead } from '../domain/lead-score.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { openSite } from './site.js';
import { onHandoffRequested } from './notifications/enqueue.js';
import { recordEvent } from './events.js';
import { scheduleEscalation } from './console/escalation.js';
import { slaTargetsOf } from './console/sla.js';

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

export async function requestHandoff(
  deps: Deps,
  input: HandoffInput,
  origin: string | undefined,
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
  await deps.db.transaction(async (tx) => {
    await tx.insert(handoffs).values({
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
    });
    // Staff hear about it through a job committed with the request itself.
    await onHandoffRequested(tx, id, deps.clock.now());
    await scheduleEscalation(tx, id, new Date(by));
    await recordEvent(tx, {
      businessId: business.id,
      kind: 'handoff_requested',
      at: new Date(now),
      siteId: siteRow.id,
      conversationId: input.conversationId,
      intent: input.intent,
      handoffId: id,
    });
  });
  return ok({ id, expectedReplyBy: new Date(by).toISOString(), withinOpeningHours: openNow });
}
