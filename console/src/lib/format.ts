/** Intl formatting in the UI's locale and the business's time zone (no date library). */
import { DRAM_SIGN, hasGlyph, withoutDramSign, type Lang } from '@frontdesk/shared';
import { niceScale } from './chart-scale.js';

const langOf = (locale: string): Lang => (locale.startsWith('ru') ? 'ru' : locale.startsWith('hy') ? 'hy' : 'en');

/** "9:00 AM" in English (the widget's 12-hour clock), "09:00" in Russian and Armenian (24 hours). */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** A 'YYYY-MM-DD' calendar date as "Mon, 16 Nov" (computed at UTC noon: no zone can shift it). */
export function formatDay(date: string, locale: string, long = false): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Amounts; the dram sign ֏ becomes "դր."/"драм"/"AMD" where the reader's fonts lack it (shared/dram-sign.ts). */
export function formatMoney(amount: number, currency: string, locale: string, signDrawn: (ch: string) => boolean = hasGlyph): string {
  try {
    const text = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
    return text.includes(DRAM_SIGN) && !signDrawn(DRAM_SIGN) ? withoutDramSign(text, langOf(locale)) : text;
  } catch {
    return `${amount} ${currency}`;
  }
}

/** 0.256 → "25.6 %" (locale spacing); null → "—". */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/**
 * Response times on one scale: the unit (seconds, minutes, hours) is chosen from `max` (a chart's
 * top tick, or the value itself), with a decimal only where the numbers need one, in the UI's
 * language ("42 с", "3,5 мин", "0.5 s" rather than "0 s" on every tick); null → "—".
 */
export function responseFormat(max: number, locale = 'en-US'): (ms: number | null) => string {
  const [unit, size] = max < 60_000 ? (['second', 1000] as const) : max < 3_600_000 ? (['minute', 60_000] as const) : (['hour', 3_600_000] as const);
  const f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: max / size < 10 ? 1 : 0 });
  return (ms) => (ms === null ? '—' : f.format(ms / size));
}

/** One response time, in its own unit: "42 s", "3.5 min", "2 h"; null → "—". */
export function formatResponse(ms: number | null, locale = 'en-US'): string {
  return responseFormat(ms ?? 0, locale)(ms);
}

const UNITS = [
  ['second', 1000],
  ['minute', 60_000],
  ['hour', 3_600_000],
] as const;

/**
 * A response-time axis: the unit chosen from the largest value, ticks at 1-2-5 steps counted in
 * that unit (never thousandths of a second), at least one whole unit tall (all zeros: 0 … 1 s), and
 * as many decimals as the step needs, so no two ticks read the same ("0 s" on every tick was the
 * bug). Ticks and max are in ms, for the chart's geometry.
 *
 * @example durationAxis([0, 0], 'ru-RU') // → { max: 1000, ticks: [0, 500, 1000], format: 0 → "0 с", 500 → "0,5 с", 1000 → "1 с" }
 */
export function durationAxis(valuesMs: readonly number[], locale = 'en-US', ticks = 4): { max: number; ticks: number[]; format: (ms: number) => string } {
  const top = Math.max(0, ...valuesMs.filter((v) => Number.isFinite(v)));
  const [unit, size] = UNITS.find((_, i) => i === UNITS.length - 1 || top < (UNITS[i + 1]?.[1] ?? Infinity)) ?? UNITS[0];
  const scale = niceScale([Math.max(top / size, 1)], ticks);
  const step = scale.ticks[1] ?? 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', minimumFractionDigits: 0, maximumFractionDigits: decimals });
  return { max: scale.max * size, ticks: scale.ticks.map((v) => v * size), format: (ms) => f.format(ms / size) };
}
