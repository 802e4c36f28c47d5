/**
 * Zoned time without a date library: calendar dates as 'YYYY-MM-DD', times as minutes of the
 * local day, instants as epoch milliseconds, and the conversions between local wall-clock time
 * and UTC via Intl (the tz database that ships with Node's ICU).
 *
 * Internally a local wall-clock time is a "wall ms": the epoch ms the same calendar date and
 * clock reading would have in UTC. Date arithmetic on wall ms never touches a time zone.
 *
 * The one zoned-time module of Frontdesk: the availability engine (where the offset memo below
 * pays off), the widget's day strip and the console's calendar all use it, so a business's
 * "today" and "09:00" mean the same instant everywhere.
 */

/** A calendar date, 'YYYY-MM-DD', with no time zone attached. */
export type LocalDate = string;

/** ISO weekday, Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface ZonedTime {
  date: LocalDate;
  /** Minutes since local midnight, 0…1439. */
  minuteOfDay: number;
  weekday: IsoWeekday;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date. Howard Hinnant's days_from_civil
 * (https://howardhinnant.github.io/date_algorithms.html): exact for any year and, unlike
 * Date.UTC, neither allocates nor maps years 0–99 onto the 1900s.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of daysFromCivil (Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 of a LocalDate; throws RangeError on anything but a real 'YYYY-MM-DD'. */
export function epochDay(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const days = daysFromCivil(year, month, day);
    const back = civilFromDays(days);
    // The round trip rejects 2024-02-30 and month 13, which the arithmetic would silently roll over.
    if (back.year === year && back.month === month && back.day === day) return days;
  }
  throw new RangeError(`Invalid LocalDate ${JSON.stringify(date)}, expected 'YYYY-MM-DD'`);
}

/** The LocalDate `days` days after 1970-01-01. */
export function fromEpochDay(days: number): LocalDate {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of a day number from epochDay; 1970-01-01 was a Thursday (4). */
export function weekdayOfEpochDay(days: number): IsoWeekday {
  return ((((days + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** The calendar date n days later (n may be negative). Pure calendar arithmetic, no time zone. */
export function addDays(date: LocalDate, n: number): LocalDate {
  return fromEpochDay(epochDay(date) + n);
}

/** ISO weekday of a calendar date, Monday = 1. */
export function isoWeekday(date: LocalDate): IsoWeekday {
  return weekdayOfEpochDay(epochDay(date));
}

/** The Monday of the ISO week that contains `date` (the date itself on a Monday). */
export function mondayOf(date: LocalDate): LocalDate {
  const days = epochDay(date);
  return fromEpochDay(days + 1 - weekdayOfEpochDay(days));
}

/**
 * Minutes since midnight of a local 'HH:MM' clock reading. '24:00' is allowed (1440) so that a
 * range can run to the end of the day; throws RangeError otherwise out of range.
 */
export function parseHHMM(hhmm: string): number {
  if (hhmm.length === 5 && hhmm.charCodeAt(2) === 58 /* ':' */) {
    const hours = digitAt(hhmm, 0) * 10 + digitAt(hhmm, 1);
    const minutes = digitAt(hhmm, 3) * 10 + digitAt(hhmm, 4);
    if ((hours < 24 && minutes < 60) || (hours === 24 && minutes === 0)) return hours * 60 + minutes;
  }
  throw new RangeError(`Invalid time ${JSON.stringify(hhmm)}, expected 'HH:MM' between 00:00 and 24:00`);
}

/** The decimal digit at index, or NaN (which fails every range check). Character codes rather
 * than a RegExp: parseHHMM runs for every working range of every call. */
function digitAt(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48; // '0'
  return value >= 0 && value <= 9 ? value : Number.NaN;
}

// Constructing an Intl.DateTimeFormat costs tens of microseconds; one per zone, kept forever
// (the set of zones a deployment uses is small).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** UTC offset in ms at an instant, straight from Intl (slow: formats and parses a date). */
function offsetMsFromIntl(epochMs: number, timeZone: string): number {
  // Intl shows whole seconds, so compare against the instant truncated to the second.
  const instant = Math.floor(epochMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break; // old ICU printed midnight as 24 even with h23
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  const wallMs = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return wallMs - instant;
}

/*
 * Offsets are memoised per zone per 15-minute bucket of UTC. Every transition in the tz database
 * since the 1970s happens at a local time on the quarter hour (mostly 00:00–03:00) in a zone whose
 * offsets are whole quarter hours (+05:45 Kathmandu, +10:30 Lord Howe), so its UTC instant is on
 * a 15-minute boundary too and a bucket has one offset throughout. Not quite all of history
 * agrees (St John's switched at 00:01 until 2011, LMT offsets have seconds), so a bucket is only
 * memoised after checking that its first and last second agree; the rare bucket with a
 * transition inside is marked MIXED and asks Intl every time. The engine then pays for Intl
 * once per zone per quarter hour it ever touches instead of once per conversion.
 */
const BUCKET_MS = 15 * MS_PER_MINUTE;
const MIXED = Number.NaN;
// ~35k buckets cover a year of one zone; past this a zone's memo starts over rather than grow
// without bound in a long-running process.
const MAX_BUCKETS_PER_ZONE = 100_000;
const offsetMemo = new Map<string, Map<number, number>>();

function offsetMs(epochMs: number, timeZone: string): number {
  let zone = offsetMemo.get(timeZone);
  if (zone === undefined) {
    formatterFor(timeZone);
    zone = new Map();
    offsetMemo.set(timeZone, zone);
  }
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const first = offsetMsFromIntl(bucket * BUCKET_MS, timeZone);
    const last = offsetMsFromIntl(bucket * BUCKET_MS + BUCKET_MS - 1000, timeZone);
    offset = first === last ? first : MIXED;
    if (zone.size >= MAX_BUCKETS_PER_ZONE) zone.clear();
    zone.set(bucket, offset);
  }
  return Number.isNaN(offset) ? offsetMsFromIntl(epochMs, timeZone) : offset;
}

/** Offset of local time from UTC at an instant, in minutes (east positive: Berlin summer = 120). */
export function tzOffsetMinutes(epochMs: number, timeZone: string): number {
  return offsetMs(epochMs, timeZone) / MS_PER_MINUTE;
}

/** Local wall-clock time of an instant, as wall ms (see the file comment). */
export function utcToWallClock(epochMs: number, timeZone: string): number {
  return epochMs + offsetMs(epochMs, timeZone);
}

/**
 * The instant a local wall-clock reading (wall ms) denotes, disambiguated like Temporal's
 * 'compatible' (and RFC 5545): a reading skipped by a forward transition is pushed forward by the
 * gap (NY 02:30 on the spring day is 03:30 EDT); a reading that occurs twice takes the earlier
 * instant (NY 01:30 on the autumn day is 01:30 EDT).
 *
 * Like Temporal, it looks for transitions within a day either side, which assumes a zone never
 * changes offset twice within 48 hours.
 */
export function wallClockToUtc(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetMs(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMs(wallMs + MS_PER_DAY, timeZone);
  const withOffsetBefore = wallMs - offsetBefore;
  if (offsetBefore === offsetAfter) return withOffsetBefore;
  // Autumn: both readings may exist, and the one with the earlier (larger) offset is the earlier
  // instant. Spring: at most one exists.
  if (offsetMs(withOffsetBefore, timeZone) === offsetBefore) return withOffsetBefore;
  const withOffsetAfter = wallMs - offsetAfter;
  if (offsetMs(withOffsetAfter, timeZone) === offsetAfter) return withOffsetAfter;
  // Neither exists: the reading is in a gap. Reading it with the offset in force before the gap
  // lands exactly gap-length past it.
  return withOffsetBefore;
}

/**
 * The instant of a local date and minute of day in a zone (epoch ms). minuteOfDay may be 1440,
 * meaning midnight at the start of the next day. Gaps and repeats: see wallClockToUtc.
 *
 * @example zonedToUtc('2024-03-10', 150, 'America/New_York') // 02:30 does not exist → 07:30Z (03:30 EDT)
 */
export function zonedToUtc(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  return wallClockToUtc(epochDay(date) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE, timeZone);
}

/** Local date, minute of day (rounded down) and weekday of an instant in a zone. */
export function utcToZoned(epochMs: number, timeZone: string): ZonedTime {
  const wallMs = utcToWallClock(epochMs, timeZone);
  const days = Math.floor(wallMs / MS_PER_DAY);
  return {
    date: fromEpochDay(days),
    minuteOfDay: Math.floor((wallMs - days * MS_PER_DAY) / MS_PER_MINUTE),
    weekday: weekdayOfEpochDay(days),
  };
}
