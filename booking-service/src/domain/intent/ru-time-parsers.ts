/**
 * chrono-node parsers for Russian times chrono gets wrong or misses:
 *
 * - "в 3 часа дня" / "в 9 вечера" / "в 2 ночи": chrono reads "в 3" and drops "часа дня", so
 *   the visitor asking for 15:00 gets 03:00. Here the day-part word fixes am/pm.
 * - "после 17", "до 12", "не раньше 10", "после обеда": a bare hour after a qualifier is not a
 *   time to chrono at all. The qualifier travels as a tag so the caller can tell "at" from
 *   "after"/"before".
 * - "12.06", "12.06.2026": day.month dates, which chrono's Russian locale does not read.
 * - "днём", "во второй половине дня": parts of the day chrono's Russian locale misses.
 *
 * The time parser's matches are longer than chrono's own, so chrono's overlap removal keeps ours.
 */
import type { Parser, ParsingContext } from 'chrono-node';

export const AFTER_TAG = 'frontdesk/after';
export const BEFORE_TAG = 'frontdesk/before';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

const AFTER_WORDS = new Set(['после', 'не раньше', 'позже', 'начиная с', 'с', 'со', 'от']);
const BEFORE_WORDS = new Set(['до', 'не позже', 'раньше']);
/** Words that make a bare number a time by themselves ("после 17"); "с 2" could be "с 2 детьми". */
const STRONG_WORDS = new Set(['после', 'не раньше', 'позже', 'начиная с', 'до', 'не позже', 'раньше']);

/**
 * Named times of day: "в обед" is 13:00, "после работы" after 18:00. Lunch as a boundary ("после
 * обеда", "до обеда") is noon: visitors mean the afternoon / the morning, not the hour a lunch ends.
 */
const NAMED_TIMES: Record<string, number> = { обеда: 13, обед: 13, полудня: 12, работы: 18 };
const LUNCH = new Set(['обеда', 'обед']);

const RU_TIME = new RegExp(
  `${NOT_WORD_BEFORE}(?:(после|не\\s+раньше|позже|начиная\\s+с|со|с|от|до|не\\s+позже|раньше|к|в|на)\\s+)?` +
    '(?:(\\d{1,2})(?:(?:[:.](\\d{2}))|(?:-(00|15|30|45)))?(?:\\s*(час(?:а|ов)?))?(?:\\s*(утра|дня|вечера|ночи))?' +
    '|(обеда|обед|полудня|работы))' +
    NOT_WORD_AFTER +
    // "к 3 числу", "к 8 марта" are dates, not "by 3 o'clock".
    '(?!\\s+(?:числ|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр))',
  'iu',
);

/** 24-hour hour for an hour said with a day-part word: "3 дня" = 15, "11 ночи" = 23, "12 ночи" = 0. */
function withDayPart(hour: number, dayPart: string): number {
  switch (dayPart) {
    case 'дня':
    case 'вечера':
      return hour < 12 ? hour + 12 : hour;
    case 'ночи':
      if (hour === 12) return 0;
      return hour >= 9 && hour < 12 ? hour + 12 : hour;
    default: // утра
      return hour;
  }
}

export const ruTimeParser: Parser = {
  pattern: () => RU_TIME,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const qualifierWord = match[1]?.toLowerCase().replace(/\s+/g, ' ');
    const named = match[7]?.toLowerCase();
    const tag = qualifierWord === undefined ? undefined : AFTER_WORDS.has(qualifierWord) ? AFTER_TAG : BEFORE_WORDS.has(qualifierWord) ? BEFORE_TAG : undefined;

    if (named !== undefined) {
      const hour = tag !== undefined && LUNCH.has(named) ? 12 : NAMED_TIMES[named];
      // "обеда" alone is not a time; "в обед" is 13:00, "после обеда" after it.
      if (hour === undefined || qualifierWord === undefined || (tag === undefined && qualifierWord !== 'в')) return null;
      const components = context.createParsingComponents({ hour, minute: 0, meridiem: 1 });
      return tag === undefined ? components : components.addTag(tag);
    }

    const hourText = match[2];
    if (hourText === undefined) return null;
    const minuteText = match[3] ?? match[4];
    const hourWord = match[5];
    const dayPart = match[6]?.toLowerCase();
    const strong = qualifierWord !== undefined && STRONG_WORDS.has(qualifierWord);
    // "к 11" is the hour the visitor will come at ("можно завтра к 11?"): at 11, not by 11.
    const arrival = qualifierWord === 'к' && minuteText === undefined && Number(hourText) >= 1 && Number(hourText) <= 23;
    // Leave plain "в 15:00" to chrono; "в 10-30" it reads as 10:00.
    const dashMinutes = match[4] !== undefined;
    if (dayPart === undefined && hourWord === undefined && !strong && !arrival && !dashMinutes && !(tag !== undefined && minuteText !== undefined)) return null;

    let hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (hour > 24 || minute > 59 || (dayPart !== undefined && hour > 12 && dayPart !== 'дня' && dayPart !== 'вечера')) return null;
    if (hour === 24) hour = 0;
    if (dayPart !== undefined) hour = withDayPart(hour, dayPart);

    const known: { hour: number; minute: number; meridiem?: number } = { hour, minute };
    // A day-part word or a 24-hour reading (13–23, 0) settles am/pm; "после 5" stays open.
    if (dayPart !== undefined || hour >= 13 || hour === 0) known.meridiem = hour >= 12 ? 1 : 0;
    const components = context.createParsingComponents(known);
    return tag === undefined ? components : components.addTag(tag);
  },
};

const RU_DAY_MONTH = new RegExp(
  // Not after "в"/"к"/"до"…: "в 10.30" is a time. Not inside a longer number ("1.10.30").
  `${NOT_WORD_BEFORE}(?<![.:,/]\\d*)(?<!(?:в|к|до|со|с|от|после|около)\\s+)` +
    '(\\d{1,2})\\.(\\d{1,2})(\\.(?:\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}]|[.:,/]\\d)',
  'giu',
);

/**
 * Rewrites day.month dates ("12.06", "12.06.2026") as "12/06", which chrono's Russian slash
 * parser reads day-first. Done on the text rather than as a parser because chrono's time
 * parser claims "12.06" as 12:06 first, and its filters drop bare "digits.digits" matches.
 */
export function rewriteRuDayMonth(text: string): string {
  return text.replace(RU_DAY_MONTH, (whole, day: string, month: string, year: string | undefined) => {
    const d = Number(day);
    const m = Number(month);
    if (d < 1 || d > 31 || m < 1 || m > 12) return whole;
    return `${day}/${month}${year === undefined ? '' : `/${year.slice(1)}`}`;
  });
}

const RU_DAY_PART = new RegExp(
  `${NOT_WORD_BEFORE}(днем|во\\s+второй\\s+половине\\s+дня|в\\s+первой\\s+половине\\s+дня)${NOT_WORD_AFTER}`,
  'iu',
);

/** "днём", "в первой/во второй половине дня": chrono knows "утром" and "вечером" but not these. */
export const ruDayPartParser: Parser = {
  pattern: () => RU_DAY_PART,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const morning = match[1]?.startsWith('в ') === true || match[1]?.includes('первой') === true;
    const components = context.createParsingComponents();
    // Implied, not known: a part of day is a window, and the caller reads it from the tag.
    components.imply('hour', morning ? 9 : 15);
    return components.addTag(morning ? 'casualReference/morning' : 'casualReference/afternoon');
  },
};
