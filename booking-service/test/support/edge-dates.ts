/**
 * Dates and instants at the edges (issue 12, defect 2: far dates were 500s): the ends of the
 * four-digit years, the API's sane range (2000-01-01 … 2199-12-31) and just outside it, the
 * edges of the demo businesses' horizons (30, 60, 90 days from `today`), a day before today,
 * leap days and month ends. The fuzzers mix these into every date and date-time field.
 */
import fc from 'fast-check';

const DAY = 86_400_000;
const FIXED_DATES = ['0000-01-01', '0001-01-01', '1969-12-31', '1970-01-01', '1999-12-31', '2000-01-01', '2199-12-31', '2200-01-01', '9998-12-31', '9999-12-31', '2028-02-29', '2027-02-29', '2026-12-31'];

export function edgeDates(today: string): fc.Arbitrary<string> {
  const t = Date.parse(`${today}T00:00:00Z`);
  const rel = [-2, -1, 0, 29, 30, 31, 59, 60, 61, 89, 90, 91].map((d) => new Date(t + d * DAY).toISOString().slice(0, 10));
  return fc.constantFrom(...FIXED_DATES, ...rel);
}

export function edgeInstants(today: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(edgeDates(today), fc.constantFrom('T00:00:00Z', 'T23:59:59Z', 'T10:00:00+14:00', 'T10:00:00-12:00', 'T06:00:00.000Z')).map(([d, t]) => d + t),
    fc.constantFrom('9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-13-45T99:00:00Z', '1970-01-01T00:00:00Z'),
  );
}
