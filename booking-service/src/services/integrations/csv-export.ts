/**
 * CSV exports for the owner (console → dashboard → "Download"): bookings by their start, leads
 * and customers by when they came, over a period, in the business's time zone and the owner's
 * language. Dates and times are written as spreadsheets sort them (YYYY-MM-DD, HH:MM, local);
 * escaping, the formula guard and the BOM are domain/export/csv.ts.
 */
import { utcToZoned, type Lang } from '@frontdesk/shared';
import { and, asc, count, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { bookings, businesses, customers, leads, services, staff } from '../../adapters/db/schema.js';
import { separatorFor, toCsv, type Cell } from '../../domain/export/csv.js';
import { EXPORT_WORDS, wordOf, type BookingColumn, type CustomerColumn, type LeadColumn } from '../../domain/export/words.js';
import type { Deps } from '../deps.js';
import { fail, ok, type Result } from '../result.js';

export const EXPORT_KINDS = ['bookings', 'leads', 'customers'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A bound on one answer (a year of a busy salon is ~15 000 bookings); more → a shorter period. */
export const MAX_EXPORT_ROWS = 50_000;

export interface ExportInput {
  kind: ExportKind;
  /** The period [from, to): instants (the console sends the business's midnights). */
  from: string;
  to: string;
  lang: Lang;
}

export interface CsvFile {
  filename: string;
  /** The whole file as text, starting with the UTF-8 BOM. */
  csv: string;
  rows: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const z = utcToZoned(at.getTime(), timeZone);
  return { date: z.date, time: `${pad(Math.floor(z.minuteOfDay / 60))}:${pad(z.minuteOfDay % 60)}` };
}

const localDateTime = (at: Date, timeZone: string) => {
  const p = localParts(at, timeZone);
  return `${p.date} ${p.time}`;
};

export async function exportCsv(deps: Pick<Deps, 'db'>, businessId: string, input: ExportInput): Promise<Result<CsvFile>> {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (!(to > from)) return fail('INVALID_INPUT', 'Invalid input: to: must be after from', { fields: [{ path: 'to', message: 'must be after from' }] });
  const [business] = await deps.db.select().from(businesses).where(eq(businesses.id, businessId));
  if (!business) return fail('SITE_NOT_FOUND', 'No such business');
  const words = EXPORT_WORDS[input.lang];
  const tz = business.timeZone;

  let header: string[];
  let rows: Cell[][];
  if (input.kind === 'bookings') {
    const found = await deps.db
      .select({ b: bookings, c: customers, serviceNames: services.names, staffName: staff.name })
      .from(bookings)
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .innerJoin(staff, eq(staff.id, bookings.staffId))
      .leftJoin(customers, eq(customers.id, bookings.customerId))
      .where(and(eq(bookings.businessId, businessId), ne(bookings.status, 'held'), gte(bookings.startsAt, from), lt(bookings.startsAt, to)))
      .orderBy(asc(bookings.startsAt), asc(bookings.id))
      .limit(MAX_EXPORT_ROWS + 1);
    const cols: BookingColumn[] = ['date', 'start', 'end', 'service', 'staff', 'client', 'phone', 'email', 'status', 'channel', 'price', 'currency', 'note', 'cancelReason', 'createdAt', 'id'];
    header = cols.map((c) => words.bookings[c]);
    rows = found.map(({ b, c, serviceNames, staffName }) => {
      const start = localParts(b.startsAt, tz);
      const names = serviceNames;
      return [
        start.date,
        start.time,
        localParts(b.endsAt, tz).time,
        names[input.lang] ?? names[business.defaultLang] ?? Object.values(names)[0] ?? '',
        staffName,
        c?.name,
        c?.phone,
        c?.email,
        wordOf(input.lang, b.status),
        wordOf(input.lang, b.channel),
        b.price ? (b.price.max === null ? b.price.min : `${b.price.min}–${b.price.max}`) : null,
        b.price?.currency ?? business.currency,
        b.note,
        b.cancelReason,
        localDateTime(b.createdAt, tz),
        b.id,
      ];
    });
  } else if (input.kind === 'leads') {
    const found = await deps.db
      .select()
      .from(leads)
      .where(and(eq(leads.businessId, businessId), gte(leads.createdAt, from), lt(leads.createdAt, to)))
      .orderBy(asc(leads.createdAt), asc(leads.id))
      .limit(MAX_EXPORT_ROWS + 1);
    const cols: LeadColumn[] = ['createdAt', 'name', 'phone', 'email', 'channel', 'intent', 'temperature', 'score', 'outcome', 'lang', 'source', 'id', 'conversationId'];
    header = cols.map((c) => words.leads[c]);
    rows = found.map((l) => [
      localDateTime(l.createdAt, tz),
      l.name,
      l.phone,
      l.email,
      wordOf(input.lang, l.channel),
      wordOf(input.lang, l.intent),
      wordOf(input.lang, l.temperature),
      l.score,
      wordOf(input.lang, l.outcome),
      wordOf(input.lang, l.lang),
      l.source?.url,
      l.id,
      l.conversationId,
    ]);
  } else {
    const found = await deps.db
      .select()
      .from(customers)
      .where(and(eq(customers.businessId, businessId), gte(customers.createdAt, from), lt(customers.createdAt, to)))
      .orderBy(asc(customers.createdAt), asc(customers.id))
      .limit(MAX_EXPORT_ROWS + 1);
    const counts = new Map<string, number>();
    // Bookings per customer of this page, in slices (a query's parameters are bounded).
    for (let i = 0; i < found.length; i += 1000) {
      const ids = found.slice(i, i + 1000).map((c) => c.id);
      const per = await deps.db
        .select({ id: bookings.customerId, n: count() })
        .from(bookings)
        .where(and(eq(bookings.businessId, businessId), inArray(bookings.customerId, ids), ne(bookings.status, 'held')))
        .groupBy(bookings.customerId);
      for (const r of per) if (r.id) counts.set(r.id, Number(r.n));
    }
    const cols: CustomerColumn[] = ['createdAt', 'name', 'phone', 'email', 'lang', 'bookings', 'id'];
    header = cols.map((c) => words.customers[c]);
    rows = found.map((c) => [localDateTime(c.createdAt, tz), c.name, c.phone, c.email, wordOf(input.lang, c.lang), counts.get(c.id) ?? 0, c.id]);
  }
  if (rows.length > MAX_EXPORT_ROWS) {
    return fail('INVALID_INPUT', `Invalid input: from: more than ${MAX_EXPORT_ROWS} rows; choose a shorter period`, { fields: [{ path: 'from', message: `more than ${MAX_EXPORT_ROWS} rows; choose a shorter period` }] });
  }
  const first = localParts(from, tz).date;
  const last = localParts(new Date(to.getTime() - 1), tz).date;
  return ok({
    filename: `${words.fileName[input.kind]}_${first}_${last}.csv`,
    csv: toCsv(header, rows, separatorFor(input.lang)),
    rows: rows.length,
  });
}
