/**
 * Loads what the availability engine needs for some staff over a time range: their weekly
 * hours, dated exceptions and busy intervals (active bookings and live holds, with the
 * buffers already folded into the stored occupied range — the same range the database's
 * exclusion constraint guards, so the engine and the constraint agree on what "free" means).
 */
import { and, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { bookings, externalBusy, googleConnections, staffExceptions } from '../adapters/db/schema.js';
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
  const from = new Date(range.start - DAY_MS);
  const to = new Date(range.end + DAY_MS);
  const fromDate = addDays(utcToZoned(from.getTime(), business.timeZone).date, -1);
  const toDate = addDays(utcToZoned(to.getTime(), business.timeZone).date, 1);
  // Independent reads: a PostgreSQL pool runs them at once (PGlite queues them).
  const [busyRows, externalRows, exceptionRows] = await Promise.all([
    db
      .select({ staffId: bookings.staffId, start: bookings.occupiedFrom, end: bookings.occupiedTo })
      .from(bookings)
      .where(
        and(
          eq(bookings.businessId, business.id),
          inArray(bookings.staffId, ids),
          inArray(bookings.status, [...ACTIVE_STATUSES]),
          // An expired hold frees its slot by itself, whether or not a sweeper removed it yet.
          or(ne(bookings.status, 'held'), gt(bookings.holdExpiresAt, now)),
          lt(bookings.occupiedFrom, to),
          gt(bookings.occupiedTo, from),
          excludeBookingId ? ne(bookings.id, excludeBookingId) : sql`true`,
        ),
      ),
    // Busy times synced from staff's Google calendars (never fetched here: the request path does
    // not call Google). A broken connection's rows are ignored: its calendar may have changed since.
    db
      .select({ staffId: externalBusy.staffId, start: externalBusy.startsAt, end: externalBusy.endsAt })
      .from(externalBusy)
      .innerJoin(googleConnections, and(eq(googleConnections.staffId, externalBusy.staffId), eq(googleConnections.status, 'ok')))
      .where(
        and(
          eq(googleConnections.businessId, business.id),
          inArray(externalBusy.staffId, ids),
          lt(externalBusy.startsAt, to),
          gt(externalBusy.endsAt, from),
        ),
      ),
    db
      .select()
      .from(staffExceptions)
      .where(
        and(
          eq(staffExceptions.businessId, business.id),
          inArray(staffExceptions.staffId, ids),
          sql`${staffExceptions.date} BETWEEN ${fromDate} AND ${toDate}`,
        ),
      ),
  ]);
  return staffRows.map((s) => ({
    staffId: s.id,
    timeZone: s.timeZone ?? business.timeZone,
    weekly: toWeekly(s.weeklyHours),
    exceptions: exceptionRows
      .filter((e) => e.staffId === s.id)
      .map((e) => ({ date: e.date, kind: e.kind, ...(e.intervals ? { intervals: e.intervals } : {}) })),
    busy: [...busyRows, ...externalRows]
      .filter((b) => b.staffId === s.id)
      .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
  }));
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
