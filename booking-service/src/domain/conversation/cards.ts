/**
 * Cards: the rich messages of the transcript (a booking, a quote, a hand-off), built from facts
 * read in this turn and the site config, with every text already in the conversation's language.
 */
import { zoneWords } from '@frontdesk/shared';
import { labelled } from '../messages/icu.js';
import type { Lang } from '../messages/types.js';
import type { QuoteTree } from '../quote/quote-tree-schema.js';
import { localize } from '../quote/localized-text.js';
import { ownerText, type EngineContext } from './context.js';
import type { BookingFacts } from './effects.js';
import type { AgreedPrice, Card, PriceView } from './protocol.js';
import { serviceName } from './names.js';
import { priceWords, type Price } from './words/format.js';

const MIN = 60_000;

export function agreedPrice(price: Price, currency: string, summary: string | null, lang: Lang): AgreedPrice {
  const view: PriceView = price.kind === 'fixed' ? { kind: 'fixed', amount: price.amount, currency } : { kind: 'range', min: price.min, max: price.max, currency };
  return { price: view, summary, display: priceWords(price, currency, lang) };
}

function link(ctx: EngineContext, path: string, token: string): string {
  return `${ctx.publicUrl.replace(/\/+$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

/**
 * The booking as it is now. Its price: the one stored with it, else the quote it was booked from,
 * else the service's price list.
 */
export function bookingCard(ctx: EngineContext, b: BookingFacts, lang: Lang, quoted?: { price: number; summary: string } | null): Card {
  const service = ctx.services.find((s) => s.id === b.serviceId);
  const currency = service?.currency ?? ctx.business.currency;
  const price = b.price
    ? agreedPrice(b.price, currency, b.priceSummary, lang)
    : quoted
      ? agreedPrice({ kind: 'fixed', amount: quoted.price }, currency, quoted.summary, lang)
      : service
        ? agreedPrice(service.price, currency, null, lang)
        : null;
  return {
    kind: 'booking',
    bookingId: b.id,
    status: b.status,
    start: new Date(b.start).toISOString(),
    end: new Date(b.end).toISOString(),
    timeZone: ctx.business.timeZone,
    zoneName: zoneWords(ctx.business.timeZone, lang, b.start),
    serviceName: serviceName(ctx, b.serviceId, lang),
    staffName: b.staffName,
    address: ctx.business.address,
    whatToBring: ownerText(ctx, ctx.business.whatToBring, lang),
    price,
    changeableUntil: b.status === 'confirmed' ? new Date(b.start - ctx.business.cancellationWindowMin * MIN).toISOString() : null,
    icsUrl: link(ctx, '/booking.ics', b.manageToken),
    manageUrl: link(ctx, '/manage', b.manageToken),
    ...(b.telegramUrl && b.status === 'confirmed' ? { telegramUrl: b.telegramUrl } : {}),
  };
}

/**
 * One line naming what was chosen: "Haircut · Women's · Long (below the shoulders)". Choice
 * answers by their label; number answers with what they count ("Number of teeth: 2").
 */
export function quoteSummary(tree: QuoteTree, answers: Record<string, string | number>, lang: Lang): string {
  const parts = [localize(tree.title, lang, tree.defaultLang)];
  for (const q of tree.questions) {
    const a = answers[q.id];
    if (a === undefined) continue;
    if (q.type === 'choice') {
      const o = q.options.find((x) => x.id === a);
      if (o) parts.push(localize(o.label, lang, tree.defaultLang));
    } else {
      const unit = q.unit ? ` ${localize(q.unit, lang, tree.defaultLang)}` : '';
      parts.push(labelled(lang, localize(q.factor ?? q.text, lang, tree.defaultLang), `${a}${unit}`));
    }
  }
  return parts.join(' · ');
}

export function quoteCard(tree: QuoteTree, stage: 'range' | 'final', price: Price, summary: string, factors: string[], serviceId: string | null, lang: Lang): Card {
  return { kind: 'quote', treeId: tree.id, stage, price: agreedPrice(price, tree.currency, summary, lang), factors, serviceId };
}
