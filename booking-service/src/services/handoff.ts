/**
 * "Talk to a person": store the request for the staff inbox and tell the visitor when to
 * expect an answer (a warm lead's 1-hour SLA counted in the business's opening hours).
 */
import { randomUUID } from 'node:crypto';
import { handoffs, type Lang } from '../adapters/db/schema.js';
import type { Weekday, WeeklyHours } from '../domain/availability/find-slots.js';
import { isOpen, replyBy } from '../domain/reply-by.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { openSite } from './site.js';
import { onHandoffRequested } from './notifications/enqueue.js';

/** Working minutes within which a person answers a hand-off (PRODUCT.md: warm ≤ 1 h). */
export const HANDOFF_SLA_MIN = 60;

export interface HandoffInput {
  siteKey: string;
  message: string;
  contact: { name: string; phone?: string | undefined; email?: string | undefined };
  lang: Lang;
  intent?: string | undefined;
  summary?: string | undefined;
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
  // No opening hours at all: promise the cold-lead day rather than nothing.
  const by = replyBy(hours, business.timeZone, now, HANDOFF_SLA_MIN) ?? now + 24 * 3_600_000;
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
    });
    // Staff hear about it through a job committed with the request itself.
    await onHandoffRequested(tx, id, deps.clock.now());
  });
  return ok({ id, expectedReplyBy: new Date(by).toISOString(), withinOpeningHours: isOpen(hours, business.timeZone, now) });
}
