/**
 * Loads what the availability engine needs for some staff over a time range: their weekly
 * hours, dated exceptions and busy intervals (active bookings and live holds, with the
 * buffers already folded into the stored occupied range — the same range the database's
 * exclusion constraint guards, so the engine and the constraint agree on what "free" means),
 * and the business's opening hours and closed days, which limit everyone's hours.
 */
import { preparedRows, textArray, type Db } from '../adapters/db/client.js';
import type { BusinessHours, Closure, StaffAvailabilityInput, SlotRules, Weekday } from '../domain/availability/find-slots.js';
import { addDays, utcToZoned, type TimeRange } from '@frontdesk/shared';
import type { BusinessRow, ServiceRow, StaffRow } from './site.js';

const DAY_MS = 86_400_000;

export const ACTIVE_STATUSES = ['held', 'confirmed', 'attended', 'no_show'] as const;

export function rulesFor(business: BusinessRow, service: ServiceRow): SlotRules {
  return {
    durationMin: service.durationMin,
    bufferBeforeMin: service.bufferBeforeMin,
    bufferAfterMin: service.bufferAfterMin,
    stepMin: business.slotStepMin,
    minNoticeMin: business.minNoticeMin,
    horizonDays: business.horizonDays,
  };
}

export type Schedules = { staff: StaffAvailabilityInput[]; business: BusinessHours };

export async function loadSchedules(
  db: Db,
  business: BusinessRow,
  staffRows: StaffRow[],
  range: { start: number; end: number },
  now: Date,
  excludeBookingId?: string,
): Promise<Schedules> {
  return schedulesFrom(business, staffRows, range, await readSchedule(db, business, staffRows, range, now, excludeBookingId));
}

/**
 * SCHEDULE_SQL's one row for these staff over the range, as the driver returns it (no staff: no
 * row). Everything a search reads from the database: equal rows, equal schedules.
 */
export async function readSchedule(
  db: Db,
  business: BusinessRow,
  staffRows: StaffRow[],
  range: { start: number; end: number },
  now: Date,
  excludeBookingId?: string,
): Promise<ScheduleRow | undefined> {
  if (staffRows.length === 0) return undefined;
  const ids = staffRows.map((s) => s.id);
  // Pad by a day: staff zones may differ from the business zone, and buffers reach across.
  const from = new Date(range.start - DAY_MS).toISOString();
  const to = new Date(range.end + DAY_MS).toISOString();
  const fromDate = addDays(utcToZoned(range.start - DAY_MS, business.timeZone).date, -1);
  const toDate = addDays(utcToZoned(range.end + DAY_MS, business.timeZone).date, 1);
  const [result] = await preparedRows<ScheduleRow>(db, 'fd_schedule_v6', SCHEDULE_SQL, [
    business.id,
    textArray(ids),
    now.toISOString(),
    from,
    to,
    fromDate,
    toDate,
    // Booking ids are never empty, so '' excludes nothing.
    excludeBookingId ?? '',
  ]);
  return result;
}

/** The engine's inputs from readSchedule's row. */
export function schedulesFrom(business: BusinessRow, staffRows: StaffRow[], range: { start: number; end: number }, result: ScheduleRow | undefined): Schedules {
  const hours = { timeZone: business.timeZone, weekly: toWeekly(business.openingHours), closures: [] as Closure[] };
  if (staffRows.length === 0) return { staff: [], business: hours };
  // Each staff member's hours in their own zone; the engine limits them by the business's.
  const inputs = staffRows.map((s): StaffAvailabilityInput => ({ staffId: s.id, timeZone: s.timeZone ?? business.timeZone, weekly: toWeekly(s.weeklyHours), exceptions: [], busy: [] }));
  const base = range.start - DAY_MS; // $4
  if (result?.busy) addBusy(inputs, result.busy, base);
  if (result?.external) addBusy(inputs, result.external, base);
  const exceptions = typeof result?.exceptions === 'string' ? (JSON.parse(result.exceptions) as ExceptionJson[]) : (result?.exceptions ?? []);
  for (const [position, date, kind, intervals] of exceptions) {
    inputs[position - 1]?.exceptions.push({ date, kind, ...(intervals ? { intervals } : {}) });
  }
  const closures = typeof result?.closures === 'string' ? (JSON.parse(result.closures) as ClosureJson[]) : (result?.closures ?? []);
  for (const [from, to] of closures) hours.closures.push({ from, to });
  return { staff: inputs, business: hours };
}

/**
 * Parses SCHEDULE_SQL's busy lists ("position offset length" items joined by commas, integers)
 * onto the members' busy arrays, in one pass over the characters: splitting hundreds of items
 * into strings and arrays cost more than the engine's search itself (issue 19).
 */
export function addBusy(inputs: StaffAvailabilityInput[], list: string, base: number): void {
  const values = [0, 0, 0];
  let field = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i <= list.length; i++) {
    const c = i < list.length ? list.charCodeAt(i) : 44; // ',' ends the last item
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 45) negative = true; // '-': an item starting before the padded range
    else {
      values[field++] = negative ? -value : value;
      value = 0;
      negative = false;
      if (c === 44) {
        const start = base + values[1]!;
        inputs[values[0]! - 1]?.busy.push({ start, end: start + values[2]! });
        field = 0;
      }
    }
  }
}

/** [first closed date, last closed date]. */
type ClosureJson = [string, string];

/** [position of the staff member in $2 (1-based), local date, kind, intervals]. */
type ExceptionJson = [number, string, 'off' | 'extra', TimeRange[] | null];

/**
 * busy/external: "position offset length" items joined by commas: offset in ms from $4 (the padded
 * range's start; negative for an item starting before it), length in ms; position is the staff
 * member's 1-based index in $2 (ids never have to be parsed out of text). Offsets and lengths
 * instead of two epoch ms keep the text about a third shorter (receiving it is a cost too).
 */
