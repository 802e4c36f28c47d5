/**
 * Ordering free times for what the visitor asked: the nearest first, a day's in time order, or
 * around an asked time sorted by distance ("tomorrow at 15": 15:00, 14:45, 15:15, …), and
 * whether the asked time itself is free, taken or outside opening hours.
 */
import { addDays, isoWeekday, parseHHMM, utcToZoned, zonedToUtc } from '@frontdesk/shared';
import type { SlotRef } from './effects.js';
import type { WeeklyHours } from './context.js';
import type { AskedWhen } from './state.js';

export const dayOf = (s: SlotRef, timeZone: string) => utcToZoned(s.start, timeZone).date;

/** Days that have at least one of `slots`, in order. */
export function freeDays(slots: readonly SlotRef[], timeZone: string): string[] {
  return [...new Set(slots.map((s) => dayOf(s, timeZone)))].sort();
}

/** The instant an asked time points at (the day's start for a bare day). */
export function targetOf(when: AskedWhen, timeZone: string): number {
  return zonedToUtc(when.date, when.kind === 'day' ? 0 : when.minuteOfDay, timeZone);
}

/** Whether a slot fits what was asked: on that day, and at / after / before the minute. */
export function fits(s: SlotRef, when: AskedWhen, timeZone: string): boolean {
  const z = utcToZoned(s.start, timeZone);
  if (z.date !== when.date) return false;
  switch (when.kind) {
    case 'day':
      return true;
    case 'at':
      return z.minuteOfDay === when.minuteOfDay;
    case 'after':
      return z.minuteOfDay >= when.minuteOfDay;
    case 'before':
      return z.minuteOfDay < when.minuteOfDay;
  }
}

/**
 * Slots for an asked time: those that fit it first (in time order, or the closest first for
 * "before"), then every other one by distance from the asked instant; ties go to the earlier.
 */
export function rankAround(slots: readonly SlotRef[], when: AskedWhen, timeZone: string): SlotRef[] {
  const target = targetOf(when, timeZone);
  const fitting = slots.filter((s) => fits(s, when, timeZone));
  fitting.sort((a, b) => (when.kind === 'before' ? b.start - a.start : a.start - b.start));
  const rest = slots.filter((s) => !fits(s, when, timeZone));
  rest.sort((a, b) => Math.abs(a.start - target) - Math.abs(b.start - target) || a.start - b.start);
  return [...fitting, ...rest];
}

/** Whether the business is open at an asked minute (weekly hours; exceptions are not known here). */
export function isOpenAt(hours: WeeklyHours, when: AskedWhen & { minuteOfDay: number }): boolean {
  const weekday = String(isoWeekday(when.date)) as keyof WeeklyHours;
  return (hours[weekday] ?? []).some((r) => parseHHMM(r.start) <= when.minuteOfDay && when.minuteOfDay < parseHHMM(r.end));
}

/** Where a search for an asked time starts: the day before it (not before today). */
export function searchStart(when: AskedWhen | null, today: string): string {
  if (!when) return today;
  const before = addDays(when.date, -1);
  return before > today ? before : today;
}
