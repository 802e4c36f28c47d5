/**
 * Holding a slot while the visitor types their contact details.
 *
 * The slot check and the reservation are one INSERT: the row's occupied range is guarded by
 * the exclusion constraint, so of any number of racing requests (in any number of service
 * processes) exactly one wins and the others get an exclusion violation → SLOT_TAKEN.
 * The engine check before it only filters out times that were never bookable
 * (outside hours, too soon) and gives the losers their alternatives.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, lte } from 'drizzle-orm';
import { bookings } from '../adapters/db/schema.js';
import { PG_EXCLUSION_VIOLATION, pgErrorCode, retryTransient } from '../adapters/db/errors.js';
import type { Db } from '../adapters/db/client.js';
import { utcToZoned } from '@frontdesk/shared';
import type { Deps } from './deps.js';
import { fail, ok, type Result } from './result.js';
import { nearestSlots, searchSlots } from './slots.js';
import { loadService, openSite, pickStaff } from './site.js';
import { newHoldToken } from './tokens.js';
import { startOutsideHorizon } from './booking-window.js';

const MIN = 60_000;

export interface HoldInput {
  siteKey: string;
  serviceId: string;
  staffId?: string | undefined;
  start: string;
  /** The widget conversation (KPI join key); confirm keeps it on the booking. */
  conversationId?: string | undefined;
}

export interface HoldView {
  holdToken: string;
  expiresAt: string;
  staffId: string;
}

export async function holdSlot(deps: Deps, input: HoldInput, origin: string | undefined): Promise<Result<HoldView>> {
  const site = await openSite(deps, input.siteKey, origin);
  if (!site.ok) return site;
  const { business, site: siteRow } = site.value;
  const far = startOutsideHorizon(business, deps.clock.now(), input.start, 'start');
  if (far) return far;
  const service = await loadService(deps.db, business.id, input.serviceId);
  if (!service.ok) return service;
  const staffRows = await pickStaff(deps.db, business.id, service.value.id, input.staffId);
  if (!staffRows.ok) return staffRows;

  const start = Date.parse(input.start);
  const date = utcToZoned(start, business.timeZone).date;
  const free = await searchSlots(deps, business, service.value, staffRows.value, date, 1);
  const slot = free.find((s) => s.start === start);

  const taken = async () =>
    fail('SLOT_TAKEN', 'This time is no longer available', {
      alternatives: await nearestSlots(deps, business, service.value, staffRows.value, start),
    });
  if (!slot) return taken();

  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + business.holdMinutes * MIN);
  const svc = service.value;
  for (const staffId of slot.staffIds) {
    const { token, hash } = newHoldToken();
    const row = {
      id: randomUUID(),
      businessId: business.id,
      siteId: siteRow.id,
      serviceId: svc.id,
      staffId,
      status: 'held' as const,
      startsAt: new Date(start),
      endsAt: new Date(start + svc.durationMin * MIN),
      occupiedFrom: new Date(start - svc.bufferBeforeMin * MIN),
      occupiedTo: new Date(start + (svc.durationMin + svc.bufferAfterMin) * MIN),
      holdExpiresAt: expiresAt,
      holdTokenHash: hash,
      conversationId: input.conversationId ?? null,
    };
    const inserted = await insertExclusive(deps.db, row, now);
    if (inserted) return ok({ holdToken: token, expiresAt: expiresAt.toISOString(), staffId });
  }
  return taken();
}

/**
 * Inserts an active row unless its range overlaps another active row of the same staff.
 * Expired holds in the way are removed in the same transaction first: they no longer
 * count, but the constraint cannot know about time.
 */
export async function insertExclusive(
  db: Db,
  row: typeof bookings.$inferInsert & { occupiedFrom: Date; occupiedTo: Date },
  now: Date,
  /** More work for the same transaction (e.g. the jobs a new booking causes). */
  within?: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<void>,
): Promise<boolean> {
  try {
    await retryTransient(() => db.transaction(async (tx) => {
      await tx
        .delete(bookings)
        .where(
          and(
            eq(bookings.businessId, row.businessId),
            eq(bookings.staffId, row.staffId),
            eq(bookings.status, 'held'),
            lte(bookings.holdExpiresAt, now),
            lt(bookings.occupiedFrom, row.occupiedTo),
            gt(bookings.occupiedTo, row.occupiedFrom),
          ),
        );
      await tx.insert(bookings).values(row);
      if (within) await within(tx);
    }));
    return true;
  } catch (err) {
    if (pgErrorCode(err) === PG_EXCLUSION_VIOLATION) return false;
    throw err;
  }
}
