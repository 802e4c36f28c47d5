/**
 * Slot search: site → service → staff → schedules → the pure engine.
 */
import { findSlots, searchBounds, type Slot } from '../domain/availability/find-slots.js';
import { addDays, encodeSlots, utcToZoned, zonedToUtc, type CompactSlots } from '@frontdesk/shared';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';
import { dateOutsideHorizon } from './booking-window.js';
import { readSchedule, rulesFor, schedulesFrom } from './schedule.js';
import { slotMemo } from './slot-memo.js';
import { cachedPickStaff, cachedService, openSite, type BusinessRow, type ServiceRow, type StaffRow } from './site.js';

export interface SlotView {
  start: string;
  end: string;
  /** Who will serve: the first free staff member in display order. */
  staffId: string;
  /**
   * Everyone free at this time, when asked for (`allStaff`). Off by default: for "anyone" across
   * 20 staff it quadruples the answer (74 KB instead of 19 KB for a week), and serialising it
   * was the largest cost of a search (p99 28 ms vs 13 ms at 200 req/s; BENCHMARKS.md).
   */
  staffIds?: string[];
}

export interface FindSlotsInput {
  siteKey: string;
  serviceId: string;
  staffId?: string | undefined;
  from: string;
  days: number;
  /** List every free staff member per slot (SlotView.staffIds). */
  allStaff?: boolean | undefined;
}

export async function findSlotsForSite(
  deps: Deps,
  input: FindSlotsInput,
  origin: string | undefined,
): Promise<Result<{ timeZone: string; slots: SlotView[] }>> {
  const allStaff = input.allStaff === true;
  return searchForSite(deps, input, origin, !allStaff, allStaff ? 'all' : 'lean', (timeZone, slots) => ({ timeZone, slots: slots.map(allStaff ? toView : toLeanView) }));
}

/**
 * The same search in the compact shape (`CompactSlots` in @frontdesk/shared: the same starts, ends
 * and serving staff as findSlotsForSite without allStaff, about a sixth of the bytes).
 */
export async function findCompactSlotsForSite(
  deps: Deps,
  input: Omit<FindSlotsInput, 'allStaff'>,
  origin: string | undefined,
): Promise<Result<{ timeZone: string; compact: CompactSlots }>> {
  return searchForSite(deps, input, origin, true, 'compact', (timeZone, slots) => ({ timeZone, compact: encodeSlots(slots.map((s) => ({ start: s.start, end: s.end, staffId: s.staffIds[0]! }))) }));
}

/** The public searches' recent answers (slot-memo.ts): the same week asked again costs a database read. */
const answers = slotMemo();

/**
 * firstFreeOnly: the answer names one server per slot (Slot.staffIds holds only the first).
 * `answer` shapes the slots; `shape` names that shape in the memo. The answer is deeply frozen.
 */
async function searchForSite<T>(
  deps: Deps,
  input: Omit<FindSlotsInput, 'allStaff'>,
  origin: string | undefined,
  firstFreeOnly: boolean,
  shape: string,
  answer: (timeZone: string, slots: Slot[]) => T,
): Promise<Result<T>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const { business } = site.value;
  const far = dateOutsideHorizon(business, deps.clock.now(), input.from, 'from');
  if (far) return far;
  // Both come from the config cache in a running service; read in parallel when they are not.
  const [service, staffRows] = await Promise.all([
    cachedService(deps, business.id, input.serviceId),
    cachedPickStaff(deps, business.id, input.serviceId, input.staffId),
  ]);
  if (!service.ok) return service;
  if (!staffRows.ok) return staffRows;
  const tooBig = staffDaysOver(staffRows.value.length, input);
  if (tooBig) return tooBig;
  const search = await prepareSearch(deps, business, service.value, staffRows.value, input.from, input.days, undefined, firstFreeOnly);
  const key = { business, service: service.value, staff: staffRows.value, row: search.row, shape: `${shape} ${input.from} ${input.days} ${search.bounds.earliest} ${search.bounds.latest}` };
  return ok(answers.get<T>(key) ?? answers.set(key, answer(business.timeZone, search.run())));
}

/**
 * Days × staff one search may cover (issue 12, limits: 50 batched 31-day "everyone" searches
 * answered 7.7 MB). A lean search (one staff id per slot) is bounded by its 31 days; listing
 * everyone free (`allStaff`) grows with the staff too, so it may cover at most this many staff-days.
 */
export const MAX_ALL_STAFF_DAYS = 62;

