/** Intl formatting in the UI's locale and the business's time zone (no date library). */
import { DRAM_SIGN, hasGlyph, withoutDramSign, type Lang } from '@frontdesk/shared';
import { niceScale } from './chart-scale.js';

const langOf = (locale: string): Lang => (locale.startsWith('ru') ? 'ru' : locale.startsWith('hy') ? 'hy' : 'en');

/**
 * Armenian dates from words of our own: Chromium ships no Armenian locale data (Intl answers in
 * English: "Mon, Dec 7", "9:00 AM"), and where a browser has it, CLDR writes "դեկ 7, երկ". Here:
 * "երկ, 7 դեկ", "երկուշաբթի, 7 դեկտեմբերի" (month in the genitive), the same in every browser.
 */
const HY = {
  weekdays: ['երկուշաբթի', 'երեքշաբթի', 'չորեքշաբթի', 'հինգշաբթի', 'ուրբաթ', 'շաբաթ', 'կիրակի'],
  weekdaysShort: ['երկ', 'երք', 'չրք', 'հնգ', 'ուրբ', 'շբթ', 'կիր'],
  months: ['հունվարի', 'փետրվարի', 'մարտի', 'ապրիլի', 'մայիսի', 'հունիսի', 'հուլիսի', 'օգոստոսի', 'սեպտեմբերի', 'հոկտեմբերի', 'նոյեմբերի', 'դեկտեմբերի'],
  monthsShort: ['հնվ', 'փտվ', 'մրտ', 'ապր', 'մյս', 'հնս', 'հլս', 'օգս', 'սեպ', 'հոկ', 'նոյ', 'դեկ'],
  units: { second: 'վրկ', minute: 'ր', hour: 'ժ' },
};

/** Armenian numbers and clock times follow the Russian conventions they share (24 hours, "3,5"), as the widget does. */
const intlLocale = (locale: string) => (langOf(locale) === 'hy' ? 'ru-RU' : locale);

/** "9:00 AM" in English (the widget's 12-hour clock), "9:00" in Russian and Armenian (24 hours). */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

function hyDay(date: string, long: boolean): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return long ? `${HY.weekdays[wd]}, ${d} ${HY.months[m - 1]}` : `${HY.weekdaysShort[wd]}, ${d} ${HY.monthsShort[m - 1]}`;
}

/** A 'YYYY-MM-DD' calendar date as "Mon, 16 Nov" (computed at UTC noon: no zone can shift it). */
export function formatDay(date: string, locale: string, long = false): string {
  if (langOf(locale) === 'hy') return hyDay(date, long);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  if (langOf(locale) === 'hy') {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return `${d} ${HY.monthsShort[m - 1]} ${y} թ., ${formatTime(iso, timeZone, locale)}`;
  }
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
  const f = unitFormat(locale, unit, max / size < 10 ? 1 : 0);
  return (ms) => (ms === null ? '—' : f(ms / size));
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
  const f = unitFormat(locale, unit, decimals);
  return { max: scale.max * size, ticks: scale.ticks.map((v) => v * size), format: (ms) => f(ms / size) };
}

/** "3,5 мин", "42 sec"; Armenian with its own short unit words (Chromium has none: "0 sec" otherwise). */
function unitFormat(locale: string, unit: 'second' | 'minute' | 'hour', decimals: number): (n: number) => string {
  if (langOf(locale) === 'hy') {
    const n = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: decimals });
    return (v) => `${n.format(v)} ${HY.units[unit]}`;
  }
  const f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: decimals });
  return (v) => f.format(v);
}
