/**
 * Bookings as they are now, for a visitor who proved they may see them (made in the conversation,
 * a manage link, a verified code): always read from the database, never from a conversation's
 * memory, so a booking moved or cancelled elsewhere is shown as it is.
 */
import { and, asc, eq, gt, inArray, ne } from 'drizzle-orm';
import { bookings, staff } from '../../adapters/db/schema.js';
import type { BookingFacts } from '../../domain/conversation/effects.js';
import type { Deps } from '../deps.js';
import { MANAGE_LINK_GRACE_MS } from '../manage.js';
import { signToken } from '../tokens.js';

/** By id, or a customer's that have not ended more than a day ago. Holds are not bookings. At most 20, soonest first. */
export async function readBookings(deps: Deps, businessId: string, by: { ids: string[] } | { customerIds: string[] }) {
  const now = deps.clock.now();
  const which = 'ids' in by
    ? inArray(bookings.id, by.ids.length ? by.ids : [''])
    : and(inArray(bookings.customerId, by.customerIds.length ? by.customerIds : ['']), gt(bookings.endsAt, new Date(now.getTime() - MANAGE_LINK_GRACE_MS)));
  const rows = await deps.db
    .select({ b: bookings, staffName: staff.name })
    .from(bookings)
    .innerJoin(staff, eq(staff.id, bookings.staffId))
    .where(and(eq(bookings.businessId, businessId), ne(bookings.status, 'held'), which))
    .orderBy(asc(bookings.startsAt))
    .limit(20);
  return rows.map(({ b, staffName }) => ({
    customerId: b.customerId,
    facts: {
      id: b.id,
      status: b.status as BookingFacts['status'],
      start: b.startsAt.getTime(),
      end: b.endsAt.getTime(),
      serviceId: b.serviceId,
      staffId: b.staffId,
      staffName,
      manageToken: signToken(deps.secret, b.id, 'manage'),
      // The price agreed at booking time (the snapshot), not today's price list.
      price: b.price ? (b.price.max === null ? { kind: 'fixed', amount: b.price.min } : { kind: 'range', min: b.price.min, max: b.price.max }) : null,
      priceSummary: b.price?.summary ?? null,
    } satisfies BookingFacts,
  }));
}
