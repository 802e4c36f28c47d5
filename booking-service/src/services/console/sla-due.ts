/**
 * The one writer of an open hand-off's due time (`handoffs.expected_reply_by`) after it was made
 * (issue 17): when the owner changes the SLA targets or the opening hours on the Business page,
 * or a lead's temperature changes (hot/warm/cold), every open, unanswered, not yet escalated
 * hand-off gets the due time it would have had: its start (`created_at`) + the target of its
 * temperature under the current settings, counted in opening hours (domain/reply-by.ts). Its
 * escalation job moves with it.
 *
 * Why a write in the transaction of the change, not a recomputation on read: the stored due time
 * has other readers than the inbox's clock — the escalation job runs AT it, the KPI "answered in
 * time" compares it in SQL (services/console/kpis.ts), webhooks and the staff mail quote it. A
 * clock recomputed on read would disagree with all of them; one stored value, rewritten here in
 * the same transaction as the settings or the temperature, keeps them all saying the same thing.
 * Escalated hand-offs keep theirs: the owner has already been told.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { businesses, handoffs, jobs } from '../../adapters/db/schema.js';
import type { LeadTemperature } from '../../domain/lead-score.js';
import { replyBy } from '../../domain/reply-by.js';
import { ESCALATE_JOB, scheduleEscalation } from './escalation.js';
import { slaTargetsOf, weeklyHoursOf } from './sla.js';

/** Which open hand-offs to look at: the business's, or one conversation's (its lead's temperature changed to `temperature`). */
export type DueScope = { businessId: string } | { businessId: string; conversationId: string; temperature: LeadTemperature };

/** Rewrites the due times of the open hand-offs in `scope`; returns how many moved. Call it in the transaction of the change. */
export async function refreshOpenDueTimes(tx: Queryable, scope: DueScope, now: Date): Promise<number> {
  const [b] = await tx.select().from(businesses).where(eq(businesses.id, scope.businessId));
  if (!b) return 0;
  const open = await tx
    .select()
    .from(handoffs)
    .where(and(
      eq(handoffs.businessId, scope.businessId),
      isNull(handoffs.firstReplyAt),
      isNull(handoffs.escalatedAt),
      ne(handoffs.status, 'closed'),
      ...('conversationId' in scope ? [eq(handoffs.conversationId, scope.conversationId)] : []),
    ));
  if (open.length === 0) return 0;
  const hours = weeklyHoursOf(b.openingHours);
  const targets = slaTargetsOf(b);
  let moved = 0;
  for (const h of open) {
    const temperature = 'temperature' in scope ? scope.temperature : h.temperature;
    const start = h.createdAt.getTime();
    const slaMin = targets[temperature];
    // As at creation (services/handoff.ts): no opening hours at all → the target in wall-clock time, at least a day.
    const due = new Date(replyBy(hours, b.timeZone, start, slaMin) ?? start + Math.max(slaMin, 24 * 60) * 60_000);
    if (due.getTime() === h.expectedReplyBy.getTime() && temperature === h.temperature) continue;
    await tx.update(handoffs).set({ expectedReplyBy: due, temperature }).where(eq(handoffs.id, h.id));
    // The escalation check moves too: the pending one is superseded, a new one runs at the new due time (now, if already past).
    if (due.getTime() !== h.expectedReplyBy.getTime()) {
      moved++;
      await tx
        .update(jobs)
        .set({ doneAt: now, outcome: 'superseded', lockedUntil: null })
        .where(and(eq(jobs.handoffId, h.id), eq(jobs.kind, ESCALATE_JOB), isNull(jobs.doneAt)));
      await scheduleEscalation(tx, h.id, due.getTime() < now.getTime() ? now : due);
    }
  }
  return moved;
}

/** Whether a settings patch touches what a due time is made of. */
export function changesDueTimes(patch: Record<string, unknown>): boolean {
  return ['slaHotMin', 'slaWarmMin', 'slaColdMin', 'openingHours', 'timeZone'].some((k) => patch[k] !== undefined);
}
