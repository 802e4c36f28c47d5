/**
 * What a waiting-list entry waits for, as pure rules (the clock is an input): a window of
 * business-local days and a part of the day. A freed time fits an entry when it starts on one of
 * those days, in that part of the day, and is still ahead. The window ends at the local midnight
 * after its last day: then the entry expires.
 */
import { addDays, utcToZoned, zonedToUtc } from '@frontdesk/shared';

export const PARTS = ['any', 'morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof PARTS)[number];

/** How long an offered time is the person's alone before it goes to the next in line. */
export const OFFER_MINUTES = 15;
/**
 * The hold under an offer outlives the offer by this much, so the job that passes it on at the
 * offer's expiry finds it still held (nobody else takes the time in between).
 */
export const HANDOVER_GRACE_MINUTES = 5;
/** "Any time in the next N days": the choices the chat offers. */
export const WINDOW_CHOICES = [7, 14] as const;

/** Part of the day by the local start: morning before 12:00, afternoon 12:00–17:00, evening from 17:00. */
export function partOf(minuteOfDay: number): Exclude<DayPart, 'any'> {
  return minuteOfDay < 12 * 60 ? 'morning' : minuteOfDay < 17 * 60 ? 'afternoon' : 'evening';
}

export interface Window {
  fromDay: string;
  toDay: string;
  part: DayPart;
}

/** The window "the next `days` days" from `today` (today included), or one day. */
export function windowOf(today: string, choice: { days: number } | { day: string }, part: DayPart): Window {
  if ('day' in choice) return { fromDay: choice.day, toDay: choice.day, part };
  return { fromDay: today, toDay: addDays(today, Math.max(1, choice.days) - 1), part };
}

/** The instant the window is over: local midnight after its last day. */
export function windowEnd(w: Pick<Window, 'toDay'>, timeZone: string): number {
  return zonedToUtc(addDays(w.toDay, 1), 0, timeZone);
}

/** Whether a time starting at `start` (epoch ms) is one the entry waits for, at `now`. */
export function fits(w: Window, start: number, timeZone: string, now: number): boolean {
  if (start <= now) return false;
  const z = utcToZoned(start, timeZone);
  return z.date >= w.fromDay && z.date <= w.toDay && (w.part === 'any' || partOf(z.minuteOfDay) === w.part);
}