function staffDaysOver(staffCount: number, input: Pick<FindSlotsInput, 'days' | 'allStaff'>) {
  if (!input.allStaff || staffCount * input.days <= MAX_ALL_STAFF_DAYS) return null;
  const message = `at most ${Math.max(1, Math.floor(MAX_ALL_STAFF_DAYS / staffCount))} days when allStaff lists ${staffCount} staff; ask fewer days or one staff member`;
  return fail('INVALID_INPUT', message, { fields: [{ path: 'days', message }] });
}

/** Free slots over business-local days [from, from + days). */
export async function searchSlots(
  deps: Deps,
  business: BusinessRow,
  service: ServiceRow,
  staffRows: StaffRow[],
  from: string,
  days: number,
  excludeBookingId?: string,
  /** Slot.staffIds lists only the first free member (findSlots' firstFreeOnly). */
  firstFreeOnly = false,
): Promise<Slot[]> {
  return (await prepareSearch(deps, business, service, staffRows, from, days, excludeBookingId, firstFreeOnly)).run();
}

/** A search with its database row read: the engine's bounds and row (a memo's key), and the engine still to run. */
async function prepareSearch(deps: Deps, business: BusinessRow, service: ServiceRow, staffRows: StaffRow[], from: string, days: number, excludeBookingId: string | undefined, firstFreeOnly: boolean) {
  const now = deps.clock.now();
  const range = {
    start: zonedToUtc(from, 0, business.timeZone),
    end: zonedToUtc(addDays(from, days), 0, business.timeZone),
  };
  const rules = rulesFor(business, service);
  const window = { from, days, timeZone: business.timeZone };
  const bounds = searchBounds(rules, window, now.getTime());
  const row = await readSchedule(deps.db, business, staffRows, range, now, excludeBookingId);
  return {
    bounds,
    row,
    run: () => findSlots({ ...schedulesFrom(business, staffRows, range, row), rules, window, now: now.getTime(), fillGaps: business.fillGaps, firstFreeOnly }),
  };
}

/**
 * Up to `count` free slots nearest to `around` (the time the visitor wanted), returned in
 * time order: what a CONFLICT answer offers instead of a dead end.
 */
export async function nearestSlots(
  deps: Deps,
  business: BusinessRow,
  service: ServiceRow,
  staffRows: StaffRow[],
  around: number,
  count = 3,
): Promise<SlotView[]> {
  const today = utcToZoned(deps.clock.now().getTime(), business.timeZone).date;
  const aroundDate = utcToZoned(around, business.timeZone).date;
  // Look a day before the wanted date (not before today) through a week after it.
  const start = aroundDate > today ? addDays(aroundDate, -1) : today;
  const slots = await searchSlots(deps, business, service, staffRows, start, 8);
  return slots
    .map((s) => ({ s, d: Math.abs(s.start - around) }))
    .sort((a, b) => a.d - b.d || a.s.start - b.s.start)
    .slice(0, count)
    .map((x) => x.s)
    .sort((a, b) => a.start - b.start)
    .map(toView);
}

/** A slot with who serves it, without the list of everyone else free then. */
export function toLeanView(s: Slot): SlotView {
  return { start: isoString(s.start), end: isoString(s.end), staffId: s.staffIds[0]! };
}

export function toView(s: Slot): SlotView {
  return {
    start: isoString(s.start),
    end: isoString(s.end),
    staffId: s.staffIds[0]!,
    staffIds: s.staffIds,
  };
}

const DAY_MS = 86_400_000;
// A search answers hundreds of instants on a few days and a grid of times of day: formatting each
// with Date#toISOString was a tenth of a search's CPU (issue 19). Both halves are memoised, and
// the memos start over before they grow large.
const MEMO_LIMIT = 4096;
const datePrefixes = new Map<number, string>();
const timeSuffixes = new Map<number, string>();

/** The same text as `new Date(ms).toISOString()`, for whole-ms instants. */
export function isoString(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const time = ms - day * DAY_MS;
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    if (datePrefixes.size >= MEMO_LIMIT) datePrefixes.clear();
    // "YYYY-MM-DDT" (or the extended-year form), exactly as toISOString writes it.
    prefix = new Date(day * DAY_MS).toISOString().slice(0, -13);
    datePrefixes.set(day, prefix);
  }
  let suffix = timeSuffixes.get(time);
  if (suffix === undefined) {
    if (timeSuffixes.size >= MEMO_LIMIT) timeSuffixes.clear();
    suffix = new Date(time).toISOString().slice(-13);
    timeSuffixes.set(time, suffix);
  }
  return prefix + suffix;
}
