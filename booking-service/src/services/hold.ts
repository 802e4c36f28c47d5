/**
 * Holding a slot while the visitor types their contact details.
 *
 * The slot check and the reservation are one INSERT (the booking store's placeHold): the row's occupied range is guarded by
 * the exclusion constraint, so of any number of racing requests (in any number of service
 * processes) exactly one wins and the others get an exclusion violation → SLOT_TAKEN.
 * The engine check before it only filters out times that were never bookable
 * (outside hours, too soon) and gives the losers their alternatives.
 */
import { utcToZoned, type BookingChannel, type Lang } from '@frontdesk/shared';
import { quotedPrice, servicePrice, type PriceSnapshot } from '../domain/booking/price.js';
import { evaluateQuote, quoteTreeSchema } from '../domain/quote/index.js';
import { bookingRange } from '../domain/booking/rules.js';
import { placeHold } from './booking-store/store.js';
import type { Deps } from './deps.js';
import { ok, type Result } from './result.js';
import { unavailable } from './unavailable.js';
import { nearestSlots, searchSlots } from './slots.js';
import { cachedPickStaff, cachedService, openSite, type ServiceRow, type SiteRow } from './site.js';
import { newHoldToken } from './tokens.js';
import { startOutsideHorizon } from './booking-window.js';

const MIN = 60_000;

export interface HoldInput {
  siteKey: string;
  serviceId: string;
  staffId?: string | undefined;
  start: string;
  /** The widget conversation (KPI join key); confirm keeps it on the booking. */
  conversationId?: string | undefined;
  /** The quote the visitor was given for this service: its final price becomes the booking's. */
  quote?: { treeId: string; answers: Record<string, string | number> } | undefined;
  lang?: Lang | undefined;
  /** Set by the server, never by a client: the REST API books as `api`. */
  channel?: BookingChannel | undefined;
}

export interface HoldView {
  holdToken: string;
  expiresAt: string;
  staffId: string;
}

export async function holdSlot(deps: Deps, input: HoldInput, origin: string | undefined): Promise<Result<HoldView>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const { business, site: siteRow } = site.value;
  const far = startOutsideHorizon(business, deps.clock.now(), input.start, 'start');
  if (far) return far;
  // From the config cache, like the search the visitor just made (no re-read per hold); the
  // database still refuses an overlap, a closed day, an expired or reused hold on its own.
  const [service, staffRows] = await Promise.all([
    cachedService(deps, business.id, input.serviceId),
    cachedPickStaff(deps, business.id, input.serviceId, input.staffId),
  ]);
  if (!service.ok) return service;
  if (!staffRows.ok) return staffRows;

  const start = Date.parse(input.start);
  const date = utcToZoned(start, business.timeZone).date;
  const free = await searchSlots(deps, business, service.value, staffRows.value, date, 1);
  const slot = free.find((s) => s.start === start);

  // Not free: closed that day, outside the opening hours, or taken — with the nearest free times.
  const taken = async () =>
    unavailable(deps.db, business, bookingRange(service.value, start), {
      alternatives: await nearestSlots(deps, business, service.value, staffRows.value, start),
    });
  if (!slot) return taken();

  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + business.holdMinutes * MIN);
  const price = agreedPrice(siteRow, service.value, input.quote, input.lang ?? business.defaultLang);
  for (const staffId of slot.staffIds) {
    const { token, hash } = newHoldToken();
    const held = await placeHold(
      deps.db,
      {
        businessId: business.id,
        siteId: siteRow.id,
        serviceId: service.value.id,
        staffId,
        ...bookingRange(service.value, start),
        holdExpiresAt: expiresAt,
        holdTokenHash: hash,
        conversationId: input.conversationId ?? null,
        price,
        ...(input.channel ? { channel: input.channel } : {}),
      },
      now,
    );
    if (held.ok) return ok({ holdToken: token, expiresAt: expiresAt.toISOString(), staffId });
    // Closed meanwhile (the owner just closed the day): closed for everyone, say so.
    if (held.reason === 'CLOSED') return taken();
    if (held.reason !== 'SLOT_TAKEN') return held;
  }
  return taken();
}

/**
 * The price the visitor agreed to: a quote tree's final price for this very service, else the
 * service's price now. Re-evaluated here from the site's tree, never taken from the client.
 */
function agreedPrice(site: SiteRow, service: ServiceRow, quote: HoldInput['quote'], lang: Lang): PriceSnapshot {
  if (quote) {
    const raw = (site.widget.quoteTrees as Array<{ id?: unknown }>).find((t) => t.id === quote.treeId);
    const tree = raw ? quoteTreeSchema.safeParse(raw) : undefined;
    if (tree?.success) {
      const r = evaluateQuote(tree.data, quote.answers, lang);
      if (r.kind === 'final' && r.serviceId === service.id) return quotedPrice(r);
    }
  }
  return servicePrice(service);
}
