/**
 * `site.get`: everything the widget needs to start a conversation, in one round trip,
 * with texts already in the visitor's language.
 */
import type { IntentId, Lang, Localized, WeeklyHours } from '@frontdesk/shared';
import { and, asc, eq } from 'drizzle-orm';
import { serviceStaff, services, staff } from '../adapters/db/schema.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { cached, openSite } from './site.js';


export interface SiteView {
  siteKey: string;
  lang: Lang;
  business: {
    name: string;
    address: string;
    phone: string | null;
    timeZone: string;
    currency: string;
    languages: Lang[];
    defaultLang: Lang;
    openingHours: WeeklyHours;
    cancellationWindowMin: number;
    minNoticeMin: number;
    horizonDays: number;
    whatToBring: string | null;
  };
  services: Array<{
    id: string;
    name: string;
    description: string | null;
    durationMin: number;
    price: { kind: 'fixed'; amount: number } | { kind: 'range'; min: number; max: number };
    currency: string;
    staffIds: string[];
  }>;
  staff: Array<{ id: string; name: string; timeZone: string }>;
  widget: {
    color: string;
    position: 'right' | 'left';
    greeting: string;
    intents: Array<{ id: IntentId; label: string | null }>;
    quoteTrees: Array<{ id: string; title: string; serviceIds: string[] }>;
  };
}

/** The text in `lang`, else the business default, else any. */
export function pick(text: Localized | null | undefined, lang: Lang, fallback: Lang): string | null {
  if (!text) return null;
  return text[lang] ?? text[fallback] ?? Object.values(text).find((v) => typeof v === 'string') ?? null;
}

export async function getSiteView(deps: Deps, siteKey: string, lang: Lang | undefined, origin: string | undefined): Promise<Result<SiteView>> {
  const opened = await openSite(deps, siteKey, origin);
  if (!opened.ok) return opened;
  const { site, business } = opened.value;
  const l: Lang = lang && business.languages.includes(lang) ? lang : business.defaultLang;
  const d = business.defaultLang;

  const [serviceRows, staffRows, links] = await cached(deps, `site-view:${business.id}`, () => Promise.all([
    deps.db
      .select()
      .from(services)
      .where(and(eq(services.businessId, business.id), eq(services.active, true)))
      .orderBy(asc(services.sort), asc(services.id)),
    deps.db
      .select()
      .from(staff)
      .where(and(eq(staff.businessId, business.id), eq(staff.active, true)))
      .orderBy(asc(staff.sort), asc(staff.id)),
    deps.db.select().from(serviceStaff).where(eq(serviceStaff.businessId, business.id)),
  ]));
  const activeStaff = new Set(staffRows.map((s) => s.id));

  return ok({
    siteKey: site.siteKey,
    lang: l,
    business: {
      name: business.name,
      address: business.address,
      phone: business.phone,
      timeZone: business.timeZone,
      currency: business.currency,
      languages: business.languages,
      defaultLang: d,
      openingHours: business.openingHours,
      cancellationWindowMin: business.cancellationWindowMin,
      minNoticeMin: business.minNoticeMin,
      horizonDays: business.horizonDays,
      whatToBring: pick(business.whatToBring, l, d),
    },
    services: serviceRows.map((s) => ({
      id: s.id,
      name: pick(s.names, l, d) ?? s.id,
      description: pick(s.descriptions, l, d),
      durationMin: s.durationMin,
      price:
        s.priceMax !== null && s.priceMax !== s.priceMin
          ? { kind: 'range' as const, min: s.priceMin, max: s.priceMax }
          : { kind: 'fixed' as const, amount: s.priceMin },
      currency: s.currency,
      staffIds: links.filter((x) => x.serviceId === s.id && activeStaff.has(x.staffId)).map((x) => x.staffId),
    })),
    staff: staffRows.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone ?? business.timeZone })),
    widget: {
      color: site.widget.color,
      position: site.widget.position,
      greeting: pick(site.widget.greeting, l, d) ?? '',
      // Only the visitor's own language: the widget words every intent in ru/hy/en itself, which
      // beats an owner's label in another language (a Russian visitor must not get "Book a chair").
      intents: site.widget.intents.map((i) => ({ id: i.id, label: i.label?.[l] ?? null })),
      quoteTrees: (site.widget.quoteTrees as Array<{ id: string; title?: Localized; name?: Localized; serviceIds?: string[] }>).map(
        (t) => ({ id: t.id, title: pick(t.title ?? t.name, l, d) ?? t.id, serviceIds: t.serviceIds ?? [] }),
      ),
    },
  });
}
