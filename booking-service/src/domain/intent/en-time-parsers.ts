/**
 * chrono-node parser for English times with a qualifier: "after 5", "before noon", "by 11am",
 * "not before 10", "after work". chrono reads "5pm" but not a bare "after 5", and never keeps
 * the "after", which decides whether the visitor wants 17:00 or anything from 17:00 on.
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { AFTER_TAG, BEFORE_TAG } from './ru-time-parsers.js';

const AFTER_WORDS = new Set(['after', 'not before', 'later than', 'from', 'since', 'anytime after', 'any time after']);

/**
 * Named times: "after work" is after 18:00. "after lunch" / "before lunch" is noon: visitors mean
 * the afternoon / the morning, not the hour a lunch ends.
 */
const NAMED_TIMES: Record<string, number> = { noon: 12, midday: 12, lunch: 12, work: 18 };

const EN_QUALIFIED_TIME = new RegExp(
  '(?<![\\p{L}\\p{N}])(any\\s*time\\s+after|after|not\\s+before|later\\s+than|from|since|before|by|until|till|til|no\\s+later\\s+than|not\\s+later\\s+than|earlier\\s+than)\\s+' +
    '(?:(?:at|around|about)\\s+)?' +
    "(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|o'?clock)?|(noon|midday|lunch|work))" +
    '(?![\\p{L}\\p{N}])',
  'iu',
);

export const enQualifiedTimeParser: Parser = {
  pattern: () => EN_QUALIFIED_TIME,
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const qualifier = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ').replace('anytime', 'any time');
    const tag = AFTER_WORDS.has(qualifier) ? AFTER_TAG : BEFORE_TAG;
    const named = match[5]?.toLowerCase();
    if (named !== undefined) {
      const hour = NAMED_TIMES[named] ?? 12;
      return context.createParsingComponents({ hour, minute: 0, meridiem: 1 }).addTag(tag);
    }
    let hour = Number(match[2]);
    const minute = match[3] === undefined ? 0 : Number(match[3]);
    const suffix = match[4]?.toLowerCase().replace(/\./g, '');
    if (hour > 24 || minute > 59 || ((suffix === 'am' || suffix === 'pm') && (hour > 12 || hour === 0))) return null;
    if (hour === 24) hour = 0;
    if (suffix === 'pm' && hour < 12) hour += 12;
    if (suffix === 'am' && hour === 12) hour = 0;
    const known: { hour: number; minute: number; meridiem?: number } = { hour, minute };
    if (suffix === 'am' || suffix === 'pm' || hour >= 13 || hour === 0) known.meridiem = hour >= 12 ? 1 : 0;
    return context.createParsingComponents(known).addTag(tag);
  },
};