export interface ScheduleRow {
  busy: string | null;
  external: string | null;
  exceptions: ExceptionJson[] | string | null;
  closures: ClosureJson[] | string | null;
}

/**
 * Busy time and exceptions of some staff in ONE round trip and one row — slot search is the
 * hottest path: three separate queries cost three trips through the pool and the socket, and
 * the driver's per-row parsing of hundreds of rows (or a JSON array of them) cost more than the
 * search itself; a compact text list is about half the cost of JSON on "anyone of 20". A fixed
 * text, so PostgreSQL prepares it once per connection. $1 business, $2 staff ids (text[]), $3
 * now, $4/$5 the padded range, $6/$7 the padded local dates, $8 a booking to leave out.
 * A no-show the business released (bookings.released) no longer counts, as in the constraint.
 * Bookings are found through the exclusion constraint's GiST index, one staff member at a time;
 * bench/http.ts records the EXPLAIN in BENCHMARKS.md.
 */
const epochMs = (column: string) => `(date_part('epoch', ${column}) * 1000)::int8`;
/** ms from $4 to the column's instant; each instant is rounded to whole ms first, so base + offset is the same epoch ms as before. */
const msFrom4 = (column: string) => `(${epochMs(column)} - ${epochMs('$4::timestamptz')})`;
const msLength = (from: string, to: string) => `(${epochMs(to)} - ${epochMs(from)})`;

export const SCHEDULE_SQL = `
SELECT
  -- One index scan per staff member (the LATERAL), each through the exclusion constraint's GiST
  -- index (staff id's hash, occupied range, staff id: drizzle/0035): it finds exactly that
  -- member's bookings overlapping the range. The b-tree (business, staff, occupied_to) can bound
  -- only one side, so it read every future booking of the staff and dropped the ones after the
  -- range: 5,000 rows (5,094 buffers) for the bench's barber shop to keep 800, against 923
  -- buffers this way (bench/tenants.ts at 1 M bookings). On small tables the planner found the
  -- same rows with a BitmapAnd of both indexes; among 10,000 tenants the range alone matches
  -- every tenant's week, so it read the b-tree alone and slots.find's wall time grew (issue 19).
  (SELECT string_agg(s.pos || ' ' || ${msFrom4('b.occupied_from')} || ' ' || ${msLength('b.occupied_from', 'b.occupied_to')}, ',')
   FROM unnest($2::text[]) WITH ORDINALITY AS s(id, pos)
   JOIN LATERAL (
     SELECT occupied_from, occupied_to
     FROM bookings
     -- The hash is the constraint index's first column, written as the index writes it.
     WHERE hashtextextended(staff_id, 0) = hashtextextended(s.id, 0) AND staff_id = s.id AND business_id = $1
       AND status IN (${ACTIVE_STATUSES.map((st) => `'${st}'`).join(', ')}) AND NOT released
       AND tstzrange(occupied_from, occupied_to, '[)') && tstzrange($4::timestamptz, $5::timestamptz, '[)')
       -- Implied by the overlap; lets the b-tree (business, staff, occupied_to) skip a member's
       -- past should the planner ever read that index instead.
       AND occupied_to > $4::timestamptz
       -- An expired hold frees its slot by itself, whether or not a sweeper removed it yet.
       AND (status <> 'held' OR hold_expires_at > $3::timestamptz)
       AND id <> $8::text) b ON true) AS busy,
  -- Busy times synced from staff's Google calendars (never fetched here: the request path does
  -- not call Google). A broken connection's rows are ignored: its calendar may have changed since.
  (SELECT string_agg(array_position($2::text[], eb.staff_id) || ' ' || ${msFrom4('eb.starts_at')} || ' ' || ${msLength('eb.starts_at', 'eb.ends_at')}, ',')
   FROM external_busy eb
   JOIN google_connections gc ON gc.staff_id = eb.staff_id AND gc.status = 'ok'
   WHERE gc.business_id = $1 AND eb.staff_id = ANY($2::text[])
     AND eb.starts_at < $5::timestamptz AND eb.ends_at > $4::timestamptz) AS external,
  (SELECT json_agg(json_build_array(array_position($2::text[], staff_id), date::text, kind, intervals))
   FROM staff_exceptions
   WHERE business_id = $1 AND staff_id = ANY($2::text[]) AND date BETWEEN $6::date AND $7::date) AS exceptions,
  -- Days the business is closed (business-local dates, like the exceptions).
  (SELECT json_agg(json_build_array(starts_on::text, ends_on::text))
   FROM business_closures
   WHERE business_id = $1 AND ends_on >= $6::date AND starts_on <= $7::date) AS closures`;


const weeks = new WeakMap<object, StaffAvailabilityInput['weekly']>();

/**
 * JSON keys are strings ('1'…'7'); the engine wants ISO weekday numbers. The result is deeply
 * frozen and memoised per source object: rows come from the config cache, so every search of a
 * staff member gets the same week and the engine compiles it once (WorkingSchedule).
 */
export function toWeekly(json: StaffRow['weeklyHours']): StaffAvailabilityInput['weekly'] {
  const known = weeks.get(json);
  if (known !== undefined) return known;
  const out: StaffAvailabilityInput['weekly'] = {};
  for (const [k, v] of Object.entries(json)) {
    const d = Number(k);
    if (d >= 1 && d <= 7 && v) out[d as Weekday] = Object.freeze(v.map((r) => Object.freeze({ start: r.start, end: r.end }))) as TimeRange[];
  }
  Object.freeze(out);
  weeks.set(json, out);
  return out;
}
