/**
 * A day of the month said alone, with no month: "on the 10th", "the 3rd", "10-го", "на 10-е",
 * "10 числа". chrono reads "March 10th" and "10 марта" but not these; the visitor means the next
 * such day (this month's if it is still ahead, else next month's), which resolveWhen works out
 * from the tag this parser puts on the result (when-expression.ts, `dayOfMonth`). The Armenian
 * forms ("ամսի 10-ին") are read by armenian-when.ts.
 */
import type { Parser, ParsingContext } from 'chrono-node';

export const DAY_OF_MONTH_TAG = 'frontdesk/dayOfMonth';

/** A month name after the day makes it chrono's own date ("the 10th of March", "10-го марта"). */
const MONTH_AFTER = '(?!\\s*(?:of\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр))';

const EN_DAY = new RegExp(`(?<![\\p{L}\\p{N}:.])(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)(?![\\p{L}\\p{N}])${MONTH_AFTER}`, 'iu');
// "10-го", "10го", "на 10-е", "10-е число", "10 числа"; not "10-е место" or "в 10-м часу".
const RU_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}:.])(\\d{1,2})(?:\\s*-?\\s*(?:го|ого|е|ое)(?![\\p{L}])(?:\\s+(?:числа|число))?|\\s+(?:числа|число))(?![\\p{L}\\p{N}])${MONTH_AFTER}`,
  'iu',
);

function dayParser(pattern: RegExp): Parser {
  return {
    pattern: () => pattern,
    extract(context: ParsingContext, match: RegExpMatchArray) {
      const day = Number(match[1]);
      if (day < 1 || day > 31) return null;
      // Only the day is known; the month is whichever next has it (resolveWhen), read from the tag.
      return context.createParsingComponents({ day }).addTag(DAY_OF_MONTH_TAG);
    },
  };
}

export const enDayOfMonthParser = dayParser(EN_DAY);
export const ruDayOfMonthParser = dayParser(RU_DAY);
