/**
 * Loads what the availability engine needs for some staff over a time range: their weekly
 * hours, dated exceptions and busy intervals (active bookings and live holds, with the
 * buffers already folded into the stored occupied range — the same range the database's
 * exclusion constraint guards, so the engine and the constraint agree on what "free" means).
 */
import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../adapters/db/client.js';
import { bookings, externalBusy, googleConnections, staffExceptions, type TimeRangeJson } from '../adapters/db/schema.js';
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
  const [result] = await queryRows<{ rows: ScheduleRow[] | string | null }>(
    db,
    sql`SELECT json_agg(json_build_array(k, staff_id, s, e, d, x, i)) AS rows FROM (${scheduleQuery(business.id, ids, from, to, fromDate, toDate, now.toISOString(), excludeBookingId)}) AS t`,
  );
  // One JSON value instead of hundreds of rows: the driver's per-row parsing was the single
  // largest cost of a search for "anyone" (JSON.parse is native and far cheaper).
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

const ms = (column: SQL | AnyColumn) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Busy time and exceptions of some staff in ONE round trip (slot search is the hottest path:
 * three separate queries cost three trips through the pool and the socket). The conditions are
 * those the indexes serve: bookings_staff_range_idx, external_busy_staff_end_idx,
 * staff_exceptions_staff_date_idx.
 */
function scheduleQuery(businessId: string, ids: string[], from: string, to: string, fromDate: string, toDate: string, now: string, excludeBookingId: string | undefined): SQL {
  const statuses = sql.join(
    ACTIVE_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  return sql`
    SELECT 'b' AS k, ${bookings.staffId} AS staff_id, ${ms(bookings.occupiedFrom)} AS s, ${ms(bookings.occupiedTo)} AS e,
           NULL::text AS d, NULL::text AS x, NULL::jsonb AS i
    FROM ${bookings}
    WHERE ${bookings.businessId} = ${businessId}
      AND ${inArray(bookings.staffId, ids)}
      AND ${bookings.status} IN (${statuses})
      -- An expired hold frees its slot by itself, whether or not a sweeper removed it yet.
      AND (${bookings.status} <> 'held' OR ${bookings.holdExpiresAt} > ${now}::timestamptz)
      AND ${bookings.occupiedFrom} < ${to}::timestamptz
      AND ${bookings.occupiedTo} > ${from}::timestamptz
      ${excludeBookingId ? sql`AND ${bookings.id} <> ${excludeBookingId}` : sql``}
    UNION ALL
    -- Busy times synced from staff's Google calendars (never fetched here: the request path does
    -- not call Google). A broken connection's rows are ignored: its calendar may have changed since.
    SELECT 'g', ${externalBusy.staffId}, ${ms(externalBusy.startsAt)}, ${ms(externalBusy.endsAt)}, NULL, NULL, NULL
    FROM ${externalBusy}
    JOIN ${googleConnections} ON ${googleConnections.staffId} = ${externalBusy.staffId} AND ${googleConnections.status} = 'ok'
    WHERE ${googleConnections.businessId} = ${businessId}
      AND ${inArray(externalBusy.staffId, ids)}
      AND ${externalBusy.startsAt} < ${to}::timestamptz
      AND ${externalBusy.endsAt} > ${from}::timestamptz
    UNION ALL
    SELECT 'x', ${staffExceptions.staffId}, NULL, NULL, ${staffExceptions.date}::text, ${staffExceptions.kind}, ${staffExceptions.intervals}
    FROM ${staffExceptions}
    WHERE ${staffExceptions.businessId} = ${businessId}
      AND ${inArray(staffExceptions.staffId, ids)}
      AND ${staffExceptions.date} BETWEEN ${fromDate}::date AND ${toDate}::date`;
}

/** JSON keys are strings ('1'…'7'); the engine wants ISO weekday numbers. */
function toWeekly(json: StaffRow['weeklyHours']): StaffAvailabilityInput['weekly'] {
  const out: StaffAvailabilityInput['weekly'] = {};
  for (const [k, v] of Object.entries(json)) {
    const d = Number(k);
    if (d >= 1 && d <= 7 && v) out[d as Weekday] = v;
  }
  return out;
}
