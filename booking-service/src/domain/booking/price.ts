/**
 * What was agreed is kept: a booking stores the price the visitor was quoted, as a snapshot
 * (later price edits don't change it). From a quote tree: its final price and the chosen options
 * (the tree's summary line); without a quote: the service's price (fixed or a range) at booking time.
 */
import { withoutDramSign, type Lang } from '@frontdesk/shared';
import { priceWords } from '../conversation/words/format.js';

export interface PriceSnapshot {
  source: 'quote' | 'service';
  /** In the currency's major unit; max null = a fixed price. */
  min: number;
  max: number | null;
  currency: string;
  /** Quotes: "Hair coloring: Hair length: Long; …", as the visitor saw it. */
  summary?: string | undefined;
}

export function servicePrice(s: { priceMin: number; priceMax: number | null; currency: string }): PriceSnapshot {
  return { source: 'service', min: s.priceMin, max: s.priceMax !== null && s.priceMax !== s.priceMin ? s.priceMax : null, currency: s.currency };
}

export function quotedPrice(q: { price: number; currency: string; summary: string }): PriceSnapshot {
  return { source: 'quote', min: q.price, max: null, currency: q.currency, summary: q.summary };
}

/**
 * "4 500 ₽", "$45–$60", with the quote's options after it: how every page and message shows it.
 * The dram sign ֏ is written as "դր."/"драм"/"AMD" (shared/dram-sign.ts): e-mails, SMS, calendar
 * events and this service's script-free pages cannot tell whether the reader's fonts draw it (the
 * console and the widget can, and keep it where they do).
 */
export function priceText(p: PriceSnapshot, lang: Lang): string {
  const amount = amountText(p, lang);
  return p.summary ? `${amount} (${p.summary})` : amount;
}

/** The amount alone ("7 350 драм"), for a text message too short for the options. */
export function amountText(p: PriceSnapshot, lang: Lang): string {
  return withoutDramSign(priceWords(p.max === null ? { kind: 'fixed', amount: p.min } : { kind: 'range', min: p.min, max: p.max }, p.currency, lang), lang);
}
