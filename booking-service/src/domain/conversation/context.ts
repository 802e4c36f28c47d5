/**
 * What the engine knows about the business it speaks for, and the time: its only inputs besides
 * the conversation state and the visitor's event. The service builds it from the site config
 * (cached); tests build it by hand. Owner-written texts stay `{ ru?, hy?, en? }` until rendered.
 */
import type { QuoteTree } from '../quote/quote-tree-schema.js';
import type { Lang } from '@frontdesk/shared';
import { localize, type LocalizedText } from '../quote/localized-text.js';
import type { Price } from './words/format.js';
import type { IntentId } from './protocol.js';
import type { QualIntent, Qualification } from '../qualification/qualification.js';

export interface EngineService {
  id: string;
  names: LocalizedText;
  durationMin: number;
  price: Price;
  currency: string;
  /** Active staff who perform it, in display order. */
  staffIds: string[];
  /** The owner's description (the knowledge base answers "what is …?" with it). */
  descriptions?: LocalizedText | null | undefined;
}

export interface EngineStaff {
  id: string;
  name: string;
}

export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<{ start: string; end: string }>>>;

export interface EngineContext {
  /** The instant of this turn, epoch ms. */
  now: number;
  /** This service's public origin: the manage and calendar links point here. */
  publicUrl: string;
  business: {
    name: string;
    address: string;
    phone: string | null;
    timeZone: string;
    currency: string;
    languages: Lang[];
    defaultLang: Lang;
    cancellationWindowMin: number;
    holdMinutes: number;
    horizonDays: number;
    whatToBring: LocalizedText | null;
    openingHours: WeeklyHours;
    /** Days the business closed (business_closures, inclusive 'YYYY-MM-DD' ranges) from about today on; absent = none known. */
    closures?: ReadonlyArray<{ from: string; to: string }> | undefined;
  };
  services: EngineService[];
  staff: EngineStaff[];
  /** The owner's greeting; null = the bot's own. */
  greeting: LocalizedText | null;
  /** The intent menu in the owner's order; a label only where the owner wrote one. */
  intents: Array<{ id: IntentId; label?: LocalizedText | undefined }>;
  /** Valid trees only (the service drops a tree that no longer validates). */
  quoteTrees: QuoteTree[];
  /**
   * A follow-up was sent and not answered yet (services/follow-ups): "no thanks" answers it and
   * closes the lead even where text would otherwise go to staff.
   */
  followedUp?: boolean | undefined;
  /** The owner's qualification questions by service id (flows/qualify.ts); absent = none anywhere. */
  qualification?: Record<string, Qualification> | undefined;
  /** The owner's questions before a price or a person (flows/qualify.ts); absent = none. */
  intentQualification?: Partial<Record<QualIntent, Qualification>> | undefined;
  /**
   * The business takes a waiting list (`waitlist:join` is handled: flows/waitlist.ts). Until it
   * is, qualification never offers it.
   */
  waitlist?: boolean | undefined;
  /** The optional AI assistant is on (issue 18): text nothing else answered goes to it (flows/knowledge.ts). */
  assistant?: boolean | undefined;
}

/** An owner's text in the visitor's language, else the business's, else any; null when there is none. */
export function ownerText(ctx: EngineContext, text: LocalizedText | null | undefined, lang: Lang): string | null {
  if (!text) return null;
  return localize(text, lang, ctx.business.defaultLang) || null;
}

/**
 * The language to speak: the one asked for if the business offers it, else the visitor's next
 * preference it offers, else the business's own.
 */
export function negotiateLang(ctx: Pick<EngineContext, 'business'>, asked: string | undefined, prefs: readonly string[] = []): Lang {
  const offered = ctx.business.languages;
  const fit = [asked, ...prefs]
    .map((p) => p?.slice(0, 2).toLowerCase())
    .find((p): p is Lang => p !== undefined && (offered as string[]).includes(p));
  return fit ?? ctx.business.defaultLang;
}

export const findService = (ctx: EngineContext, id: string | null | undefined) => ctx.services.find((s) => s.id === id);
export const findStaff = (ctx: EngineContext, id: string | null | undefined) => ctx.staff.find((s) => s.id === id);
export const findTree = (ctx: EngineContext, id: string | null | undefined) => ctx.quoteTrees.find((t) => t.id === id);
