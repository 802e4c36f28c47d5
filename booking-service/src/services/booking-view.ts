import type { bookings } from '../adapters/db/schema.js';
import type { PriceSnapshot } from '../domain/booking/price.js';

export interface BookingView {
  id: string;
  start: string;
  end: string;
  serviceId: string;
  staffId: string;
  status: 'confirmed' | 'cancelled' | 'attended' | 'no_show' | 'held';
  /** Bumped on every reschedule (the .ics SEQUENCE). */
  version: number;
  /** The price agreed at booking time (null: booked before prices were kept). */
  price: PriceSnapshot | null;
}

export function toBookingView(b: typeof bookings.$inferSelect): BookingView {
  return {
    id: b.id,
    start: b.startsAt.toISOString(),
    end: b.endsAt.toISOString(),
    serviceId: b.serviceId,
    staffId: b.staffId,
    status: b.status,
    version: b.version,
    price: b.price ?? null,
  };
}
