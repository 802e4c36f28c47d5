/**
 * Values as each language writes them, through Intl with an explicit zone (a pure function of
 * its inputs): days, instants, money, durations, lists. Messages (words/index.ts) only fill
 * these in; they never build a date or a price out of pieces.
 */
import type { Lang } from '../../messages/types.js';
import { isoWeekday, type IsoWeekday, type LocalDate, utcToZoned } from '@frontdesk/shared';

/** en-US for the 12-hour clock the New York barber's visitors read; ru and hy use 24 hours. */
export const LOCALES: Record<Lang, string> = { ru: 'ru-RU', hy: 'hy-AM', en: 'en-US' };

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

/** Building an Intl formatter costs ~0.1 ms, using one microseconds: each is built once. */
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let f = formats.get(key) as T | undefined;
  if (!f) formats.set(key, (f = make()));
  return f;
}

const dtf = (lang: Lang, o: Intl.DateTimeFormatOptions) =>
  memo(`d${lang}${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(LOCALES[lang], o));

/** A business-local calendar day in words: what `{wd}`, `{date}` and `{day}` of a message take. */
export interface DayWords {
  /** ISO weekday, for `select`s that decline it ("в среду", "до среды"). */
  wd: IsoWeekday;
  /** "March 4", "4 марта", "մարտի 4". */
  date: string;
  /** "Wednesday, March 4", "среда, 4 марта". */
  day: string;
}

export interface InstantWords extends DayWords {
  /** "3:00 PM", "15:00". */
  time: string;
  /** "Wednesday, March 4 at 3:00 PM", "среда, 4 марта в 15:00". */
  when: string;
}

/** A calendar day is formatted as that day at noon UTC, so no zone can move it. */
export function dayWords(date: LocalDate, lang: Lang): DayWords {
  const noon = Date.parse(`${date}T12:00:00Z`);
  return {
    wd: isoWeekday(date),
    date: dtf(lang, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(noon),
    day: dtf(lang, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(noon),
  };
}

export function instantWords(epochMs: number, timeZone: string, lang: Lang): InstantWords {
  return {
    ...dayWords(utcToZoned(epochMs, timeZone).date, lang),
    time: dtf(lang, { timeZone, hour: 'numeric', minute: '2-digit' }).format(epochMs),
    when: dtf(lang, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(epochMs),
  };
}

const moneyFormat = (lang: Lang, currency: string) =>
  memo(`m${lang}${currency}`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }));

export type Price = { kind: 'fixed'; amount: number } | { kind: 'range'; min: number; max: number };

/** "4 500 ₽", "$45", "2 500–4 500 ₽". Amounts are in the currency's major unit. */
export function priceWords(p: Price, currency: string, lang: Lang): string {
  const f = moneyFormat(lang, currency);
  return p.kind === 'fixed' || p.min === p.max ? f.format(p.kind === 'fixed' ? p.amount : p.min) : f.formatRange(p.min, p.max);
}

/** "1 hour", "2 часа 30 минут", "45 րոպե". */
export function durationWords(minutes: number, lang: Lang): string {
  const unit = (u: 'hour' | 'minute', n: number) =>
    memo(`u${lang}${u}`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: u, unitDisplay: 'long' })).format(n);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [...(h ? [unit('hour', h)] : []), ...(m || !h ? [unit('minute', m)] : [])];
  return memo(`lu${lang}`, () => new Intl.ListFormat(LOCALES[lang], { type: 'unit', style: 'long' })).format(parts);
}

/** "length, technique and density" / "длина, техника и густота". */
export function listWords(items: readonly string[], lang: Lang): string {
  return memo(`lc${lang}`, () => new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' })).format(items);
}
