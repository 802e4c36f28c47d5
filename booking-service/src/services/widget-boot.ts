/**
 * The widget loader's first request: what it needs before it shows anything — the site's brand
 * colour and side (when the snippet carries no data-color / data-position) and whether this page's
 * origin may use the site. Any page may read the answer (it says nothing private), so a page on an
 * origin the site does not allow still gets its launcher and can tell the visitor the truth,
 * instead of failing on CORS like a network error. Each refusal is counted for the owner.
 */
import { recordRefusal } from './refused-origins.js';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';
import { findSite, isOriginAllowed } from './site.js';

export interface WidgetBoot {
  allowed: boolean;
  color: string;
  position: 'right' | 'left';
}

/** @example await widgetBoot(deps, 'demo-salon-spb', 'https://shop.example') // ok({ allowed: false, color: '#7c3aed', position: 'right' }) */
export async function widgetBoot(deps: Deps, siteKey: string, origin: string | undefined): Promise<Result<WidgetBoot>> {
  const row = await findSite(deps, siteKey);
  if (!row) return fail('SITE_NOT_FOUND', `No site with key "${siteKey}"`, { field: 'site' });
  const allowed = isOriginAllowed(deps, row.site, origin);
  if (!allowed && origin) await recordRefusal(deps, row.site.id, row.business.timeZone, origin);
  return ok({ allowed, color: row.site.widget.color, position: row.site.widget.position });
}
