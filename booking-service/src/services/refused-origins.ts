/**
 * Origins a site's widget was refused on (not in the site's allowed origins), counted per
 * local day of the business, so the owner sees "refused 12 times today from https://…" on the
 * console's Sites page and allows the origin with one click. The count comes from the widget's
 * boot request (services/widget-boot.ts): one per page view that loads the widget.
 *
 * Anyone can send any Origin header: at most MAX_ORIGINS_PER_DAY origins are kept per site and
 * day (the counts of those already kept still grow), and rows older than KEEP_DAYS go when a
 * new origin is recorded.
 */
import { addDays, utcToZoned } from '@frontdesk/shared';
import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { refusedOrigins } from '../adapters/db/schema.js';
import { normaliseOrigin, originMatches } from '../domain/origin.js';
import type { Deps } from './deps.js';

export const MAX_ORIGINS_PER_DAY = 20;
const KEEP_DAYS = 7;

export interface Refusal {
  origin: string;
  /** Refused page views today (the business's local day). */
  count: number;
}

/** The business's local date now. */
function today(deps: Pick<Deps, 'clock'>, timeZone: string): string {
  return utcToZoned(deps.clock.now().getTime(), timeZone).date;
}

/** Counts one refused request of `origin` for the site; an Origin that is no web origin ("null") is not counted. */
export async function recordRefusal(deps: Pick<Deps, 'db' | 'clock'>, siteId: string, timeZone: string, origin: string): Promise<void> {
  const o = normaliseOrigin(origin);
  if (!o) return;
  const day = today(deps, timeZone);
  const now = deps.clock.now();
  const key = and(eq(refusedOrigins.siteId, siteId), eq(refusedOrigins.day, day));
  const bumped = await deps.db
    .update(refusedOrigins)
    .set({ count: sql`${refusedOrigins.count} + 1`, lastAt: now })
    .where(and(key, eq(refusedOrigins.origin, o)))
    .returning({ c: refusedOrigins.count });
  if (bumped.length > 0) return;
  const [kept] = await deps.db.select({ n: count() }).from(refusedOrigins).where(key);
  if ((kept?.n ?? 0) >= MAX_ORIGINS_PER_DAY) return;
  await deps.db
    .insert(refusedOrigins)
    .values({ siteId, day, origin: o, count: 1, lastAt: now })
    // Two first refusals at once: the second one counts too.
    .onConflictDoUpdate({ target: [refusedOrigins.siteId, refusedOrigins.day, refusedOrigins.origin], set: { count: sql`${refusedOrigins.count} + 1`, lastAt: now } });
  await deps.db.delete(refusedOrigins).where(and(eq(refusedOrigins.siteId, siteId), lt(refusedOrigins.day, addDays(day, -KEEP_DAYS))));
}

/**
 * Today's refusals per site, most frequent first, leaving out origins the site allows by now.
 * @example await refusalsToday(deps, [site], 'Europe/Moscow') // Map { 'site_1' => [{ origin: 'https://shop.example', count: 12 }] }
 */
export async function refusalsToday(
  deps: Pick<Deps, 'db' | 'clock'>,
  siteRows: ReadonlyArray<{ id: string; allowedOrigins: string[] }>,
  timeZone: string,
): Promise<Map<string, Refusal[]>> {
  const out = new Map<string, Refusal[]>(siteRows.map((s) => [s.id, []]));
  if (siteRows.length === 0) return out;
  const rows = await deps.db
    .select({ siteId: refusedOrigins.siteId, origin: refusedOrigins.origin, count: refusedOrigins.count })
    .from(refusedOrigins)
    .where(and(inArray(refusedOrigins.siteId, siteRows.map((s) => s.id)), eq(refusedOrigins.day, today(deps, timeZone))))
    .orderBy(desc(refusedOrigins.count), refusedOrigins.origin);
  for (const r of rows) {
    const site = siteRows.find((s) => s.id === r.siteId)!;
    if (!originMatches(site.allowedOrigins, r.origin)) out.get(r.siteId)!.push({ origin: r.origin, count: r.count });
  }
  return out;
}
