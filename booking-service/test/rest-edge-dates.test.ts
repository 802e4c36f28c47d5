/**
 * Issue 12, defect 2 (far dates were 500s), "a fuzz test covers dates at the edges of every
 * date/time field": the public tRPC procedures, the console and the pages are fuzzed with
 * support/edge-dates.ts in fuzz.test.ts and console-fuzz.test.ts; this covers the REST API for
 * integrations (/api/v1) and `slots.findCompact`. The REST date fields are found in the route
 * table itself — every query or body field whose schema reads a date or an instant — so a date
 * field added later is fuzzed without editing this test. Each gets every edge date or instant:
 * never a 5xx; a 400 names that field; a year outside 2000–2199 is always a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { routes } from '../src/api/rest/routes.js';
import { memoryStore } from '../src/http/memory-store.js';
import { createApiKey } from '../src/services/api-keys/keys.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { edgeDates, edgeInstants } from './support/edge-dates.js';
import { createHarness, type Harness } from './support/harness.js';

const TODAY = '2026-03-02';
/** Every value the edge arbitraries can give (they are finite: constants and today-relative days). */
const all = (a: fc.Arbitrary<string>) => [...new Set(fc.sample(a, { numRuns: 2_000, seed: 12 }))];
const DATES = all(edgeDates(TODAY));
const INSTANTS = all(edgeInstants(TODAY));
/**
 * Far or not a date at all: a year well outside the API's range (2000-01-01 … 2199-12-31; instants
 * keep a day of slack each side for zones, so 1999-12-31 and 2200-01-01 may pass), or no such day.
 */
const farOrBroken = (v: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y < 1999 || y > 2200 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d;
};

type Kind = 'date' | 'instant';
/** What a field's schema reads, judged by what it accepts (zod's .meta() makes copies, so not by identity). */
function dateKind(schema: z.ZodType): Kind | null {
  const ok = (v: string) => schema.safeParse(v).success;
  if (ok('banana') || ok('2026-13-45')) return null;
  if (ok('2026-03-04T10:00:00.000Z')) return 'instant';
  if (ok('2026-03-04')) return 'date';
  return null;
}
const fieldsOf = (schema: z.ZodType | undefined): [string, Kind][] => {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
  return Object.entries(shape).flatMap(([name, s]) => {
    const k = dateKind(s);
    return k ? [[name, k] as [string, Kind]] : [];
  });
};

/** Every date field of the route table: where it goes (query or body), its name and kind. */
const REST_DATE_FIELDS = routes.flatMap((r) => [
  ...fieldsOf(r.query as z.ZodType | undefined).map(([name, kind]) => ({ route: r, in: 'query' as const, name, kind })),
  ...fieldsOf(r.body).map(([name, kind]) => ({ route: r, in: 'body' as const, name, kind })),
]);

describe.each(dbKinds)('defect 2: edge dates in every date/time field of /api/v1 and slots.findCompact (%s)', (kind) => {
  let h: Harness;
  let url: string;
  let key: string;
  let bookingId: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    url = (await h.http({ apiLimitStore: memoryStore() })).url;
    key = (await createApiKey(h.deps, 'biz-salon-spb', null, { name: 'Fuzz', scope: 'write', rateLimitPerMinute: 100_000 })).secret;
    bookingId = (await book(h, { day: '2026-03-04', email: 'edge@example.com', lang: 'en', name: 'Edge' })).booking.id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('finds the date fields in the route table (bookings, availability, leads, conversations)', () => {
    const names = REST_DATE_FIELDS.map((f) => `${f.route.method.toUpperCase()} ${f.route.path} ${f.in}.${f.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /bookings query.from',
        'GET /bookings query.to',
        'POST /bookings body.start',
        'POST /bookings/{id}/reschedule body.start',
        'GET /availability query.from',
      ]),
    );
  });

  it('every edge value in every REST date field: no 5xx, a 400 names the field, far years are always 400', async () => {
    /** The other fields of a request that would otherwise pass. */
    const base: Record<string, Record<string, unknown>> = {
      'POST /bookings': { serviceId: 'salon-haircut-men', customer: { name: 'Edge Case', email: 'edge-case@example.com' }, lang: 'en' },
      'GET /availability': { serviceId: 'salon-haircut-men', days: '1' },
    };
    const outcomes: { where: string; value: string; status: number; fields: string[] }[] = [];
    for (const f of REST_DATE_FIELDS) {
      const id = `${f.route.method.toUpperCase()} ${f.route.path}`;
      const path = f.route.path.replace('{id}', bookingId);
      for (const value of f.kind === 'date' ? DATES : INSTANTS) {
        const fields = { ...(base[id] ?? {}), [f.name]: value };
        const init: RequestInit =
          f.in === 'body'
            ? { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(fields) }
            : { headers: { authorization: `Bearer ${key}` } };
        const qs = f.in === 'query' ? `?${new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
        const res = await fetch(`${url}/api/v1${path}${qs}`, init);
        const body = (await res.json().catch(() => ({}))) as { errors?: { field: string }[] };
        outcomes.push({ where: `${id} ${f.in}.${f.name}`, value, status: res.status, fields: (body.errors ?? []).map((e) => e.field) });
      }
    }
    expect(outcomes.length).toBeGreaterThan(REST_DATE_FIELDS.length * 20);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    // A 400 names the field it is about (the other fields are valid).
    expect(outcomes.filter((o) => o.status === 400 && !o.fields.includes(o.where.split('.').pop()!))).toEqual([]);
    expect(outcomes.filter((o) => farOrBroken(o.value) && o.status !== 400)).toEqual([]);
  });

  it('dates outside the booking horizon are a 400 naming the field, as in the widget API (availability was an empty 200, a booking\'s 400 named nothing)', async () => {
    const get = await fetch(`${url}/api/v1/availability?serviceId=salon-haircut-men&days=1&from=2026-06-01`, { headers: { authorization: `Bearer ${key}` } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { in: string; field: string }[] }).errors).toEqual([expect.objectContaining({ in: 'query', field: 'from' })]);
    const post = await fetch(`${url}/api/v1/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'salon-haircut-men', customer: { name: 'Far Away', email: 'far@example.com' }, lang: 'en', start: '2026-06-01T08:00:00Z' }),
    });
    expect(post.status).toBe(400);
    expect(((await post.json()) as { errors: { in: string; field: string; pointer: string }[] }).errors).toEqual([expect.objectContaining({ in: 'body', field: 'start', pointer: '#/start' })]);
  });

  it('slots.findCompact with every edge date: no 5xx, far dates a 400 naming `from`', async () => {
    for (const from of DATES) {
      const input = { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from, days: 1 };
      const res = await fetch(`${url}/trpc/slots.findCompact?input=${encodeURIComponent(JSON.stringify(input))}`);
      expect(res.status, from).toBeLessThan(500);
      if (farOrBroken(from) || res.status === 400) {
        expect(res.status, from).toBe(400);
        const json = (await res.json()) as { error: { data: { fields?: { path: string }[] } } };
        expect((json.error.data.fields ?? []).map((f) => f.path), from).toContain('from');
      }
    }
  });
});
