/**
 * Calendar arithmetic without a date library. Business-local days are 'YYYY-MM-DD'
 * strings; instants are ISO strings. Zone conversion goes through Intl, so the
 * host's own time zone never leaks in.
 *
 * Why not @frontdesk/shared's zoned module, which the service and the console use: its
 * memoised, allocation-free arithmetic is built for the availability engine and costs the
 * panel 0.68 KB gzip more than these three readings, past the widget's 20 KB budget. The
 * test beside this file checks that they agree with the shared module everywhere.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

/** A shared DateTimeFormat: building one costs about a millisecond, formatting with it microseconds. */
export function dtf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The business-local calendar day and minute of day of an instant. */
export function zoned(at: string | Date, timeZone: string): { date: string; minute: number } {
  const f = dtf('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p: Record<string, string> = {};
  for (const { type, value } of f.formatToParts(new Date(at))) p[type] = value;
  return { date: `${p.year}-${p.month}-${p.day}`, minute: +p.hour! * 60 + +p.minute! };
}

/** `date` plus `n` calendar days. Works in UTC so DST never shifts the day. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
