/**
 * Sites (where the widget is embedded) as the owner edits them: allowed origins, widget look,
 * and the one-line snippet to paste (format: widget/README.md).
 */
import { escapeHtml, type Localized } from '@frontdesk/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { sites, type WidgetConfigJson } from '../../adapters/db/schema.js';
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
}

type SiteRow = typeof sites.$inferSelect;

export function snippetFor(publicUrl: string, siteKey: string): string {
  return `<script src="${escapeHtml(publicUrl)}/widget.js" data-site="${escapeHtml(siteKey)}" async></script>`;
}

function view(deps: Pick<Deps, 'publicUrl'>, r: SiteRow): SiteView {
  return {
    id: r.id,
    siteKey: r.siteKey,
    allowedOrigins: r.allowedOrigins,
    widget: { color: r.widget.color, position: r.widget.position, greeting: r.widget.greeting, intents: r.widget.intents },
    snippet: snippetFor(deps.publicUrl, r.siteKey),
    // A page of this service that embeds the widget (http/console.ts): same origin, so allowed.
    previewUrl: `${deps.publicUrl}/console/preview?site=${encodeURIComponent(r.siteKey)}`,
  };
}

export async function listSites(deps: Pick<Deps, 'db' | 'publicUrl'>, businessId: string): Promise<SiteView[]> {
  const rows = await deps.db.select().from(sites).where(eq(sites.businessId, businessId)).orderBy(asc(sites.id));
  return rows.map((r) => view(deps, r));
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

export async function saveSite(deps: Pick<Deps, 'db' | 'publicUrl' | 'configCache'>, businessId: string, input: SiteInput): Promise<Result<SiteView>> {
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
  return ok(view(deps, saved!));
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
