/**
 * Staff members as the console edits them: working hours, days off (staff_exceptions of kind
 * 'off'), and the console account linked to each (if any).
 */
import type { Role, WeeklyHours } from '@frontdesk/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte } from 'drizzle-orm';
import { staff, staffExceptions, users } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export interface StaffView {
  id: string;
  name: string;
  timeZone: string | null;
  weeklyHours: WeeklyHours;
  active: boolean;
  /** Days off from a month ago on (older ones are history, not settings). */
  daysOff: string[];
  account: null | { email: string; role: Role; invited: boolean };
}

export interface StaffInput {
  id?: string | undefined;
  name: string;
  timeZone: string | null;
  weeklyHours: WeeklyHours;
  active: boolean;
}

const DAY_MS = 86_400_000;

export async function listStaff(deps: Pick<Deps, 'db' | 'clock'>, businessId: string, id?: string): Promise<StaffView[]> {
  const rows = await deps.db
    .select()
    .from(staff)
    .where(id ? and(eq(staff.businessId, businessId), eq(staff.id, id)) : eq(staff.businessId, businessId))
    .orderBy(asc(staff.sort), asc(staff.id));
  const since = new Date(deps.clock.now().getTime() - 31 * DAY_MS).toISOString().slice(0, 10);
  const off = await deps.db
    .select({ staffId: staffExceptions.staffId, date: staffExceptions.date })
    .from(staffExceptions)
    .where(and(eq(staffExceptions.businessId, businessId), eq(staffExceptions.kind, 'off'), gte(staffExceptions.date, since)))
    .orderBy(asc(staffExceptions.date));
  const accounts = await deps.db
    .select({ staffId: users.staffId, email: users.email, role: users.role, hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.active, true)));
  return rows.map((s) => {
    const a = accounts.find((u) => u.staffId === s.id);
    return {
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
      weeklyHours: s.weeklyHours,
      active: s.active,
      daysOff: [...new Set(off.filter((o) => o.staffId === s.id).map((o) => o.date))],
      account: a ? { email: a.email, role: a.role, invited: a.hash === null } : null,
    };
  });
}

export async function saveStaff(deps: Pick<Deps, 'db' | 'clock'>, businessId: string, input: StaffInput): Promise<Result<StaffView>> {
  const id = input.id ?? `stf_${randomUUID()}`;
  const values = { name: input.name, timeZone: input.timeZone, weeklyHours: input.weeklyHours, active: input.active };
  if (input.id) {
    const updated = await deps.db.update(staff).set(values).where(and(eq(staff.id, id), eq(staff.businessId, businessId))).returning({ id: staff.id });
    if (updated.length === 0) return fail('STAFF_NOT_FOUND', 'No such staff member', { field: 'id' });
  } else {
    const last = await deps.db.select({ sort: staff.sort }).from(staff).where(eq(staff.businessId, businessId));
    await deps.db.insert(staff).values({ id, businessId, ...values, sort: Math.max(0, ...last.map((r) => r.sort)) + 1 });
  }
  return ok((await listStaff(deps, businessId, id))[0]!);
}

export async function staffBelongs(deps: Pick<Deps, 'db'>, businessId: string, staffId: string): Promise<boolean> {
  const rows = await deps.db.select({ id: staff.id }).from(staff).where(and(eq(staff.id, staffId), eq(staff.businessId, businessId)));
  return rows.length === 1;
}

export async function setHours(deps: Pick<Deps, 'db'>, businessId: string, staffId: string, weeklyHours: WeeklyHours): Promise<Result<{ ok: true }>> {
  const rows = await deps.db.update(staff).set({ weeklyHours }).where(and(eq(staff.id, staffId), eq(staff.businessId, businessId))).returning({ id: staff.id });
  return rows.length ? ok({ ok: true }) : fail('STAFF_NOT_FOUND', 'No such staff member', { field: 'staffId' });
}

export async function setDayOff(deps: Pick<Deps, 'db'>, businessId: string, staffId: string, date: string, off: boolean): Promise<Result<{ ok: true }>> {
  if (!(await staffBelongs(deps, businessId, staffId))) return fail('STAFF_NOT_FOUND', 'No such staff member', { field: 'staffId' });
  const where = and(eq(staffExceptions.businessId, businessId), eq(staffExceptions.staffId, staffId), eq(staffExceptions.date, date), eq(staffExceptions.kind, 'off'));
  await deps.db.transaction(async (tx) => {
    await tx.delete(staffExceptions).where(where);
    if (off) await tx.insert(staffExceptions).values({ id: `off_${randomUUID()}`, businessId, staffId, date, kind: 'off' });
  });
  return ok({ ok: true });
}
