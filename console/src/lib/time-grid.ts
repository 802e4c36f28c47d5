/**
 * The arithmetic of the calendar's time grid, pure and tested: which hours a grid shows, which
 * day it opens on, where an item sits (minutes from the grid's top, lane among overlapping
 * items), and which minute a pointer position means. Times are minutes of the business's day.
 */
import { addDays, isoWeekday, parseHHMM, type LocalDate, type WeeklyHours } from '@frontdesk/shared';

export interface Range {
  /** First minute of the day shown (a whole hour). */
  start: number;
  /** Last minute shown (a whole hour, ≤ 1440). */
  end: number;
}

const dayHours = (hours: WeeklyHours, day: LocalDate) => hours[String(isoWeekday(day)) as keyof WeeklyHours] ?? [];

/**
 * The hours the grid shows for `days`: from the earliest opening to the latest closing, widened
 * to whole hours and to any item outside them (a booking moved past closing stays visible).
 * A closed stretch shows 9:00–18:00.
 */
export function gridRange(hours: WeeklyHours, days: readonly LocalDate[], items: ReadonlyArray<{ start: number; end: number }> = []): Range {
  let start = Infinity;
  let end = -Infinity;
  for (const d of days) {
    for (const r of dayHours(hours, d)) {
      start = Math.min(start, parseHHMM(r.start));
      end = Math.max(end, parseHHMM(r.end));
    }
  }
  for (const i of items) {
    start = Math.min(start, i.start);
    end = Math.max(end, i.end);
  }
  if (!Number.isFinite(start)) [start, end] = [540, 1080];
  return { start: Math.floor(start / 60) * 60, end: Math.min(1440, Math.ceil(end / 60) * 60) };
}

/**
 * The day the calendar opens on: today while the business is still open today, else the next
 * day it opens (a Sunday evening opens on Monday). A business with no hours opens on today.
 */
export function openingDay(hours: WeeklyHours, today: LocalDate, nowMinute: number, closures: readonly Closure[] = []): LocalDate {
  const closed = (d: LocalDate) => closures.some((c) => c.from <= d && d <= c.to);
  const closesToday = Math.max(-1, ...dayHours(hours, today).map((r) => parseHHMM(r.end)));
  if (nowMinute < closesToday && !closed(today)) return today;
  // A long closure (a month's holiday) is looked past, up to two months.
  for (let i = 1; i <= 62; i++) {
    const d = addDays(today, i);
    if (dayHours(hours, d).length > 0 && !closed(d)) return d;
  }
  return today;
}

/** A day the business is closed (the Business page's closed days), local dates, both ends included. */
export interface Closure {
  from: LocalDate;
  to: LocalDate;
  note: string;
}

export type DayOff = { kind: 'closed'; note: string } | { kind: 'off' };

/**
 * Why a column's whole day is off, for its header: the business is closed (a closed day, or no
 * opening hours that weekday) or the person does not work (no hours that weekday, or none inside
 * the opening hours). null: a working day.
 */
export function dayOff(day: LocalDate, opening: WeeklyHours, staffHours?: WeeklyHours, closures: readonly Closure[] = []): DayOff | null {
  const closure = closures.find((c) => c.from <= day && day <= c.to);
  if (closure) return { kind: 'closed', note: closure.note };
  if (dayHours(opening, day).length === 0) return { kind: 'closed', note: '' };
  if (!staffHours) return null;
  const whole = { start: 0, end: 1440 };
  const off = offHours(day, whole, opening, staffHours);
  return off.length === 1 && off[0]!.start === 0 && off[0]!.end === 1440 ? { kind: 'off' } : null;
}

/**
 * The stretches of a column's day outside working time, to shade: outside the person's weekly
 * hours or the business's opening hours (both read in the business's zone), clipped to the range;
 * all of it on a day the business is closed. Without `staffHours` only the opening hours count.
 */
export function offHours(day: LocalDate, range: Range, opening: WeeklyHours, staffHours?: WeeklyHours, closures: readonly Closure[] = []): Array<{ start: number; end: number }> {
  if (closures.some((c) => c.from <= day && day <= c.to)) return [{ start: range.start, end: range.end }];
  const minutes = (h: WeeklyHours) => dayHours(h, day).map((r) => ({ start: parseHHMM(r.start), end: parseHHMM(r.end) }));
  const open = minutes(opening);
  const work = staffHours ? minutes(staffHours) : open;
  // Worked = the person's hours that fall inside opening hours.
  const worked = work
    .flatMap((w) => open.map((o) => ({ start: Math.max(w.start, o.start), end: Math.min(w.end, o.end) })))
    .filter((x) => x.start < x.end)
    .sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  let at = range.start;
  for (const w of worked) {
    if (w.start > at) out.push({ start: at, end: Math.min(w.start, range.end) });
    at = Math.max(at, w.end);
  }
  if (at < range.end) out.push({ start: at, end: range.end });
  return out.filter((x) => x.start < x.end);
}

export interface Placed<T> {
  item: T;
  /** Minutes from the grid's top; may be negative or past the end only when clipped by the caller. */
  top: number;
  height: number;
  /** 0-based lane among the items it overlaps, and how many lanes that cluster has. */
  lane: number;
  lanes: number;
}

/**
 * Places items in a column: overlapping ones side by side (like a paper diary), each cluster of
 * mutually overlapping items sharing one lane count. Items are clipped to the range.
 */
export function place<T>(items: ReadonlyArray<{ start: number; end: number; item: T }>, range: Range): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let clusterEnd = -Infinity;
  let laneEnds: number[] = [];
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const i of sorted) {
    if (i.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((e) => e <= i.start);
    if (lane < 0) lane = laneEnds.push(i.end) - 1;
    else laneEnds[lane] = i.end;
    const top = Math.max(i.start, range.start) - range.start;
    const bottom = Math.min(i.end, range.end) - range.start;
    const p: Placed<T> = { item: i.item, top, height: Math.max(bottom - top, 10), lane, lanes: 1 };
    cluster.push(p);
    out.push(p);
    clusterEnd = Math.max(clusterEnd, i.end);
  }
  close();
  return out;
}

/**
 * The parts of one hour [start, start + 60) no item covers and at least `min` minutes long: where an
 * empty-hour button goes. A booking at 1:15–1:35 leaves 1:35–2:00 to click, not a 15-minute sliver
 * hidden under it (a target too small to hit, WCAG 2.2 target size).
 */
export function freeStretches(start: number, items: ReadonlyArray<{ start: number; end: number }>, min = 20): Array<{ start: number; end: number }> {
  const end = start + 60;
  const covering = items.filter((i) => i.start < end && i.end > start).sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  let at = start;
  for (const i of covering) {
    if (i.start > at) out.push({ start: at, end: Math.min(i.start, end) });
    at = Math.max(at, i.end);
  }
  if (at < end) out.push({ start: at, end });
  return out.filter((s) => s.end - s.start >= min);
}

/** The minute a pointer offset (px from the column's top) points at, snapped down to `step`, inside the range. */
export function minuteAt(offsetPx: number, pxPerMinute: number, range: Range, step = 15): number {
  const raw = range.start + offsetPx / pxPerMinute;
  const snapped = Math.floor(raw / step) * step;
  return Math.min(Math.max(snapped, range.start), range.end - step);
}

/** "09:00" for a minute of the day (the grid's own labels; the UI's clock format comes from Intl). */
export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
