/**
 * A booking as the REST API and the webhooks show it (one shape for both, so a CRM maps it once).
 */
import type { BookingChannel, BookingStatus, Lang } from '@frontdesk/shared';
import type { bookings, customers } from '../../adapters/db/schema.js';

export interface ApiBooking {
  id: string;
  status: Exclude<BookingStatus, 'held'>;
  start: string;
  end: string;
  serviceId: string;
  staffId: string;
  siteId: string | null;
  channel: BookingChannel;
  customer: { id: string; name: string; phone: string | null; email: string | null } | null;
  lang: Lang | null;
  note: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type BookingWithCustomer = { b: typeof bookings.$inferSelect; c: typeof customers.$inferSelect | null };

export function toApiBooking({ b, c }: BookingWithCustomer): ApiBooking {
  return {
    id: b.id,
    status: b.status as ApiBooking['status'],
    start: b.startsAt.toISOString(),
    end: b.endsAt.toISOString(),
    serviceId: b.serviceId,
    staffId: b.staffId,
    siteId: b.siteId,
    channel: b.channel,
    customer: c ? { id: c.id, name: c.name, phone: c.phone, email: c.email } : null,
    lang: b.lang,
    note: b.note,
    cancelReason: b.cancelReason,
    version: b.version,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

