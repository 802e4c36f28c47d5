/**
 * The calendar file for a booking, fetched with its manage token ("Add to calendar").
 * Same builder, UID and SEQUENCE as the files attached to the e-mails.
 */
import type { Deps } from './deps.js';
import { getManagedBooking } from './manage.js';
import type { Result } from './result.js';
import { ok } from './result.js';
import { buildCalendar, organizerEmailFor } from './notifications/calendar.js';
import { priceText } from '../domain/booking/price.js';
import { loadBookingContext } from './notifications/context.js';
import { manageUrl } from './notifications/links.js';

/** `origin`: the browser's Origin, if any — only the booking's own site's origins may read the file. */
export async function bookingIcs(deps: Deps, token: string, origin?: string): Promise<Result<string>> {
  const r = await getManagedBooking(deps, token, origin);
  if (!r.ok) return r;
  const { booking, business } = r.value;
  const c = await loadBookingContext(deps.db, booking.id);
  const cancelled = booking.status === 'cancelled';
  return ok(
    buildCalendar({
      bookingId: booking.id,
      version: booking.version,
      cancelled,
      start: new Date(booking.start),
      end: new Date(booking.end),
      stamp: c?.booking.updatedAt ?? new Date(booking.start),
      summary: `${booking.serviceName} — ${business.name}`,
      businessName: business.name,
      address: business.address,
      organizerEmail: organizerEmailFor(deps.publicUrl, c?.business.notifyEmail ?? null),
      attendee: c?.customer?.email ? { name: c.customer.name, email: c.customer.email } : null,
      description: [`${booking.serviceName}, ${booking.staffName}`, booking.price ? priceText(booking.price, r.value.lang) : null].filter(Boolean).join('\n'),
      manageUrl: cancelled ? null : manageUrl(deps, token),
      alarmMin: 60,
    }),
  );
}
