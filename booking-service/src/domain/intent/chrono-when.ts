/**
 * Russian and English date/time understanding via chrono-node, reduced to a WhenExpression.
 *
 * Only chrono's calendar components are read (year, month, day, weekday, hour, minute), never
 * its Date objects: those go through the server's own time zone. The reference carries the
 * business zone's UTC offset at `now`, so chrono's "today" is the business's today.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult, ParsingReference } from 'chrono-node';
import { epochDay } from '@frontdesk/shared';
import { DAY_OF_MONTH_TAG, enDayOfMonthParser, ruDayOfMonthParser } from './day-of-month.js';
import { enQualifiedTimeParser } from './en-time-parsers.js';
import { AFTER_TAG, BEFORE_TAG, rewriteRuDayMonth, ruDayPartParser, ruTimeParser } from './ru-time-parsers.js';
import type { PartOfDay, Weekday, WhenDate, WhenExpression } from './when-expression.js';

/**
 * Ours go FIRST: where chrono's own parser matches the same words ("в 5 вечера"), its overlap
 * removal keeps the earlier of two equally long results, and chrono reads "5 вечера" as 05:00
 * (it only shifts hours ≥ 6 to the evening). Ours read the day-part word for every hour.
 */
function withParsers(base: chrono.Chrono, parsers: chrono.Parser[]): chrono.Chrono {
  const instance = base.clone();
  instance.parsers.unshift(...parsers);
  return instance;
}

// Built once: a Chrono holds only parser and refiner lists, no state between parses.
const parsers = {
  ru: withParsers(chrono.ru.casual, [ruTimeParser, ruDayPartParser, ruDayOfMonthParser]),
  en: withParsers(chrono.en.casual, [enQualifiedTimeParser, enDayOfMonthParser]),
};

/** English words chrono takes for weekdays: "the sun is out", "I sat", "we wed". */
const AMBIGUOUS_WORDS = new Set(['sun', 'sat', 'wed', 'mar', 'may', 'second']);

const PART_OF_DAY_TAGS: Array<[string, PartOfDay]> = [
  ['casualReference/morning', 'morning'],
  ['casualReference/afternoon', 'afternoon'],
  ['casualReference/evening', 'evening'],
  ['casualReference/tonight', 'evening'],
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function calendarDate(result: ParsedResult): WhenDate | undefined {
  const year = result.start.get('year');
  const month = result.start.get('month');
  const day = result.start.get('day');
  if (year === null || month === null || day === null) return undefined;
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  try {
    epochDay(date);
  } catch {
    return undefined; // "31.02"
  }
  return { type: 'calendar', date };
}

function dateOf(result: ParsedResult): WhenDate | undefined {
  const s = result.start;
  if (result.tags().has(DAY_OF_MONTH_TAG)) {
    const day = s.get('day');
    if (day !== null) return { type: 'dayOfMonth', day };
  }
  if (s.isCertain('day')) {
    if (s.isCertain('year')) return calendarDate(result);
    const month = s.get('month');
    const day = s.get('day');
    return month === null || day === null ? undefined : { type: 'monthDay', month, day };
  }
  if (s.isCertain('weekday')) {
    const weekday = s.get('weekday');
    if (weekday === null || weekday < 0 || weekday > 6) return undefined;
    const text = result.text;
    // "last Friday" is in the past: take chrono's date as it is.
    if (/last|прошл/u.test(text)) return calendarDate(result);
    const modifier = /next|следующ/u.test(text) ? 'next' : /this|эт(?:от|у|ой)/u.test(text) ? 'this' : null;
    return { type: 'weekday', weekday: weekday as Weekday, modifier };
  }
  return undefined;
}

function isNoise(result: ParsedResult): boolean {
  const s = result.start;
  if (AMBIGUOUS_WORDS.has(result.text.trim())) return true;
  // "now"/"сейчас" is as often filler ("now, how much…") as a time, and "as soon as possible"
  // is what the slot picker offers when no time is given anyway.
  if (result.tags().has('casualReference/now')) return true;
  // A month on its own ("march", "в мае") names no day to offer slots for.
  const tags = result.tags();
  return !s.isCertain('day') && !s.isCertain('weekday') && !s.isCertain('hour') && !PART_OF_DAY_TAGS.some(([tag]) => tags.has(tag));
}

/** The first date and the first time the results mention (chrono may not merge "Friday, say, at 5"). */
function toExpression(results: ParsedResult[]): WhenExpression | null {
  const expr: WhenExpression = {};
  for (const result of results) {
    if (isNoise(result)) continue;
    const s = result.start;
    const tags = result.tags();
    expr.date ??= dateOf(result);
    if (expr.time !== undefined || expr.partOfDay !== undefined) continue;
    const partOfDay = PART_OF_DAY_TAGS.find(([tag]) => tags.has(tag))?.[1];
    const hour = s.get('hour');
    if (s.isCertain('hour') && hour !== null) {
      expr.time = { hour, minute: s.get('minute') ?? 0, meridiemKnown: s.isCertain('meridiem') || hour >= 13 || hour === 0 };
      expr.partOfDay = partOfDay;
      expr.qualifier = tags.has(AFTER_TAG)
        ? 'after'
        : tags.has(BEFORE_TAG)
          ? 'before'
          : // A range ("3-5pm", "с 15 до 17") means from its start.
            result.end !== undefined && result.end !== null
            ? 'after'
            : undefined;
    } else if (partOfDay !== undefined) {
      expr.partOfDay = partOfDay;
    }
  }
  return expr.date === undefined && expr.time === undefined && expr.partOfDay === undefined ? null : expr;
}

/** Parses folded text (see normalize-text.ts) with chrono's Russian or English grammar. */
export function chronoWhen(text: string, lang: 'ru' | 'en', reference: ParsingReference): WhenExpression | null {
  // "после завтра" is a common misspelling of "послезавтра" (the day after tomorrow), not
  // "after tomorrow" as chrono would otherwise half-read it.
  const input = lang === 'ru' ? rewriteRuDayMonth(text.replace(/(?<![\p{L}])после\s+завтра(?![\p{L}])/gu, 'послезавтра')) : text;
  return toExpression(parsers[lang].parse(input, reference));
}
