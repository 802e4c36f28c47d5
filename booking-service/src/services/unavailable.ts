/**
 * The refusal of a time that is not free, naming why: the business closed that day (CLOSED),
 * the time is outside its opening hours (OUTSIDE_HOURS), or — anything else — someone has it
 * (SLOT_TAKEN). Only the refusal path reads the closures again; a bookable time costs nothing
 * more. Every path that books or moves (hold, manage page, rebook link, staff desk, REST) answers
 * with it, each with its own alternatives.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import { addDays, utcToZoned } from '@frontdesk/shared';
import type { Db } from '../adapters/db/client.js';
import { businessClosures } from '../adapters/db/schema.js';
import { closedReason } from '../domain/booking/closed.js';
import { fail, type Failure } from './result.js';
import { toWeekly } from './schedule.js';
import type { BusinessRow } from './site.js';

export const UNAVAILABLE_MESSAGES = {
  CLOSED: 'The business is closed on this day',
  OUTSIDE_HOURS: 'This time is outside the business’s opening hours',
  SLOT_TAKEN: 'This time is no longer available',
} as const;

export async function unavailable(
  db: Db,
  business: Pick<BusinessRow, 'id' | 'timeZone' | 'openingHours'>,
  range: { startsAt: Date; endsAt: Date },
  details?: Record<string, unknown>,
): Promise<Failure> {
  const first = addDays(utcToZoned(range.startsAt.getTime(), business.timeZone).date, -1);
  const last = addDays(utcToZoned(range.endsAt.getTime(), business.timeZone).date, 1);
  const closures = await db
    .select({ from: businessClosures.startsOn, to: businessClosures.endsOn })
    .from(businessClosures)
    .where(and(eq(businessClosures.businessId, business.id), lte(businessClosures.startsOn, last), gte(businessClosures.endsOn, first)));
  const why = closedReason({ timeZone: business.timeZone, weekly: toWeekly(business.openingHours), closures }, range.startsAt.getTime(), range.endsAt.getTime()) ?? 'SLOT_TAKEN';
  return fail(why, UNAVAILABLE_MESSAGES[why], details);
}
