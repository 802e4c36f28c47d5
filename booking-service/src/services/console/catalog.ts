/**
 * Services the business offers, as the owner edits them. Archiving sets `active = false`:
 * bookings keep pointing at the row, and the widget stops offering it.
 */
import type { Localized } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { businesses, serviceStaff, services, staff } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export interface ServiceView {
  id: string;
  names: Localized;
  descriptions: Localized | null;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  priceMin: number;
  priceMax: number | null;
  active: boolean;
  staffIds: string[];
}

export type ServiceInput = Omit<ServiceView, 'id' | 'descriptions'> & { id?: string | undefined; descriptions?: Localized | null | undefined };

export async function listServices(deps: Pick<Deps, 'db'>, businessId: string, id?: string): Promise<ServiceView[]> {
  const rows = await deps.db
    .select()
    .from(services)
    .where(id ? and(eq(services.businessId, businessId), eq(services.id, id)) : eq(services.businessId, businessId))
    .orderBy(asc(services.sort), asc(services.id));
  const links = await deps.db.select().from(serviceStaff).where(eq(serviceStaff.businessId, businessId));
  return rows.map((s) => ({
    id: s.id,
    names: s.names,
    descriptions: s.descriptions,
    durationMin: s.durationMin,
    bufferBeforeMin: s.bufferBeforeMin,
    bufferAfterMin: s.bufferAfterMin,
    priceMin: s.priceMin,
    priceMax: s.priceMax,
    active: s.active,
    staffIds: links.filter((l) => l.serviceId === s.id).map((l) => l.staffId).sort(),
  }));
}

export async function saveService(deps: Pick<Deps, 'db'>, businessId: string, input: ServiceInput): Promise<Result<ServiceView>> {
  const staffIds = [...new Set(input.staffIds)];
  if (staffIds.length > 0) {
    const mine = await deps.db.select({ id: staff.id }).from(staff).where(and(eq(staff.businessId, businessId), inArray(staff.id, staffIds)));
    if (mine.length !== staffIds.length) return fail('STAFF_NOT_FOUND', 'Some of staffIds are not staff of this business', { field: 'staffIds' });
  }
  const biz = (await deps.db.select({ currency: businesses.currency }).from(businesses).where(eq(businesses.id, businessId)))[0];
  if (!biz) throw new Error(`business ${businessId} is missing`);
  const id = input.id ?? `svc_${randomUUID()}`;
  const values = {
    names: input.names,
    descriptions: input.descriptions ?? null,
    durationMin: input.durationMin,
    bufferBeforeMin: input.bufferBeforeMin,
    bufferAfterMin: input.bufferAfterMin,
    priceMin: input.priceMin,
    priceMax: input.priceMax,
    currency: biz.currency,
    active: input.active,
  };
  const saved = await deps.db.transaction(async (tx) => {
    if (input.id) {
      const updated = await tx.update(services).set(values).where(and(eq(services.id, id), eq(services.businessId, businessId))).returning({ id: services.id });
      if (updated.length === 0) return false;
    } else {
      const last = await tx.select({ sort: services.sort }).from(services).where(eq(services.businessId, businessId));
      await tx.insert(services).values({ id, businessId, ...values, sort: Math.max(0, ...last.map((r) => r.sort)) + 1 });
    }
    await tx.delete(serviceStaff).where(and(eq(serviceStaff.businessId, businessId), eq(serviceStaff.serviceId, id)));
    if (staffIds.length > 0) await tx.insert(serviceStaff).values(staffIds.map((staffId) => ({ businessId, serviceId: id, staffId })));
    return true;
  });
  if (!saved) return fail('SERVICE_NOT_FOUND', 'No such service', { field: 'id' });
  return ok((await listServices(deps, businessId, id))[0]!);
}

export async function archiveService(deps: Pick<Deps, 'db'>, businessId: string, id: string): Promise<Result<{ ok: true }>> {
  const rows = await deps.db.update(services).set({ active: false }).where(and(eq(services.id, id), eq(services.businessId, businessId))).returning({ id: services.id });
  return rows.length ? ok({ ok: true }) : fail('SERVICE_NOT_FOUND', 'No such service', { field: 'id' });
}
