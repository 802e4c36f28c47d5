/**
 * The engine's view of a site (domain/conversation/context.ts), read once per site and kept in
 * the config cache (a few seconds), like everything slot search reads — the business's closed days
 * too, so the knowledge base's opening-hours answer knows them without a query per turn. Quote trees are validated
 * here: a tree that no longer validates is left out rather than half-run.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import { addDays, utcToZoned } from '@frontdesk/shared';
import { businessClosures, serviceStaff, services, staff } from '../../adapters/db/schema.js';
import type { EngineContext } from '../../domain/conversation/context.js';
import { quoteTreeSchema, type QuoteTree } from '../../domain/quote/index.js';
import type { Deps } from '../deps.js';
import { cached, type SiteContext } from '../site.js';
import { loadIntentQualifications, loadQualifications } from '../qualification/qualifications.js';
import { assistantFor } from '../assistant/settings.js';

export type SiteEngineContext = Omit<EngineContext, 'now'>;

export async function engineContext(deps: Deps, site: SiteContext, now: Date): Promise<EngineContext> {
  // The assistant is on when the business's own settings say so, else when the operator configured it (env AI_*).
  const [c, assistant] = await Promise.all([
    cached(deps, `engine:${site.site.id}`, () => load(deps, site)),
    deps.assistantRuntime ? assistantFor(deps, site.business.id) : deps.assistant,
  ]);
  return { ...c, now: now.getTime(), ...(assistant ? { assistant: true } : {}) };
}

async function load(deps: Deps, { site, business }: SiteContext): Promise<SiteEngineContext> {
  // Closures from yesterday on (the cache keeps this a few seconds; a day's margin covers the zone).
  const since = addDays(utcToZoned(deps.clock.now().getTime(), business.timeZone).date, -1);
  const [serviceRows, staffRows, links, qualification, intentQualification, closures] = await Promise.all([
    deps.db.select().from(services).where(and(eq(services.businessId, business.id), eq(services.active, true))).orderBy(asc(services.sort), asc(services.id)),
    deps.db.select().from(staff).where(and(eq(staff.businessId, business.id), eq(staff.active, true))).orderBy(asc(staff.sort), asc(staff.id)),
    deps.db.select().from(serviceStaff).where(eq(serviceStaff.businessId, business.id)),
    loadQualifications(deps.db, business.id),
    loadIntentQualifications(deps.db, business.id),
    deps.db
      .select({ from: businessClosures.startsOn, to: businessClosures.endsOn })
      .from(businessClosures)
      .where(and(eq(businessClosures.businessId, business.id), gte(businessClosures.endsOn, since)))
      .orderBy(asc(businessClosures.startsOn)),
  ]);
  const order = new Map(staffRows.map((s, i) => [s.id, i]));
  const trees = (site.widget.quoteTrees ?? []).flatMap((raw): QuoteTree[] => {
    const parsed = quoteTreeSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    publicUrl: deps.publicUrl,
    business: {
      name: business.name,
      address: business.address,
      phone: business.phone,
      timeZone: business.timeZone,
      currency: business.currency,
      languages: business.languages,
      defaultLang: business.defaultLang,
      cancellationWindowMin: business.cancellationWindowMin,
      holdMinutes: business.holdMinutes,
      horizonDays: business.horizonDays,
      whatToBring: business.whatToBring ?? null,
      openingHours: business.openingHours,
      closures,
    },
    services: serviceRows.map((s) => ({
      id: s.id,
      names: s.names,
      descriptions: s.descriptions ?? null,
      durationMin: s.durationMin,
      price: s.priceMax !== null && s.priceMax !== s.priceMin ? { kind: 'range', min: s.priceMin, max: s.priceMax } : { kind: 'fixed', amount: s.priceMin },
      currency: s.currency,
      staffIds: links
        .filter((l) => l.serviceId === s.id && order.has(l.staffId))
        .map((l) => l.staffId)
        .sort((a, b) => order.get(a)! - order.get(b)!),
    })),
    staff: staffRows.map((s) => ({ id: s.id, name: s.name })),
    greeting: site.widget.greeting ?? null,
    intents: site.widget.intents,
    quoteTrees: trees,
    qualification,
    intentQualification,
    // Every business takes a waiting list (flows/waitlist.ts, services/waitlist/).
    waitlist: true,
  };
}
