/** Everything a message or calendar file about one booking needs, in one query. */
import type { Lang } from '@frontdesk/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { bookings, businesses, customers, services, sites, staff } from '../../adapters/db/schema.js';
import type { BookingFacts, BusinessFacts } from '../../domain/messages/types.js';
import { pick } from '../site-view.js';
import { priceText } from '../../domain/booking/price.js';

export async function loadBookingContext(db: Queryable, bookingId: string) {
  const rows = await db
    .select({ booking: bookings, business: businesses, service: services, staff, customer: customers, site: sites })
    .from(bookings)
    .innerJoin(businesses, eq(businesses.id, bookings.businessId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(staff, eq(staff.id, bookings.staffId))
    .leftJoin(customers, eq(customers.id, bookings.customerId))
    // The site the booking came from: its brand colour dresses the visitor pages.
    .leftJoin(sites, eq(sites.id, bookings.siteId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  return rows[0];
}

export type BookingContext = NonNullable<Awaited<ReturnType<typeof loadBookingContext>>>;

const MIN = 60_000;

export function visitorLang(c: BookingContext): Lang {
  return c.booking.lang ?? c.customer?.lang ?? c.business.defaultLang;
}

export function businessFacts(c: Pick<BookingContext, 'business'>): BusinessFacts {
  return { name: c.business.name, address: c.business.address, phone: c.business.phone, timeZone: c.business.timeZone };
}

export function bookingFacts(c: BookingContext, lang: Lang, previousStart: number | null = null): BookingFacts {
  const d = c.business.defaultLang;
  return {
    serviceName: pick(c.service.names, lang, d) ?? c.service.id,
    staffName: c.staff.name,
    customerName: c.customer?.name ?? null,
    customerContact: [c.customer?.phone, c.customer?.email].filter(Boolean).join(', ') || '—',
    start: c.booking.startsAt.getTime(),
    end: c.booking.endsAt.getTime(),
    previousStart,
    changeDeadline: c.booking.startsAt.getTime() - c.business.cancellationWindowMin * MIN,
    note: c.booking.note,
    whatToBring: pick(c.business.whatToBring, lang, d),
    cancelReason: c.booking.cancelReason,
    price: c.booking.price ? priceText(c.booking.price, lang) : null,
  };
}
