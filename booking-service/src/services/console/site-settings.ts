/**
 * Sites (where the widget is embedded) as the owner edits them: allowed origins, widget look,
 * and the one-line snippet to paste (format: widget/README.md).
 */
import { escapeHtml, type Localized } from '@frontdesk/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { businesses, sites, type WidgetConfigJson } from '../../adapters/db/schema.js';
import { normaliseOrigin, originMatches } from '../../domain/origin.js';
import { refusalsToday, type Refusal } from '../refused-origins.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../adapters/db/errors.js';

export interface SiteView {
  id: string;
  siteKey: string;
  allowedOrigins: string[];
  widget: { color: string; position: 'right' | 'left'; greeting: Localized; intents: WidgetConfigJson['intents'] };
  snippet: string;
  previewUrl: string;
  /** Origins the widget was refused on today (the business's day), most frequent first; allowed ones left out. */
  refused: Refusal[];
}

type SiteRow = typeof sites.$inferSelect;

/**
 * The tag the owner pastes. It carries the brand colour and side, so the launcher shows them from
 * its first paint, before any request (an explicit data-* wins over the site's setting: after
 * changing them, the owner copies the snippet again — the Sites page says so).
 */
export function snippetFor(publicUrl: string, siteKey: string, look: { color: string; position: 'right' | 'left' }): string {
  return `<script src="${escapeHtml(publicUrl)}/widget.js" data-site="${escapeHtml(siteKey)}" data-color="${escapeHtml(look.color)}" data-position="${look.position}" async></script>`;
}

function view(deps: Pick<Deps, 'publicUrl'>, r: SiteRow, refused: Refusal[] = []): SiteView {
  return {
    id: r.id,
    siteKey: r.siteKey,
    allowedOrigins: r.allowedOrigins,
    widget: { color: r.widget.color, position: r.widget.position, greeting: r.widget.greeting, intents: r.widget.intents },
    snippet: snippetFor(deps.publicUrl, r.siteKey, r.widget),
    // A page of this service that embeds the widget (http/console.ts): same origin, so allowed.
    previewUrl: `${deps.publicUrl}/console/preview?site=${encodeURIComponent(r.siteKey)}`,
    refused,
  };
}

/** The views of a business's sites with today's refused origins. */
async function viewsOf(deps: Pick<Deps, 'db' | 'publicUrl' | 'clock'>, businessId: string, rows: SiteRow[]): Promise<SiteView[]> {
  const [biz] = await deps.db.select({ tz: businesses.timeZone }).from(businesses).where(eq(businesses.id, businessId));
  const refused = await refusalsToday(deps, rows, biz!.tz);
  return rows.map((r) => view(deps, r, refused.get(r.id)));
}

export async function listSites(deps: Pick<Deps, 'db' | 'publicUrl' | 'clock'>, businessId: string): Promise<SiteView[]> {
  const rows = await deps.db.select().from(sites).where(eq(sites.businessId, businessId)).orderBy(asc(sites.id));
  return viewsOf(deps, businessId, rows);
}

/** The site row if it belongs to the business. */
export async function ownSite(deps: Pick<Deps, 'db'>, businessId: string, siteId: string): Promise<SiteRow | undefined> {
  return (await deps.db.select().from(sites).where(and(eq(sites.id, siteId), eq(sites.businessId, businessId))))[0];
}

export interface SiteInput {
  id: string;
  allowedOrigins: string[];
  color: string;
  position: 'right' | 'left';
  greeting: Localized;
  /** The menu in display order (validated by the router: known ids, no repeats, at least one); absent = unchanged. */
  intents?: WidgetConfigJson['intents'] | undefined;
}

export async function saveSite(deps: Pick<Deps, 'db' | 'publicUrl' | 'configCache' | 'clock'>, businessId: string, input: SiteInput): Promise<Result<SiteView>> {
  const row = await ownSite(deps, businessId, input.id);
  if (!row) return fail('SITE_NOT_FOUND', 'No such site', { field: 'id' });
  const intents = input.intents?.map((i) => (i.label ? { id: i.id, label: i.label } : { id: i.id })) ?? row.widget.intents;
  const widget = { ...row.widget, color: input.color, position: input.position, greeting: input.greeting, intents };
  const [saved] = await deps.db
    .update(sites)
    .set({ allowedOrigins: input.allowedOrigins, widget })
    .where(and(eq(sites.id, input.id), eq(sites.businessId, businessId)))
    .returning();
  // The owner is looking at the preview: don't let this process serve the old config for its TTL.
  deps.configCache?.clear();
  return ok((await viewsOf(deps, businessId, [saved!]))[0]!);
}

/** Most origins a site may list (the router's limit too). */
export const MAX_ALLOWED_ORIGINS = 20;

/**
 * The Sites page's one-click "allow" for a refused origin: adds it to the site's allowed origins
 * (normalised; already allowed = unchanged). The widget there works on its next page view.
 */
export async function allowOrigin(deps: Pick<Deps, 'db' | 'publicUrl' | 'configCache' | 'clock'>, businessId: string, input: { id: string; origin: string }): Promise<Result<SiteView>> {
  const row = await ownSite(deps, businessId, input.id);
  if (!row) return fail('SITE_NOT_FOUND', 'No such site', { field: 'id' });
  const origin = normaliseOrigin(input.origin);
  if (!origin) return fail('INVALID_INPUT', 'use an origin like https://salon.example', { field: 'origin' });
  if (originMatches(row.allowedOrigins, origin)) return ok((await viewsOf(deps, businessId, [row]))[0]!);
  if (row.allowedOrigins.length >= MAX_ALLOWED_ORIGINS) return fail('INVALID_INPUT', `a site allows at most ${MAX_ALLOWED_ORIGINS} origins`, { field: 'origin' });
  const [saved] = await deps.db
    .update(sites)
    .set({ allowedOrigins: sql`${sites.allowedOrigins} || ${JSON.stringify([origin])}::jsonb` })
    .where(and(eq(sites.id, input.id), eq(sites.businessId, businessId)))
    .returning();
  deps.configCache?.clear();
  return ok((await viewsOf(deps, businessId, [saved!]))[0]!);
}

export async function createSite(
  deps: Pick<Deps, 'db' | 'publicUrl'>,
  businessId: string,
  input: { siteKey?: string | undefined; allowedOrigins: string[] },
  brandColor: string,
): Promise<Result<SiteView>> {
  const siteKey = input.siteKey ?? `site-${randomBytes(5).toString('hex')}`;
  const widget: WidgetConfigJson = {
    color: brandColor,
    position: 'right',
    greeting: {
      en: 'Hello! I can tell you prices and book you in — any time of day.',
      ru: 'Здравствуйте! Я помогу узнать цену и записаться — в любое время.',
      hy: 'Բարև Ձեզ։ Կօգնեմ իմանալ գինը և գրանցվել՝ օրվա ցանկացած ժամի։',
    },
    intents: [{ id: 'prices' }, { id: 'book' }, { id: 'human' }, { id: 'my_booking' }, { id: 'other' }],
    quoteTrees: [],
  };
  try {
    const [row] = await deps.db.insert(sites).values({ id: `site_${randomUUID()}`, businessId, siteKey, allowedOrigins: input.allowedOrigins, widget }).returning();
    return ok(view(deps, row!));
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) return fail('SITE_KEY_TAKEN', `Site key "${siteKey}" is taken`, { field: 'siteKey' });
    throw err;
  }
}
