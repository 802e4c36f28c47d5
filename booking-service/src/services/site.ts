/**
 * Resolving a public site key to its business, with the origin check every public
 * procedure starts with. All later queries are scoped by the business id found here.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { businesses, serviceStaff, services, sites, staff } from '../adapters/db/schema.js';
import { normaliseOrigin, originMatches } from '../domain/origin.js';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';

export type SiteRow = typeof sites.$inferSelect;
export type BusinessRow = typeof businesses.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;

export interface SiteContext {
  site: SiteRow;
  business: BusinessRow;
}

/** The site and its business by site key, through the config cache; no origin check. */
export function findSite(deps: Deps, siteKey: string): Promise<SiteContext | undefined> {
  return cached(deps, `site:${siteKey}`, async () => {
    // One round trip for both: every public call starts here.
    const rows = await deps.db
      .select({ site: sites, business: businesses })
      .from(sites)
      .innerJoin(businesses, eq(businesses.id, sites.businessId))
      .where(eq(sites.siteKey, siteKey))
      .limit(1);
    return rows[0];
  });
}

/** Origin: the browser's Origin header, or undefined for server-to-server calls. */
export async function openSite(deps: Deps, siteKey: string, origin: string | undefined): Promise<Result<SiteContext>> {
  const row = await findSite(deps, siteKey);
  if (!row) return fail('SITE_NOT_FOUND', `No site with key "${siteKey}"`, { field: 'siteKey' });
  if (!isOriginAllowed(deps, row.site, origin)) {
    return fail('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not use site "${siteKey}"`);
  }
  return ok(row);
}

export function isOriginAllowed(deps: Pick<Deps, 'publicUrl'>, site: Pick<SiteRow, 'allowedOrigins'>, origin: string | undefined): boolean {
  // No Origin header: not a browser cross-origin request (curl, server-to-server, same-origin GET).
  if (origin === undefined) return true;
  if (normaliseOrigin(origin) === normaliseOrigin(deps.publicUrl)) return true;
  return originMatches(site.allowedOrigins, origin);
}

/** Through deps.configCache when there is one (config may be up to CONFIG_TTL_MS old), else straight from the database. */
export function cached<T>(deps: Pick<Deps, 'configCache'>, key: string, load: () => Promise<T>): Promise<T> {
  return deps.configCache ? deps.configCache.get(key, load) : load();
}

/** loadService for read paths (slot search), through the config cache. */
export function cachedService(deps: Deps, businessId: string, serviceId: string): Promise<Result<ServiceRow>> {
  return cached(deps, `service:${businessId}:${serviceId}`, () => loadService(deps.db, businessId, serviceId));
}

/** pickStaff for read paths (slot search): the service's staff list comes through the config cache. */
export async function cachedPickStaff(deps: Deps, businessId: string, serviceId: string, staffId: string | undefined): Promise<Result<StaffRow[]>> {
  const all = await cached(deps, `staff:${businessId}:${serviceId}`, () => staffForService(deps.db, businessId, serviceId));
  return chooseStaff(all, staffId);
}

export async function loadService(db: Db, businessId: string, serviceId: string): Promise<Result<ServiceRow>> {
  const rows = await db
    .select()
    .from(services)
    .where(and(eq(services.businessId, businessId), eq(services.id, serviceId), eq(services.active, true)))
    .limit(1);
  return rows[0] ? ok(rows[0]) : fail('SERVICE_NOT_FOUND', `No service "${serviceId}"`, { field: 'serviceId' });
}

/** Active staff who perform the service, in display order. */
export async function staffForService(db: Db, businessId: string, serviceId: string): Promise<StaffRow[]> {
  const rows = await db
    .select({ staff })
    .from(serviceStaff)
    .innerJoin(staff, eq(staff.id, serviceStaff.staffId))
    .where(and(eq(serviceStaff.businessId, businessId), eq(serviceStaff.serviceId, serviceId), eq(staff.active, true)))
    .orderBy(asc(staff.sort), asc(staff.id));
  return rows.map((r) => r.staff);
}

/** The staff a request may book: one named member (who must perform the service) or all. */
export async function pickStaff(
  db: Db,
  businessId: string,
  serviceId: string,
  staffId: string | undefined,
): Promise<Result<StaffRow[]>> {
  return chooseStaff(await staffForService(db, businessId, serviceId), staffId);
}

function chooseStaff(all: StaffRow[], staffId: string | undefined): Result<StaffRow[]> {
  if (staffId === undefined || staffId === 'any') return ok(all);
  const one = all.find((s) => s.id === staffId);
  return one ? ok([one]) : fail('STAFF_NOT_FOUND', `No staff member "${staffId}" for this service`, { field: 'staffId' });
}

export async function loadStaffByIds(db: Db, businessId: string, ids: string[]): Promise<StaffRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(staff).where(and(eq(staff.businessId, businessId), inArray(staff.id, ids)));
}
