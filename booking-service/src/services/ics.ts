/**
 * The calendar file for a booking, fetched with its manage token ("Add to calendar").
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Deps } from './deps.js';
import { getManagedBooking } from './manage.js';
import type { Result } from './result.js';
import { ok } from './result.js';

export async function bookingIcs(deps: Deps, token: string): Promise<Result<string>> {
  const r = await getManagedBooking(deps, token, undefined);
  if (!r.ok) return r;
  const { booking, business } = r.value;
  const cancelled = booking.status === 'cancelled';
  const cal = ical({
    name: business.name,
    prodId: { company: 'Frontdesk', product: 'booking', language: 'EN' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  cal.createEvent({
    id: `${booking.id}@frontdesk`,
    sequence: booking.version,
    start: new Date(booking.start),
    end: new Date(booking.end),
    summary: `${booking.serviceName} — ${business.name}`,
    location: business.address,
    description: `${booking.serviceName}, ${booking.staffName}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return ok(cal.toString());
}
