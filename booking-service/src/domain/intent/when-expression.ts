/**
 * What a message says about WHEN, before it is pinned to a calendar: "Friday after 5",
 * "tomorrow morning", "at 3". The language parsers (chrono for ru/en, our own for Armenian)
 * produce this; `resolveWhen` turns it into a local date and minute in the business's zone.
 */
import { addDays, epochDay, isoWeekday, type LocalDate } from '@frontdesk/shared';

/** Weekday as chrono numbers it: Sunday = 0 … Saturday = 6. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type WhenDate =
  /** Fully known, e.g. "завтра" or "June 14 2026" already resolved against the reference. */
  | { type: 'calendar'; date: LocalDate }
  /** "12 июня", "6/14": the next such day on or after today. */
  | { type: 'monthDay'; month: number; day: number }
  /** "в пятницу" (next occurrence), "this Friday" (today counts), "next Friday" (next week's). */
  | { type: 'weekday'; weekday: Weekday; modifier: 'this' | 'next' | null }
  /** "today" = 0, "tomorrow" = 1, "day after tomorrow" = 2. */
  | { type: 'daysFromToday'; days: number }
  /** "on the 10th", "10-го", "ամսի 10-ին": the next 10th of a month, today included. */
  | { type: 'dayOfMonth'; day: number };

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export interface WhenExpression {
  date?: WhenDate | undefined;
  /** As said: hour 0–23, and whether am/pm was said (or is implied by an hour ≥ 13 or 0). */
  time?: { hour: number; minute: number; meridiemKnown: boolean } | undefined;
  partOfDay?: PartOfDay | undefined;
  qualifier?: 'after' | 'before' | undefined;
}

export type When =
  | { kind: 'none' }
  /** A day with no time: offer that day's slots. */
  | { kind: 'day'; date: LocalDate }
  /** minuteOfDay is local to the business's zone, 0–1439. */
  | { kind: 'at' | 'after' | 'before'; date: LocalDate; minuteOfDay: number };

/** The wall clock in the business's zone at the reference instant. */
export interface LocalNow {
  date: LocalDate;
  minuteOfDay: number;
}

/**
 * Parts of the day as time windows: "утром" means before noon, "днём" after noon, "вечером"
 * after 17:00 — what a salon's schedule means by them. `end` decides whether today's window
 * has passed.
 */
const PART_OF_DAY: Record<PartOfDay, { kind: 'before' | 'after'; minute: number; end: number }> = {
  morning: { kind: 'before', minute: 12 * 60, end: 12 * 60 },
  afternoon: { kind: 'after', minute: 12 * 60, end: 17 * 60 },
  evening: { kind: 'after', minute: 17 * 60, end: 24 * 60 },
};

/**
 * Hour as a business hears it. A bare "at 3" / "в 3" / "ժամը 3-ին" means 15:00: nobody books a
 * haircut at 3 am. Hours 1–7 without am/pm are read as afternoon/evening; 8–11 stay morning.
 */
function businessHour(time: NonNullable<WhenExpression['time']>, partOfDay: PartOfDay | undefined): number {
  if (time.meridiemKnown) return time.hour;
  if ((partOfDay === 'afternoon' || partOfDay === 'evening') && time.hour < 12) return time.hour + 12;
  if (partOfDay === 'morning') return time.hour;
  return time.hour >= 1 && time.hour <= 7 ? time.hour + 12 : time.hour;
}

function resolveDate(date: WhenDate, now: LocalNow, laterToday: boolean | undefined): LocalDate | null {
  switch (date.type) {
    case 'calendar':
      return date.date;
    case 'daysFromToday':
      return addDays(now.date, date.days);
    case 'monthDay': {
      const year = Number(now.date.slice(0, 4));
      for (const y of [year, year + 1]) {
        const candidate = `${y}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
        // epochDay rejects 31 June; 29 February waits for a leap year only one year ahead.
        try {
          if (epochDay(candidate) >= epochDay(now.date)) return candidate;
        } catch {
          continue;
        }
      }
      return null;
    }
    case 'dayOfMonth': {
      // This month's, else the next month that has that day (a 31st skips 30-day months).
      const [year, month, today] = now.date.split('-').map(Number) as [number, number, number];
      for (let ahead = date.day >= today ? 0 : 1; ahead <= 12; ahead++) {
        const m = month - 1 + ahead;
        const candidate = `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
        try {
          epochDay(candidate);
          return candidate;
        } catch {
          continue;
        }
      }
      return null;
    }
    case 'weekday': {
      const today = isoWeekday(now.date);
      const target = date.weekday === 0 ? 7 : date.weekday;
      const ahead = (target - today + 7) % 7;
      // "next Friday" = Friday of next (ISO) week, as chrono reads it.
      if (date.modifier === 'next') return addDays(now.date, 7 - today + target);
      if (ahead > 0) return addDays(now.date, ahead);
      // Naming today's weekday instead of "today" usually means next week, unless the time
      // said is still ahead today ("this Friday", or "Friday at 18:00" on Friday morning).
      return date.modifier === 'this' || laterToday === true ? now.date : addDays(now.date, 7);
    }
  }
}

/**
 * Pins an expression to a local date (and minute) relative to `now`. Times without a date mean
 * their next occurrence: "at 15:00" at 16:00 is tomorrow.
 */
export function resolveWhen(expr: WhenExpression, now: LocalNow): When {
  let kind: 'at' | 'after' | 'before' | 'day' = 'day';
  let minute: number | undefined;
  // The minute after which "today" no longer fits this expression.
  let passesAt: number | undefined;

  if (expr.time !== undefined) {
    const hour = businessHour(expr.time, expr.partOfDay);
    if (hour > 23 || expr.time.minute > 59) return expr.date === undefined ? { kind: 'none' } : resolveDay(expr.date, now);
    minute = hour * 60 + expr.time.minute;
    kind = expr.qualifier ?? 'at';
    passesAt = minute;
  } else if (expr.partOfDay !== undefined) {
    const window = PART_OF_DAY[expr.partOfDay];
    kind = window.kind;
    minute = window.minute;
    passesAt = window.end;
  }

  const laterToday = passesAt === undefined ? undefined : passesAt > now.minuteOfDay;
  const date = expr.date === undefined ? (passesAt === undefined ? null : laterToday ? now.date : addDays(now.date, 1)) : resolveDate(expr.date, now, laterToday);
  if (date === null) return { kind: 'none' };
  return kind === 'day' || minute === undefined ? { kind: 'day', date } : { kind, date, minuteOfDay: minute };
}

function resolveDay(date: WhenDate, now: LocalNow): When {
  const resolved = resolveDate(date, now, undefined);
  return resolved === null ? { kind: 'none' } : { kind: 'day', date: resolved };
}
