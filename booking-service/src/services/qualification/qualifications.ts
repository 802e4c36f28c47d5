/**
 * The owner's qualification questions per service (domain/qualification), stored one row per
 * service in `service_qualifications`, and per chat-menu intent (a price, a person) in
 * `intent_qualifications` (0028: the same rules, no waiting list) (the database also keeps ≤ 5 questions, the link's two
 * halves together and the smaller package ≠ the service). Read for the engine through the config
 * cache (services/conversation/engine-context.ts); a save clears that cache so the next turn asks
 * the new questions.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { intentQualifications, serviceQualifications, services } from '../../adapters/db/schema.js';
import type { Queryable } from '../../adapters/db/client.js';
import type { QualIntent, Qualification } from '../../domain/qualification/qualification.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

type Row = typeof serviceQualifications.$inferSelect;

function fromRow(r: Omit<Row, 'serviceId' | 'offerWaitlist'> & { offerWaitlist?: boolean }): Qualification {
  return {
    questions: r.questions.map((q) => ({ text: q.text, answers: q.answers.map((a) => ({ label: a.label, points: a.points, soon: a.soon === true })) })),
    threshold: r.threshold,
    alternatives: {
      waitlist: r.offerWaitlist ?? false,
      smallerServiceId: r.smallerServiceId,
      link: r.linkUrl && r.linkLabel ? { url: r.linkUrl, label: r.linkLabel } : null,
    },
  };
}

/** Every service's questions of the business, by service id (services without a row have none). */
export async function loadQualifications(db: Queryable, businessId: string): Promise<Record<string, Qualification>> {
  const rows = await db.select().from(serviceQualifications).where(eq(serviceQualifications.businessId, businessId));
  return Object.fromEntries(rows.map((r) => [r.serviceId, fromRow(r)]));
}

/** Replaces the questions of one service of the business (an empty list turns qualification off for it). */
export async function saveQualification(deps: Pick<Deps, 'db' | 'configCache' | 'clock'>, businessId: string, serviceId: string, q: Qualification): Promise<Result<Qualification>> {
  const ids = [serviceId, ...(q.alternatives.smallerServiceId ? [q.alternatives.smallerServiceId] : [])];
  const mine = await deps.db.select({ id: services.id }).from(services).where(and(eq(services.businessId, businessId), inArray(services.id, ids)));
  if (!mine.some((s) => s.id === serviceId)) return fail('SERVICE_NOT_FOUND', 'No such service', { field: 'serviceId' });
  const smaller = q.alternatives.smallerServiceId;
  if (smaller && (smaller === serviceId || !mine.some((s) => s.id === smaller))) {
    return fail('INVALID_INPUT', 'The smaller package must be another service of this business', { field: 'alternatives.smallerServiceId' });
  }
  const values = {
    businessId,
    questions: q.questions,
    threshold: q.threshold,
    offerWaitlist: q.alternatives.waitlist,
    smallerServiceId: smaller,
    linkUrl: q.alternatives.link?.url ?? null,
    linkLabel: q.alternatives.link?.label ?? null,
    updatedAt: deps.clock.now(),
  };
  await deps.db
    .insert(serviceQualifications)
    .values({ serviceId, ...values })
    .onConflictDoUpdate({ target: serviceQualifications.serviceId, set: values });
  deps.configCache?.clear();
  return ok(q);
}

/** The business's questions before a price and before "talk to a person", by intent (absent = none). */
export async function loadIntentQualifications(db: Queryable, businessId: string): Promise<Partial<Record<QualIntent, Qualification>>> {
  const rows = await db.select().from(intentQualifications).where(eq(intentQualifications.businessId, businessId));
  return Object.fromEntries(rows.map((r) => [r.intent, fromRow(r)]));
}

/** Replaces the questions before one intent (an empty list turns them off). The waiting list is a service's: refused here. */
export async function saveIntentQualification(deps: Pick<Deps, 'db' | 'configCache' | 'clock'>, businessId: string, intent: QualIntent, q: Qualification): Promise<Result<Qualification>> {
  if (q.alternatives.waitlist) return fail('INVALID_INPUT', 'The waiting list is offered for a service only', { field: 'alternatives.waitlist' });
  const smaller = q.alternatives.smallerServiceId;
  if (smaller) {
    const mine = await deps.db.select({ id: services.id }).from(services).where(and(eq(services.businessId, businessId), eq(services.id, smaller)));
    if (mine.length === 0) return fail('INVALID_INPUT', 'The smaller package must be a service of this business', { field: 'alternatives.smallerServiceId' });
  }
  const values = {
    questions: q.questions,
    threshold: q.threshold,
    smallerServiceId: smaller,
    linkUrl: q.alternatives.link?.url ?? null,
    linkLabel: q.alternatives.link?.label ?? null,
    updatedAt: deps.clock.now(),
  };
  await deps.db
    .insert(intentQualifications)
    .values({ businessId, intent, ...values })
    .onConflictDoUpdate({ target: [intentQualifications.businessId, intentQualifications.intent], set: values });
  deps.configCache?.clear();
  return ok(q);
}
