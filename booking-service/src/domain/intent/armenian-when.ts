/**
 * Armenian dates and times, which chrono-node does not speak: "այսօր", "վաղը" / "էգուց",
 * "վաղը չէ մյուս օրը", weekday names, "ժամը 15-ին", "15:30", "5-ից հետո", "մինչև ժամը 12-ը",
 * and the day parts "առավոտյան", "ցերեկը", "երեկոյան". Plus the Latin spellings Armenians
 * often type on a phone ("vaxy", "aysor").
 *
 * Input is folded text (normalize-text.ts): lower case, "՞" removed, hyphens unified, and
 * "և" spelt "եվ" (so "մինչև" is matched as "մինչեվ").
 */
import type { PartOfDay, Weekday, WhenDate, WhenExpression } from './when-expression.js';

const L = '\\p{L}';
const START = `(?<![${L}\\p{N}])`;
const END = `(?![${L}])`;
/** An hour with optional minutes: "15", "3", "15:30". */
const HHMM = '(\\d{1,2})(?:[:.](\\d{2}))?';

// Longest first: "վաղը չէ մյուս օրը" contains "վաղը".
const DAYS_FROM_TODAY: Array<[RegExp, number]> = [
  [new RegExp(`${START}(?:վաղը|էգուց)\\s+չէ\\s+մյուս\\s+օր(?:ը)?${END}`, 'u'), 2],
  [new RegExp(`${START}վաղվա\\s+հաջորդ\\s+օր(?:ը)?${END}`, 'u'), 2],
  [new RegExp(`${START}(?:այսօր|այսօրվա|aysor)${END}`, 'u'), 0],
  [new RegExp(`${START}(?:վաղը|վաղվա|էգուց|էգուցվա|vaxy|vaghy|vaxe|vaghe|vaxa|eguc)${END}`, 'u'), 1],
];

/** Weekday names, and as typed in Latin letters (mistyped ones are spelt right by weekday-spelling.ts). */
const WEEKDAYS: Array<[string, Weekday]> = [
  ['երկուշաբթի', 1],
  ['երեքշաբթի', 2],
  ['չորեքշաբթի', 3],
  ['հինգշաբթի', 4],
  ['ուրբաթ', 5],
  ['շաբաթ', 6],
  ['կիրակի', 0],
  ['erkushabti', 1],
  ['yerkushabti', 1],
  ['ereqshabti', 2],
  ['yereqshabti', 2],
  ['erekshabti', 2],
  ['yerekshabti', 2],
  ['choreqshabti', 3],
  ['chorekshabti', 3],
  ['hingshabti', 4],
  ['urbat', 5],
  ['urbath', 5],
  ['shabat', 6],
  ['shabath', 6],
  ['kiraki', 0],
];
const SATURDAY_OR_WEEK = new Set(['շաբաթ', 'shabat', 'shabath']);
const NEXT = new Set(['հաջորդ', 'hajord', 'hachord', 'hadjord']);
const THIS = new Set(['այս', 'ays']);

// "շաբաթ" is both Saturday and "week": "հաջորդ շաբաթ" is next week, "հաջորդ շաբաթ օրը" next Saturday.
const WEEKDAY = new RegExp(
  `${START}(?:(հաջորդ|այս|մեկ|երկու|անցյալ|ամբողջ|hajord|hachord|hadjord|ays|mek|erku|ancyal|\\d+)\\s+)?(${WEEKDAYS.map(([w]) => w).join('|')})(${L}*)(\\s+(?:օր|or(?![a-z])|orn|ory|or@|ore))?`,
  'u',
);

function weekdayOf(text: string): WhenDate | undefined {
  const match = WEEKDAY.exec(text);
  if (match === null) return undefined;
  const [, before, name = '', suffix = '', dayWord] = match;
  const weekday = WEEKDAYS.find(([w]) => w === name)?.[1];
  if (weekday === undefined) return undefined;
  if (SATURDAY_OR_WEEK.has(name) && dayWord === undefined && (before !== undefined || suffix.startsWith('վա') || suffix.startsWith('va'))) {
    // "a week", "this week", "of the week": not Saturday. Look further along the text.
    const rest = weekdayOf(text.slice((match.index ?? 0) + match[0].length));
    return rest;
  }
  return { type: 'weekday', weekday, modifier: before !== undefined && NEXT.has(before) ? 'next' : before !== undefined && THIS.has(before) ? 'this' : null };
}

