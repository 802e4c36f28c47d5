/** Booking through the public API (createCaller), the way the widget does. */
import type { Lang } from '@frontdesk/shared';
import type { Harness } from './harness.js';

export interface BookOptions {
  siteKey?: string;
  serviceId?: string;
  /** Business-local day to book on. */
  day: string;
  /** Which free slot of the day (0 = first). */
  index?: number;
  name?: string;
  email?: string;
  lang?: Lang;
}

let n = 0;

export async function book(h: Harness, o: BookOptions) {
  const caller = h.caller();
  const siteKey = o.siteKey ?? 'demo-salon-spb';
  const serviceId = o.serviceId ?? 'salon-haircut-men';
  const { slots } = await caller.slots.find({ siteKey, serviceId, from: o.day, days: 1 });
  const slot = slots[o.index ?? 0];
  if (!slot) throw new Error(`no slot ${o.index ?? 0} on ${o.day}`);
  const hold = await caller.booking.hold({ siteKey, serviceId, start: slot.start });
  const done = await caller.booking.confirm({
    holdToken: hold.holdToken,
    customer: { name: o.name ?? 'Анна', ...(o.email !== '' ? { email: o.email ?? 'anna@example.com' } : { phone: '+7 900 123-45-67' }) },
    consent: true,
    lang: o.lang ?? 'ru',
    idempotencyKey: `test-book-${++n}-${Date.now()}`,
  });
  return done;
}

/** A free start for the same specialist on another day (for reschedules). */
export async function freeStart(h: Harness, staffId: string, day: string, o: { siteKey?: string; serviceId?: string; index?: number } = {}) {
  const { slots } = await h.caller().slots.find({
    siteKey: o.siteKey ?? 'demo-salon-spb',
    serviceId: o.serviceId ?? 'salon-haircut-men',
    staffId,
    from: day,
    days: 1,
  });
  const s = slots[o.index ?? 0];
  if (!s) throw new Error(`no free slot for ${staffId} on ${day}`);
  return s.start;
}
