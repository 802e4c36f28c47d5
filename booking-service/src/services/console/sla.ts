/**
 * The inbox's SLA clock of one hand-off, counted in the business's opening hours
 * (domain/reply-by.ts). The target (`dueAt` = handoffs.expected_reply_by) was fixed when the
 * request arrived from its temperature and the business's targets (`slaTargetsOf`: hot 5 min,
 * warm 1 h, cold 24 h unless the owner set others on the Business page; domain/lead-score.ts).
 *
 * - running: `remainingMs` = working ms from now to dueAt, negative (working ms past due) once
 *   overdue; `paused` while the business is closed (the clock does not move then);
 * - stopped by the first reply (or by closing unanswered): frozen at that instant.
 */
import type { WeeklyHours } from '@frontdesk/shared';
import type { Weekday } from '../../domain/availability/find-slots.js';
import { isOpen, workingMsBetween } from '../../domain/reply-by.js';
import type { SlaTargets } from '../../domain/lead-score.js';

/** The owner's SLA targets in working minutes by temperature (businesses.sla_*_min). */
export function slaTargetsOf(b: { slaHotMin: number; slaWarmMin: number; slaColdMin: number }): SlaTargets {
  return { hot: b.slaHotMin, warm: b.slaWarmMin, cold: b.slaColdMin };
}

export interface SlaView {
  dueAt: string;
  breached: boolean;
  escalated: boolean;
  remainingMs: number;
  paused: boolean;
}

/** The JSON column's '1'…'7' keys as the domain's weekday numbers. */
export function weeklyHoursOf(json: WeeklyHours): WeeklyHours {
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [Number(k) as Weekday, v]));
}

export function slaOf(
  h: { expectedReplyBy: Date; firstReplyAt: Date | null; closedAt: Date | null; escalatedAt: Date | null },
  business: { openingHours: WeeklyHours; timeZone: string },
  now: Date,
): SlaView {
  const hours = weeklyHoursOf(business.openingHours);
  const due = h.expectedReplyBy.getTime();
  const stoppedAt = h.firstReplyAt ?? h.closedAt;
  const at = (stoppedAt ?? now).getTime();
  return {
    dueAt: h.expectedReplyBy.toISOString(),
    // Answered exactly at the due instant is within target; still waiting at it is not.
    breached: stoppedAt ? at > due : at >= due,
    escalated: h.escalatedAt !== null,
    remainingMs: workingMsBetween(hours, business.timeZone, at, due),
    paused: !stoppedAt && !isOpen(hours, business.timeZone, at),
  };
}