/**
 * Month names, January first. A date says the month in the genitive with the day after it
 * ("մարտի 10-ին", "մարտի 10"), or the day first ("10 մարտի", "10-ը մարտի"); the stem matches
 * every case ("մարտ", "մարտի", "մարտին"). Latin spellings as typed on a phone ("marti 10in").
 */
const MONTHS: string[][] = [
  ['հունվար', 'hunvar'],
  ['փետրվար', 'petrvar', 'fetrvar'],
  ['մարտ', 'mart'],
  ['ապրիլ', 'april'],
  ['մայիս', 'mayis'],
  ['հունիս', 'hunis'],
  ['հուլիս', 'hulis'],
  ['օգոստոս', 'ogostos'],
  ['սեպտեմբեր', 'september'],
  ['հոկտեմբեր', 'hoktember'],
  ['նոյեմբեր', 'noyember'],
  ['դեկտեմբեր', 'dektember'],
];
const MONTH = `(${MONTHS.flat().join('|')})(?:ի|ին|ը|i|in)?`;
// The day's own case ending: "10-ին" (on the 10th), "10-ը", "10ին"; hyphen optional.
const DAY = '(\\d{1,2})(?:\\s*-?\\s*(?:ին|ը|ն|in|y|@))?';
const MONTH_THEN_DAY = new RegExp(`${START}${MONTH}\\s+${DAY}${END}`, 'u');
const DAY_THEN_MONTH = new RegExp(`${START}${DAY}\\s+${MONTH}${END}`, 'u');

function monthDayOf(text: string): WhenDate | undefined {
  const monthFirst = MONTH_THEN_DAY.exec(text);
  const dayFirst = monthFirst === null ? DAY_THEN_MONTH.exec(text) : null;
  const monthName = monthFirst?.[1] ?? dayFirst?.[2];
  const dayText = monthFirst?.[2] ?? dayFirst?.[1];
  if (monthName === undefined || dayText === undefined) return undefined;
  const month = MONTHS.findIndex((names) => names.includes(monthName)) + 1;
  const day = Number(dayText);
  return month >= 1 && day >= 1 && day <= 31 ? { type: 'monthDay', month, day } : undefined;
}

function dateOf(text: string): WhenDate | undefined {
  for (const [pattern, days] of DAYS_FROM_TODAY) {
    if (pattern.test(text)) return { type: 'daysFromToday', days };
  }
  return monthDayOf(text) ?? weekdayOf(text);
}

/** Parts of the day, and as typed in Latin letters ("aravotyan", "yereko", "cerekov"). */
const PARTS_OF_DAY: Array<[RegExp, PartOfDay]> = [
  // "After lunch" is the afternoon, as "после обеда" / "after lunch" are (noon on).
  [new RegExp(`${START}(?:կեսօրից|kesoric|kesorits|ճաշից|chashic|chashits|cashic)\\s+(?:հետո|heto)${END}`, 'u'), 'afternoon'],
  [new RegExp(`${START}(?:ճաշից|chashic|chashits|cashic)\\s+(?:առաջ|araj|shut)${END}`, 'u'), 'morning'],
  [new RegExp(`${START}(?:առավոտ|առավոտյան|առավոտը|առավոտվա|aravot|aravoty|aravotyan|aravotian|aravotvan|aravotva|aravot@)${END}`, 'u'), 'morning'],
  [new RegExp(`${START}(?:ցերեկ|ցերեկը|ցերեկով|ցերեկվա|cerek|cereky|cerekov|cerekva|tserek|tsereky|tserekov)${END}`, 'u'), 'afternoon'],
  [new RegExp(`${START}(?:երեկո|երեկոյան|երեկոն|երեկոյի|ereko|yereko|erekoyan|yerekoyan|erekoian|yerekoian|erekon|yerekon)${END}`, 'u'), 'evening'],
];

type Time = NonNullable<WhenExpression['time']>;

