/** The times a manage page offers for moving a booking: one day at a time, same specialist. */
import { addDays, utcToZoned, type Lang } from '@frontdesk/shared';
import type { Deps } from './deps.js';
import { getManagedBooking, type ManagedBookingView } from './manage.js';
import { loadBookingContext } from './notifications/context.js';
import { fail, ok, type Result } from './result.js';
import { searchSlots, toView, type SlotView } from './slots.js';
import { signToken } from './tokens.js';

export async function rescheduleOptions(
  deps: Deps,
  token: string,
  day: string | undefined,
  lang?: Lang,
): Promise<Result<{ view: ManagedBookingView; day: string; days: string[]; slots: SlotView[]; brand: string | null; rebookToken: string | null }>> {
  const r = await getManagedBooking(deps, token, undefined, lang);
  if (!r.ok) return r;
  const c = await loadBookingContext(deps.db, r.value.booking.id);
  if (!c) return fail('BOOKING_NOT_FOUND', 'Booking not found');
  const today = utcToZoned(deps.clock.now().getTime(), c.business.timeZone).date;
  const bookedDay = utcToZoned(c.booking.startsAt.getTime(), c.business.timeZone).date;
  const last = addDays(today, c.business.horizonDays);
  const pickDay = day && /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= today && day <= last ? day : bookedDay >= today ? bookedDay : today;
  const days = Array.from({ length: 7 }, (_, i) => addDays(pickDay, i - 3)).filter((d) => d >= today && d <= last);
  const extra = {
    brand: c.site?.widget.color ?? null,
    // A cancelled booking offers "book again": the same service, through the rebook page.
    rebookToken: c.booking.status === 'cancelled' && c.customer ? signToken(deps.secret, c.booking.id, 'rebook') : null,
  };
  if (!r.value.cancellation.allowed) return ok({ ...extra, view: r.value, day: pickDay, days, slots: [] });
  const slots = await searchSlots(deps, c.business, c.service, [c.staff], pickDay, 1, c.booking.id);
  // The booking's own time is free of everything but itself: never offer it as a new time.
  const others = slots.filter((sl) => sl.start !== c.booking.startsAt.getTime());
  return ok({ ...extra, view: r.value, day: pickDay, days, slots: others.map(toView) });
}
