/**
 * Loads what the availability engine needs for some staff over a time range: their weekly
 * hours, dated exceptions and busy intervals (active bookings and live holds, with the
 * buffers already folded into the stored occupied range — the same range the database's
 * exclusion constraint guards, so the engine and the constraint agree on what "free" means).
 */
import { preparedRows, textArray, type Db } from '../adapters/db/client.js';
import type { TimeRangeJson } from '../adapters/db/schema.js';
import type { StaffAvailabilityInput, SlotRules, Weekday } from '../domain/availability/find-slots.js';
import { addDays, utcToZoned } from '../domain/time/zoned.js';
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

export async function loadSchedules(
  db: Db,
  business: BusinessRow,
  staffRows: StaffRow[],
  range: { start: number; end: number },
  now: Date,
  excludeBookingId?: string,
): Promise<StaffAvailabilityInput[]> {
  if (staffRows.length === 0) return [];
  const ids = staffRows.map((s) => s.id);
  // Pad by a day: staff zones may differ from the business zone, and buffers reach across.
  const from = new Date(range.start - DAY_MS).toISOString();
  const to = new Date(range.end + DAY_MS).toISOString();
  const fromDate = addDays(utcToZoned(range.start - DAY_MS, business.timeZone).date, -1);
  const toDate = addDays(utcToZoned(range.end + DAY_MS, business.timeZone).date, 1);
  const [result] = await preparedRows<{ rows: ScheduleRow[] | string | null }>(db, 'fd_schedule_v1', SCHEDULE_SQL, [
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
  const raw = result?.rows ?? null;
  const rows: ScheduleRow[] = (typeof raw === 'string' ? (JSON.parse(raw) as ScheduleRow[] | null) : raw) ?? [];

  const byStaff = new Map<string, StaffAvailabilityInput>();
  const inputs = staffRows.map((s) => {
    const input: StaffAvailabilityInput = { staffId: s.id, timeZone: s.timeZone ?? business.timeZone, weekly: toWeekly(s.weeklyHours), exceptions: [], busy: [] };
    byStaff.set(s.id, input);
    return input;
  });
  for (const [k, staffId, start, end, date, kind, intervals] of rows) {
    const input = byStaff.get(staffId);
    if (!input) continue;
    if (k === 'x') input.exceptions.push({ date: date!, kind: kind!, ...(intervals ? { intervals } : {}) });
    else input.busy.push({ start: start!, end: end! });
  }
  return inputs;
}

/**
 * [kind, staffId, start, end, date, exceptionKind, intervals]. Kind b = booking or live hold,
 * g = synced Google busy time (both with start/end in epoch ms), x = a dated exception.
 */
type ScheduleRow = ['b' | 'g' | 'x', string, number | null, number | null, string | null, 'off' | 'extra' | null, TimeRangeJson[] | null];

/**
 * Busy time and exceptions of some staff in ONE round trip, as one JSON value — slot search is
 * the hottest path: three separate queries cost three trips through the pool and the socket, and
 * the driver's per-row parsing of hundreds of rows cost more than JSON.parse of one value. A
 * fixed text, so PostgreSQL prepares it once per connection. $1 business, $2 staff ids (text[]),
 * $3 now, $4/$5 the padded range, $6/$7 the padded local dates, $8 a booking to leave out.
 * Served by bookings_staff_range_idx, external_busy_staff_end_idx and
 * staff_exceptions_staff_date_idx (the EXPLAIN is summarised in BENCHMARKS.md).
 */
export const SCHEDULE_SQL_FOR_EXPLAIN_PLACEHOLDER = 0;
const SCHEDULE_SQL = `
SELECT json_agg(json_build_array(k, staff_id, s, e, d, x, i)) AS rows FROM (
  SELECT 'b' AS k, staff_id, (extract(epoch FROM occupied_from) * 1000)::float8 AS s, (extract(epoch FROM occupied_to) * 1000)::float8 AS e,
         NULL::text AS d, NULL::text AS x, NULL::jsonb AS i
  FROM bookings
  WHERE business_id = $1 AND staff_id = ANY($2::text[])
    AND status IN (${ACTIVE_STATUSES.map((st) => `'${st}'`).join(', ')})
    -- An expired hold frees its slot by itself, whether or not a sweeper removed it yet.
    AND (status <> 'held' OR hold_expires_at > $3::timestamptz)
    AND occupied_from < $5::timestamptz AND occupied_to > $4::timestamptz
    AND id <> $8::text
  UNION ALL
  -- Busy times synced from staff's Google calendars (never fetched here: the request path does
  -- not call Google). A broken connection's rows are ignored: its calendar may have changed since.
  SELECT 'g', eb.staff_id, (extract(epoch FROM eb.starts_at) * 1000)::float8, (extract(epoch FROM eb.ends_at) * 1000)::float8, NULL, NULL, NULL
  FROM external_busy eb
  JOIN google_connections gc ON gc.staff_id = eb.staff_id AND gc.status = 'ok'
  WHERE gc.business_id = $1 AND eb.staff_id = ANY($2::text[])
    AND eb.starts_at < $5::timestamptz AND eb.ends_at > $4::timestamptz
  UNION ALL
  SELECT 'x', staff_id, NULL, NULL, date::text, kind, intervals
  FROM staff_exceptions
  WHERE business_id = $1 AND staff_id = ANY($2::text[]) AND date BETWEEN $6::date AND $7::date
) AS t`;

/** JSON keys are strings ('1'…'7'); the engine wants ISO weekday numbers. */
function toWeekly(json: StaffRow['weeklyHours']): StaffAvailabilityInput['weekly'] {
  const out: StaffAvailabilityInput['weekly'] = {};
  for (const [k, v] of Object.entries(json)) {
    const d = Number(k);
    if (d >= 1 && d <= 7 && v) out[d as Weekday] = v;
  }
  return out;
}
export const SCHEDULE_SQL_FOR_EXPLAIN = SCHEDULE_SQL;