const TIMES: Array<{ pattern: RegExp; qualifier?: 'after' | 'before' }> = [
  // "5-ից հետո", "ժամը 17:00-ից սկսած": after.
  { pattern: new RegExp(`${START}(?:(?:ժամը|ժամ|jamy|jam@|jame|jam|zhamy|zham@|zhame|zham)\\s*)?${HHMM}\\s*-?\\s*ից\\s+(?:հետո|սկսած)${END}`, 'u'), qualifier: 'after' },
  // "մինչև ժամը 12-ը", "12-ից առաջ", "12-ից շուտ": before.
  { pattern: new RegExp(`${START}մինչեվ\\s+(?:(?:ժամը|ժամ|jamy|jam@|jame|jam|zhamy|zham@|zhame|zham)\\s*)?${HHMM}`, 'u'), qualifier: 'before' },
  { pattern: new RegExp(`${START}(?:(?:ժամը|ժամ|jamy|jam@|jame|jam|zhamy|zham@|zhame|zham)\\s*)?${HHMM}\\s*-?\\s*ից\\s+(?:առաջ|շուտ)${END}`, 'u'), qualifier: 'before' },
  // "ժամը 3-ին", "երեկոյան 7-ին", "15:30".
  { pattern: new RegExp(`${START}(?:ժամը|ժամ|jamy|jam@|jame|jam|zhamy|zham@|zhame|zham)\\s*${HHMM}`, 'u') },
  { pattern: new RegExp(`${START}(?:առավոտյան|ցերեկը|երեկոյան|գիշերը|aravotyan|cereky|tsereky|erekoyan|yerekoyan|gishery)\\s+${HHMM}`, 'u') },
  { pattern: new RegExp(`${START}(\\d{1,2})[:](\\d{2})(?!\\d)`, 'u') },
];

function timeOf(text: string): { time: Time; qualifier?: 'after' | 'before' } | undefined {
  for (const { pattern, qualifier } of TIMES) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    if (hour > 23 || minute > 59) continue;
    const time = { hour, minute, meridiemKnown: hour >= 13 || hour === 0 };
    return qualifier === undefined ? { time } : { time, qualifier };
  }
  // Noon is a time, not a window.
  if (new RegExp(`${START}կեսօրին${END}`, 'u').test(text)) return { time: { hour: 12, minute: 0, meridiemKnown: true } };
  if (new RegExp(`${START}կեսօրից\\s+(?:առաջ|շուտ)${END}`, 'u').test(text)) {
    return { time: { hour: 12, minute: 0, meridiemKnown: true }, qualifier: 'before' };
  }
  return undefined;
}

/** "ամսի 10-ին" (on the 10th of the month), "10-ին ամսի", Latin "amsi 10-in". */
const MONTH_DAY_WORD = new RegExp(`${START}(?:ամսի|amsi)\\s+${DAY}${END}|${START}${DAY}\\s+(?:ամսի|amsi)${END}`, 'u');
/** A bare "10-ին" / "10-in": the day of the month when nothing else names a day, else the hour. */
const BARE_NUMBER = new RegExp(`${START}(\\d{1,2})\\s*-?\\s*(?:ին|in)${END}`, 'u');

function dayOfMonthOf(text: string): WhenDate | undefined {
  const match = MONTH_DAY_WORD.exec(text);
  const day = Number(match?.[1] ?? match?.[2]);
  return match !== null && day >= 1 && day <= 31 ? { type: 'dayOfMonth', day } : undefined;
}

export function armenianWhen(text: string): WhenExpression | null {
  let date = dateOf(text) ?? dayOfMonthOf(text);
  let time = timeOf(text);
  if (time === undefined) {
    // The day of "մարտի 10-ին" / "ամսի 10-ին" is no hour.
    const bare = BARE_NUMBER.exec(text.replace(MONTH_THEN_DAY, ' ').replace(DAY_THEN_MONTH, ' ').replace(MONTH_DAY_WORD, ' '));
    const n = Number(bare?.[1]);
    // "վաղը 5-ին" is tomorrow at five; "10-ին" alone is the 10th.
    if (bare !== null && date !== undefined && n <= 23) time = { time: { hour: n, minute: 0, meridiemKnown: n >= 13 || n === 0 } };
    else if (bare !== null && date === undefined && n >= 1 && n <= 31) date = { type: 'dayOfMonth', day: n };
  }
  const partOfDay = PARTS_OF_DAY.find(([pattern]) => pattern.test(text))?.[1];
  if (date === undefined && time === undefined && partOfDay === undefined) return null;
  return { date, time: time?.time, qualifier: time?.qualifier, partOfDay };
}
