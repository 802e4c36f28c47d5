/**
 * The days a visitor may ask about or book: from yesterday (a visitor's "today" may lag the
 * business's zone) to the business's horizon. Dates outside are a 400 naming the field
 * (issue 12, defect 2), checked where the business is known; the API schemas have already
 * refused anything outside the sane range (api/inputs.ts).
 */
import { addDays, utcToZoned } from '@frontdesk/shared';
import { fail, type Failure } from './result.js';

interface BusinessWindow {
  timeZone: string;
  horizonDays: number;
}

export function bookableDays(business: BusinessWindow, now: Date): { first: string; last: string } {
  const today = utcToZoned(now.getTime(), business.timeZone).date;
  return { first: addDays(today, -1), last: addDays(today, business.horizonDays) };
}

function outside(field: string, business: BusinessWindow): Failure {
  const message = `a date within the booking horizon (the next ${business.horizonDays} days)`;
  return fail('INVALID_INPUT', message, { fields: [{ path: field, message }] });
}

/** A business-local date ('YYYY-MM-DD') outside the bookable days → the failure naming `field`. */
export function dateOutsideHorizon(business: BusinessWindow, now: Date, date: string, field: string): Failure | null {
  const { first, last } = bookableDays(business, now);
  return date < first || date > last ? outside(field, business) : null;
}

/** An instant (ISO text) whose business-local date is outside the bookable days → the failure naming `field`. */
export function startOutsideHorizon(business: BusinessWindow, now: Date, start: string, field: string): Failure | null {
  const t = Date.parse(start);
  if (!Number.isFinite(t)) return outside(field, business);
  return dateOutsideHorizon(business, now, utcToZoned(t, business.timeZone).date, field);
}
