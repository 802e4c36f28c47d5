/**
 * Fuzzing EVERY staff-console procedure (read from consoleRouter itself, so procedures added
 * later are fuzzed too): ≥ 10,000 generated inputs per run — near-valid objects with fields
 * broken or dropped, wrong types, huge strings, odd Unicode (lone surrogates, RTL, zero-width,
 * NUL), deeply nested values, arrays where objects belong and prototype-pollution keys.
 *
 * Calls are made as the signed-in OWNER (CSRF token included), so the input validators and the
 * services behind them are reached rather than the session check. Most go through
 * createConsoleCaller (fast: no HTTP); a sample goes over real HTTP to /console/trpc so the body
 * size limit, the URL length limit and the JSON parser are exercised too, with malformed bodies.
 *
 * Asserted: no 5xx; only documented 4xx statuses; every BAD_REQUEST names its fields; no stack
 * reaches a client; Object.prototype is not polluted; the business is still readable and valid.
 * Seeded: FUZZ_SEED=<n> replays a run; FUZZ_VERBOSE=1 prints every 5xx, not just the first five.
 * A second test sweeps each string field of a valid input with the values that broke SQL.
 */
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ServiceFailure } from '../src/api/errors.js';
import { zodFields } from '../src/api/trpc.js';
import { createConsoleCaller, consoleRouter } from '../src/api/console/router.js';
import type { ConsoleContext } from '../src/api/console/trpc.js';
import { createSession, loadSession } from '../src/services/console/sessions.js';
import { demoQuoteTrees } from '../src/seed/quote-trees.js';
import { ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { edgeDates, edgeInstants } from './support/edge-dates.js';
import { pool } from './support/pool.js';
import { isConnectionReset } from './support/fetch-once-more.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Inputs per procedure; a few are costlier per call (see RUNS_FOR). */
const RUNS = 300;
/** A login that passes validation costs one argon2id verification (~19 MiB, tens of ms). */
const RUNS_FOR: Record<string, number> = { 'auth.login': 60, 'auth.acceptInvite': 150, 'auth.resetPassword': 150 };
/** One input in this many goes over real HTTP (the rest through createConsoleCaller). */
const HTTP_EVERY = 6;
const CONCURRENCY = 8;
/** Signing out over HTTP would end the session the rest of the HTTP sample uses: caller only. */
const CALLER_ONLY = new Set(['auth.logout']);

const SITE = 'demo-barber-nyc';
const BIZ = 'biz-barber-nyc';

type Kind = 'query' | 'mutation';
const PROCEDURES: Array<[string, Kind]> = Object.entries(consoleRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .map(([path, p]): [string, Kind] => [path, p._def.type as Kind])
  .sort();

// ---------------------------------------------------------------- generators

/** Nested n deep, as text (JSON.parse builds it without recursion limits of ours). */
const nestedObject = (n: number) => JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) as unknown;
const nestedArray = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown;

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Lone surrogates: not valid UTF-16 text, not storable as UTF-8.
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'Eve\r\nBcc: victim@example.com',
    '\u202eevil\u202c',
    'مرحبا \u200f',
    '\u200b\u200c\u200d\u2060',
    '\ufeff',
    '\ud83d',
    '𝕏'.repeat(50),
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    "'; DROP TABLE bookings; --",
    '../../etc/passwd',
    '__proto__',
    'constructor',
    'NaN',
    '1e309',
    '2026-02-30',
    '2026-03-03T10:00:00',
    '9999-12-31T23:59:59Z',
    '24:00',
    '25:99',
  ),
  // Huge: over every field limit; 300 KB is over the console's 256 KB body limit.
  fc.constantFrom(1_000, 10_000, 70_000, 300_000).map((n) => 'é'.repeat(n)),
);
const deep = fc.constantFrom(10, 200, 2_000).chain((n) => fc.constantFrom(nestedObject(n), nestedArray(n)));
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  deep,
  text,
);

const T = Date.parse('2026-03-02T00:00:00Z');
// One in four at an edge: far years, the sane range, the horizons (support/edge-dates.ts; issue 12, defect 2).
const day = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -40, max: 90 }).map((d) => new Date(T + d * 86_400_000).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: edgeDates('2026-03-02') },
);
const instant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -60 * 24 * 4, max: 60 * 24 * 4 }).map((q) => new Date(T + q * 15 * 60_000).toISOString()) },
  { weight: 1, arbitrary: edgeInstants('2026-03-02') },
  // Times a barber is in and the shop open (a slot needs both): the writes get past the rules too.
  { weight: 1, arbitrary: fc.constantFrom('2026-03-04T16:00:00.000Z', '2026-03-05T17:00:00.000Z', '2026-03-06T18:30:00.000Z') },
);
const hhmm = fc.oneof(fc.constantFrom('09:00', '12:30', '18:00', '24:00', '00:00', '9:00', '25:00'), text);
const weeklyHours = fc.dictionary(
  fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '0', '8', 'mon'),
  fc.oneof(fc.array(fc.record({ start: hhmm, end: hhmm }, { requiredKeys: [] }), { maxLength: 8 }), wrongType),
  { maxKeys: 8 },
);
const localized = fc.record({ ru: text, hy: text, en: fc.oneof(fc.constantFrom('Hello', 'Haircut'), text), de: text }, { requiredKeys: [] });
const lang = fc.constantFrom('ru', 'hy', 'en', 'de');
const email = fc.oneof(fc.constantFrom('owner@demo-barber-nyc.demo', 'new@example.com', 'OWNER@DEMO-BARBER-NYC.DEMO ', 'not-an-email', 'a@b'), text);
const token = fc.oneof(fc.base64String({ minLength: 10, maxLength: 80 }), text);
const password = fc.oneof(fc.constantFrom('wrong-password-1', 'short'), text);
const serviceId = fc.constantFrom('barber-haircut', 'barber-shave', 'salon-haircut-men', 'nope');
const staffId = fc.constantFrom('barber-marcus', 'barber-sam', 'salon-anna', 'nope');
const siteId = fc.constantFrom(`site-${SITE}`, 'site-demo-salon-spb', 'nope');
/** Filled in beforeAll (inputs are generated inside the test, after it). */
const made = { booking: 'nope', handoff: 'nope' };
const bookingId = fc.oneof(fc.constant(0).map(() => made.booking), fc.constant('nope'));
const handoffId = fc.oneof(fc.constant(0).map(() => made.handoff), fc.constant('nope'));
const price = fc.oneof(fc.integer({ min: -10, max: 1_000 }), fc.constantFrom(0.5, 1e12, Number.MAX_SAFE_INTEGER));
const minutes = fc.oneof(fc.integer({ min: -10, max: 800 }), fc.constantFrom(2.5, 1e9));
const origin = fc.oneof(fc.constantFrom('https://salon.example', 'HTTPS://SALON.EXAMPLE/', 'http://localhost:*', 'https://a.example/path', 'ftp://x', 'null'), text);
const color = fc.oneof(fc.constantFrom('#b45309', '#FFF', 'red', '#12345g'), text);
const tree = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...demoQuoteTrees[SITE]!) },
  // A real tree with one top-level field broken.
  fc.tuple(fc.constantFrom(...demoQuoteTrees[SITE]!), fc.constantFrom('id', 'serviceId', 'questions', 'currency', 'title'), wrongType).map(([t, k, v]) => ({ ...t, [k]: v })),
  wrongType,
);
const customer = fc.record({ name: fc.oneof(fc.constantFrom('Anna', 'Աննա', 'Анна'), text), phone: fc.oneof(fc.constantFrom('+1 718 555 0142', '12'), text), email }, { requiredKeys: ['name'] });

/** Near-valid fields of each console procedure (contract: notes/console-api.md). */
const FIELDS: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  'auth.login': { email, password },
  'auth.requestReset': { email },
  'auth.resetPassword': { token, password },
  'auth.acceptInvite': { token, password, name: text },
  'business.update': {
    name: text,
    address: text,
    phone: fc.oneof(fc.constant(null), text),
    timeZone: fc.oneof(fc.constantFrom('America/New_York', 'Europe/Moscow', 'Mars/Olympus', 'UTC'), text),
    languages: fc.oneof(fc.subarray(['en', 'ru', 'hy'], { minLength: 1 }), fc.array(lang, { maxLength: 5 })),
    defaultLang: lang,
    currency: fc.constantFrom('USD', 'RUB', 'AMD', 'XXX'),
    brandColor: color,
    minNoticeMin: minutes,
    horizonDays: minutes,
    slotStepMin: fc.constantFrom(5, 7, 15, 60, 0),
    cancellationWindowMin: minutes,
    reminderLeadsMin: fc.array(minutes, { maxLength: 6 }),
    feedbackEnabled: fc.boolean(),
    notifyEmail: fc.oneof(fc.constant(null), email),
  },
  'services.save': {
    id: fc.oneof(serviceId, fc.constant(undefined)),
    names: localized,
    descriptions: fc.oneof(fc.constant(null), localized),
    durationMin: minutes,
    bufferBeforeMin: minutes,
    bufferAfterMin: minutes,
    priceMin: price,
    priceMax: fc.oneof(fc.constant(null), price),
    active: fc.boolean(),
    staffIds: fc.array(staffId, { maxLength: 4 }),
  },
  'services.archive': { id: serviceId },
  'staff.save': { id: fc.oneof(staffId, fc.constant(undefined)), name: text, timeZone: fc.oneof(fc.constant(null), fc.constantFrom('America/New_York', 'Nowhere/Else'), text), weeklyHours, active: fc.boolean() },
  'staff.invite': { email, name: text, role: fc.constantFrom('staff', 'owner', 'admin'), staffId: fc.oneof(fc.constant(null), staffId) },
  'staff.setHours': { staffId, weeklyHours },
  'staff.setDayOff': { staffId, date: fc.oneof(day, text), off: fc.boolean() },
  'sites.save': { id: siteId, allowedOrigins: fc.array(origin, { maxLength: 4 }), color, position: fc.constantFrom('right', 'left', 'top'), greeting: localized },
  'sites.create': { siteKey: fc.oneof(fc.constantFrom('fuzz-site', 'demo-salon-spb', 'AB', 'x'.repeat(61)), text), allowedOrigins: fc.array(origin, { maxLength: 4 }) },
  'quoteTrees.get': { siteId },
  'quoteTrees.save': { siteId, trees: fc.oneof(fc.array(tree, { maxLength: 3 }), wrongType) },
  'quoteTrees.preview': {
    tree,
    answers: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('service', 'shave-type', 'x'), text), fc.oneof(fc.constantFrom('haircut', 'shave', 'head'), fc.double(), text), { maxKeys: 25 }), wrongType),
    lang,
  },
  'calendar.list': { from: instant, to: instant, staffId },
  'bookings.slots': { serviceId, staffId, date: fc.oneof(day, text) },
  'bookings.create': { serviceId, staffId, startsAt: instant, customer, lang, note: text },
  'bookings.reschedule': { bookingId, startsAt: instant, staffId },
  'bookings.cancel': { bookingId, reason: text },
  'bookings.markAttendance': { bookingId, status: fc.constantFrom('attended', 'no_show', 'confirmed') },
  'inbox.list': { status: fc.constantFrom('open', 'claimed', 'closed', 'all', 'nope') },
  'inbox.get': { id: handoffId },
  'inbox.claim': { id: handoffId },
  'inbox.reply': { id: handoffId, body: fc.oneof(fc.constant('We can fit you in at 3.'), text) },
  'inbox.close': { id: handoffId, outcome: fc.constantFrom('booked', 'not_interested', 'spam', 'won') },
  'dashboard.kpis': { from: instant, to: instant, siteId },
  'exports.csv': { kind: fc.constantFrom('bookings', 'leads', 'customers', 'orders'), from: instant, to: instant, lang },
  'google.status': { staffId },
  'google.connectUrl': { staffId },
  'google.chooseCalendars': { staffId, busyCalendarIds: fc.array(fc.oneof(fc.constant('primary'), text), { maxLength: 3 }), bookingCalendarId: fc.oneof(fc.constant('primary'), text) },
  'google.disconnect': { staffId },
  'google.createFeed': { staffId },
  'google.revokeFeed': { staffId },
  'auth.setLang': { lang },
  'apiKeys.create': { name: text, scope: fc.constantFrom('read', 'write', 'admin'), rateLimitPerMinute: fc.oneof(fc.constant(undefined), minutes) },
  'privacy.find': { query: fc.oneof(fc.constantFrom('an', 'example.com', '+7 900', ''), text) },
  'privacy.export': { customerId: fc.oneof(bookingId, text) },
  'privacy.erase': { customerId: fc.oneof(bookingId, text) },
};
/** For a procedure added after this table: every id-like and text field a console input tends to have. */
const GENERIC: Record<string, fc.Arbitrary<unknown>> = { id: fc.oneof(serviceId, staffId, siteId, bookingId, handoffId), siteId, staffId, serviceId, bookingId, from: instant, to: instant, date: day, name: text, email, lang };

const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
const pollutionValue = fc.constantFrom({ polluted: true }, { prototype: { polluted: true } }, { __proto__: null, polluted: 'yes' });

/** Adds `key` as an OWN property (as JSON.parse would) to the object, or to every nested plain object (down to 20 levels) when `everywhere`. */
function pollute(value: unknown, key: string, payload: unknown, everywhere: boolean, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  const inner = (v: unknown) => (everywhere ? pollute(v, key, payload, true, depth + 1) : v);
  if (Array.isArray(value)) return value.map(inner);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = inner(v);
  Object.defineProperty(out, key, { value: payload, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The JSON text of one input (undefined: no input at all). */
function inputFor(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string | undefined> {
  const broken = Object.fromEntries(Object.entries(fields).map(([k, valid]) => [k, fc.oneof({ weight: 3, arbitrary: valid }, wrongType)]));
  const nearValid = fc.record(broken, { requiredKeys: [] });
  const extraKey = fc.tuple(nearValid, fc.oneof(fc.constantFrom('extra', 'businessId', 'role', ''), fc.string({ maxLength: 10 })), wrongType).map(([o, k, v]) => ({ ...o, [k]: v }));
  const polluted = fc.tuple(nearValid, pollutionKey, pollutionValue, fc.boolean()).map(([o, k, v, all]) => pollute(o, k, v, all));
  return fc.oneof(
    { weight: 8, arbitrary: nearValid.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: extraKey.map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: polluted.map((o) => JSON.stringify(o)) },
    // Arrays where an object belongs.
    { weight: 1, arbitrary: nearValid.map((o) => JSON.stringify([o])) },
    { weight: 1, arbitrary: wrongType.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Bodies that are not JSON at all, or not JSON as declared (HTTP only). */
const malformed = fc.constantFrom('{', '{"email":', 'nul', '\u0000', '{"a":1}}', "{'a':1}", '\ud800', '[1,2,', `{"a":"${'\\u0000'.repeat(10)}"}`, '1'.repeat(400));
/** Valid JSON nested ~100,000 deep, just under the 256 KB body limit: nothing may overflow the stack. */
const DEEP_BODIES = [`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`, `{"id":${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}}`];

// ---------------------------------------------------------------- calling

interface Case {
  path: string;
  kind: Kind;
  via: 'caller' | 'http';
  input: string | undefined;
  /** HTTP only: send this raw body instead (malformed JSON) or a wrong content type. */
  raw?: { body: string; contentType: string };
}
interface Outcome {
  c: Case;
  status: number;
  code: string | undefined;
  fields: unknown;
  body: string;
}

type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

async function viaCaller(caller: AnyCaller, c: Case): Promise<Outcome> {
  const [group, name] = c.path.split('.') as [string, string];
  // JSON.parse makes __proto__ an own key, exactly as the HTTP adapter's parser does.
  const input = c.input === undefined ? undefined : (JSON.parse(c.input) as unknown);
  try {
    const data = await caller[group]![name]!(input);
    return { c, status: 200, code: undefined, fields: undefined, body: JSON.stringify(data ?? null) };
  } catch (err) {
    if (!(err instanceof TRPCError)) return { c, status: 500, code: 'THROWN', fields: undefined, body: String(err) };
    // What the console error formatter (api/console/trpc.ts) would put in data.fields.
    const fields = err.cause instanceof ZodError ? zodFields(err.cause) : err.cause instanceof ServiceFailure ? err.cause.failure.details?.fields : undefined;
    const detail = err.code === 'INTERNAL_SERVER_ERROR' ? `${err.message} ${String(err.cause)}` : err.message;
    return { c, status: getHTTPStatusCodeFromError(err), code: err.code, fields, body: detail };
  }
}

/** A connection reset is the transport's, not an answer: a keep-alive socket the server closed as the
 * next request went out (seen under load), or a big raw body refused before it was read. Try once more
 * on a new connection; a raw body reset twice counts as refused (413). A server that died fails on. */
async function viaHttp(base: string, s: ConsoleSessionClient, c: Case): Promise<Outcome> {
  try {
    return await viaHttpOnce(base, s, c);
  } catch (e) {
    if (!isConnectionReset(e)) throw e;
    try {
      return await viaHttpOnce(base, s, c);
    } catch (again) {
      if (c.raw && isConnectionReset(again)) return { c, status: 413, code: 'CONNECTION_CLOSED', fields: undefined, body: '' };
      throw again;
    }
  }
}

async function viaHttpOnce(base: string, s: ConsoleSessionClient, c: Case): Promise<Outcome> {
  const headers: Record<string, string> = { cookie: `fd_session=${s.cookie!}`, 'x-csrf-token': s.csrf! };
  const url = `${base}/console/trpc/${c.path}`;
  const res = c.raw
    ? await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': c.raw.contentType }, body: c.raw.body })
    : c.kind === 'query'
      ? await fetch(c.input === undefined ? url : `${url}?input=${encodeURIComponent(c.input)}`, { headers })
      : await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, ...(c.input === undefined ? {} : { body: c.input }) });
  const body = await res.text();
  let error: { data?: { code?: string; fields?: unknown } } | undefined;
  try {
    error = (JSON.parse(body) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  return { c, status: res.status, code: error?.data?.code, fields: error?.data?.fields, body };
}

const spent = new Map<string, number>();
async function timed(c: Case, p: Promise<Outcome>): Promise<Outcome> {
  const t0 = performance.now();
  const o = await p;
  spent.set(c.path, (spent.get(c.path) ?? 0) + performance.now() - t0);
  return o;
}

/** A valid input of each procedure (owner of SITE), for the per-field sweep below. */
function validInputs(): Record<string, unknown> {
  const hours = { '1': [{ start: '10:00', end: '16:00' }] };
  return {
    'auth.login': { email: 'nobody@example.com', password: 'wrong-password-1' },
    'auth.requestReset': { email: 'nobody@example.com' },
    'auth.resetPassword': { token: 'x'.repeat(43), password: 'long-enough-pw' },
    'auth.acceptInvite': { token: 'x'.repeat(43), password: 'long-enough-pw', name: 'New Person' },
    'business.update': { name: 'Barber', address: '1 Main St', phone: '+1 718 555 0142', notifyEmail: 'owner@demo-barber-nyc.demo' },
    'services.save': { names: { en: 'Fade' }, descriptions: { en: 'A fade' }, durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, priceMin: 10, priceMax: null, active: true, staffIds: ['barber-marcus'] },
    'services.archive': { id: 'barber-beard' },
    'staff.save': { id: 'barber-sam', name: 'Sam', timeZone: 'America/New_York', weeklyHours: hours, active: true },
    'staff.invite': { email: 'invitee@example.com', name: 'Invitee', role: 'staff', staffId: null },
    'staff.setHours': { staffId: 'barber-sam', weeklyHours: hours },
    'staff.setDayOff': { staffId: 'barber-sam', date: '2026-03-20', off: true },
    'sites.save': { id: `site-${SITE}`, allowedOrigins: ['https://barber.example'], color: '#b45309', position: 'right', greeting: { en: 'Hey' } },
    'sites.create': { siteKey: 'sweep-site', allowedOrigins: ['https://barber.example'] },
    'quoteTrees.get': { siteId: `site-${SITE}` },
    'quoteTrees.save': { siteId: `site-${SITE}`, trees: demoQuoteTrees[SITE] },
    'quoteTrees.preview': { tree: demoQuoteTrees[SITE]![0], answers: { service: 'haircut' }, lang: 'en' },
    'calendar.list': { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', staffId: 'barber-marcus' },
    'bookings.slots': { serviceId: 'barber-haircut', staffId: 'barber-marcus', date: '2026-03-04' },
    'bookings.create': { serviceId: 'barber-haircut', staffId: 'barber-marcus', startsAt: '2026-03-04T16:00:00.000Z', customer: { name: 'Phone Client', phone: '+1 718 555 0100', email: 'c@example.com' }, lang: 'en', note: 'Regular' },
    'bookings.reschedule': { bookingId: made.booking, startsAt: '2026-03-05T16:00:00.000Z', staffId: 'barber-marcus' },
    'bookings.cancel': { bookingId: made.booking, reason: 'Client called' },
    'bookings.markAttendance': { bookingId: made.booking, status: 'attended' },
    'inbox.list': { status: 'all' },
    'inbox.get': { id: made.handoff },
    'inbox.claim': { id: made.handoff },
    'inbox.reply': { id: made.handoff, body: 'See you at 3' },
    'inbox.close': { id: made.handoff, outcome: 'booked' },
    'dashboard.kpis': { from: '2026-02-01T00:00:00Z', to: '2026-03-08T00:00:00Z', siteId: `site-${SITE}` },
    'exports.csv': { kind: 'bookings', from: '2026-02-01T00:00:00Z', to: '2026-03-08T00:00:00Z', lang: 'hy' },
    'google.chooseCalendars': { staffId: 'barber-marcus', busyCalendarIds: ['primary'], bookingCalendarId: 'primary' },
  };
}

/** Strings PostgreSQL cannot store or that carry control/format characters, and one over every limit. */
const HOSTILE = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', 'Eve\r\nBcc: v@example.com', '\u202e\u200b\ufeff', ' ', 'é'.repeat(10_000)];

/** Every string leaf of a value, with its path. */
function stringLeaves(v: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, [...path, k]));
  return [];
}
function withLeaf(v: unknown, path: Array<string | number>, leaf: string): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head] = withLeaf(copy[head], rest, leaf);
  return copy;
}

const brief = (o: Outcome) => ({ path: o.c.path, via: o.c.via, status: o.status, code: o.code, input: o.c.raw?.body.slice(0, 200) ?? o.c.input?.slice(0, 300), body: o.body.slice(0, 300) });

describe.each(dbKinds)('fuzzing every console procedure as the owner on %s', (kind) => {
  let h: Harness;
  let base: string;
  let http: ConsoleSessionClient;
  let caller: AnyCaller;

  beforeAll(async () => {
    h = await createHarness(kind);
    base = (await h.http()).url;
    http = await signIn(base, ownerOf(SITE));
    const { token } = await createSession(h.deps, `user-owner-${SITE}`);
    const session = (await loadSession(h.deps, token))!;
    const ctx: ConsoleContext = { deps: h.deps, ip: '127.0.0.1', session, csrfHeader: session.csrfToken, cookies: { setSession() {}, clearSession() {} } };
    caller = createConsoleCaller(ctx) as unknown as AnyCaller;
    // Something for the id-taking procedures to find: a booking and a hand-off of this business.
    made.booking = ((await caller.bookings!.create!({
      serviceId: 'barber-haircut',
      staffId: 'barber-marcus',
      startsAt: '2026-03-03T15:00:00.000Z',
      customer: { name: 'Fuzz Target', email: 'fuzz@example.com' },
      lang: 'en',
    })) as { id: string }).id;
    made.handoff = (
      await h.caller().handoff.request({ siteKey: SITE, message: 'Call me', contact: { name: 'Fuzz', email: 'fuzz@example.com' }, lang: 'en' })
    ).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`every procedure, ≥ 10,000 inputs: no 5xx, 4xx only, BAD_REQUEST names fields, no pollution, business intact (seed ${SEED})`, async () => {
    expect(PROCEDURES.length).toBeGreaterThanOrEqual(35);
    const unknown = PROCEDURES.map(([p]) => p).filter((p) => !(p in FIELDS));
    const cases: Case[] = [];
    PROCEDURES.forEach(([path, kind], i) => {
      const inputs = fc.sample(inputFor(FIELDS[path] ?? GENERIC), { numRuns: RUNS_FOR[path] ?? RUNS, seed: SEED + i });
      // Every HTTP_EVERY-th input over HTTP: the generators' variety reaches both paths.
      inputs.forEach((input, j) => cases.push({ path, kind, input, via: j % HTTP_EVERY === 0 && !CALLER_ONLY.has(path) ? 'http' : 'caller' }));
      if (kind === 'mutation' && !CALLER_ONLY.has(path)) {
        for (const body of [...fc.sample(malformed, { numRuns: 5, seed: SEED + i }), ...DEEP_BODIES]) cases.push({ path, kind, input: undefined, via: 'http', raw: { body, contentType: 'application/json' } });
        cases.push({ path, kind, input: undefined, via: 'http', raw: { body: '{"email":"a@b.c"}', contentType: 'text/plain' } });
      }
    });
    expect(cases.length).toBeGreaterThanOrEqual(10_000);

    spent.clear();
    const t0 = performance.now();
    const outcomes = await pool(cases, CONCURRENCY, (c) => timed(c, c.via === 'http' ? viaHttp(base, http, c) : viaCaller(caller, c)));
    const seconds = (performance.now() - t0) / 1000;

    const byStatus: Record<string, number> = {};
    for (const o of outcomes) byStatus[`${o.c.via} ${o.status}`] = (byStatus[`${o.c.via} ${o.status}`] ?? 0) + 1;
    const errs: Record<string, number> = {};
    for (const o of outcomes.filter((x) => x.status >= 500)) {
      errs[o.c.path] = (errs[o.c.path] ?? 0) + 1;
      if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify(brief(o)));
    }
    if (Object.keys(errs).length) console.log('5xx by procedure:', errs);
    console.log('ms per procedure (summed over concurrent calls):', Object.fromEntries([...spent].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => [k, Math.round(v)])));
    console.log(`${cases.length} inputs in ${seconds.toFixed(1)} s; statuses:`, byStatus, unknown.length ? `generic inputs for: ${unknown.join(', ')}` : '');

    // No server errors, on either path.
    expect(outcomes.filter((o) => o.status >= 500).slice(0, 5).map(brief), `seed ${SEED}`).toEqual([]);
    // Only statuses the console documents (413 body, 414/431 URL, 415 non-JSON, 429 limits).
    for (const s of new Set(outcomes.map((o) => o.status))) expect([200, 400, 401, 403, 404, 409, 412, 413, 414, 415, 429, 431]).toContain(s);
    // Signed in as the owner with the CSRF token: nothing may be refused for want of a session.
    expect(outcomes.filter((o) => o.status === 401 && o.code !== 'UNAUTHORIZED').map(brief)).toEqual([]);
    expect(outcomes.filter((o) => o.code === 'UNAUTHORIZED' && !o.c.path.startsWith('auth.')).slice(0, 3).map(brief)).toEqual([]);

    // Validation refusals name the fields at fault (a body that is not JSON has none to name: checked below).
    const unnamed = outcomes.filter((o) => {
      if (o.code !== 'BAD_REQUEST' || o.c.raw) return false;
      const fields = o.fields as Array<{ path?: unknown }> | undefined;
      return !Array.isArray(fields) || fields.length === 0 || fields.some((f) => typeof f.path !== 'string' || f.path === '');
    });
    expect(unnamed.slice(0, 3).map(brief), `seed ${SEED}`).toEqual([]);
    expect(outcomes.filter((o) => o.status === 400 && o.code !== 'BAD_REQUEST' && o.code !== 'PARSE_ERROR').slice(0, 3).map(brief)).toEqual([]);
    // Malformed bodies and wrong content types are refused before any procedure runs.
    for (const o of outcomes.filter((x) => x.c.raw)) expect([400, 413, 415], JSON.stringify(brief(o))).toContain(o.status);

    // No stack or source path reaches an HTTP client.
    expect(outcomes.filter((o) => o.c.via === 'http' && /\bat .*\.(ts|js):\d+|node_modules/.test(o.body)).slice(0, 1).map(brief)).toEqual([]);

    // The server runs in this process: a polluted prototype would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();

    // The fuzzer got past validation and into the services often enough to mean something.
    const reached = new Set(outcomes.filter((o) => o.status === 200).map((o) => o.c.path));
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(500);
    // Some procedures cannot answer 200 in this harness at all: channels.* (no messenger set up),
    // webhooks.* with ids (endpoints need a public URL), inbox.conversation/read (no chat hand-off
    // is seeded), bookings.markAttendance (the target booking is in the harness's future). Of the
    // rest, most must be reached.
    const unreachable = PROCEDURES.map(([p]) => p).filter((p) => /^(channels\.|webhooks\.(update|remove|deliveries|redeliver|sendTest)$|inbox\.(conversation|read)$|bookings\.markAttendance$)/.test(p));
    expect(reached.size, `procedures never answered 200: ${PROCEDURES.map(([p]) => p).filter((p) => !reached.has(p)).join(', ')}`).toBeGreaterThanOrEqual((PROCEDURES.length - unreachable.length) * 0.6);
    expect(outcomes.filter((o) => o.c.via === 'http').length).toBeGreaterThan(1_000);

    // The business is still consistent: every read answers, and its settings are valid ones.
    const read = createConsoleCaller({
      deps: h.deps,
      ip: '127.0.0.1',
      session: (await loadSession(h.deps, (await createSession(h.deps, `user-owner-${SITE}`)).token))!,
      csrfHeader: undefined,
      cookies: { setSession() {}, clearSession() {} },
    });
    const biz = await read.business.get();
    expect(biz.id).toBe(BIZ);
    expect(biz.name.trim().length).toBeGreaterThan(0);
    expect(() => new Intl.DateTimeFormat('en', { timeZone: biz.timeZone })).not.toThrow();
    expect(biz.languages.length).toBeGreaterThan(0);
    expect(biz.languages).toContain(biz.defaultLang);
    expect(biz.brandColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect([5, 10, 15, 20, 30, 60]).toContain(biz.slotStepMin);
    await read.services.list();
    await read.staff.list();
    await read.sites.list();
    await read.inbox.list({ status: 'all' });
    await read.calendar.list({ from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' });
    // …and the visitor-facing API still serves the site.
    await h.caller().site.get({ siteKey: SITE, lang: 'en' });
    // Whole: ~60 s budget on an idle 2-core machine; the margin is for a shared, loaded one.
  }, 300_000);
  it('every string field of a valid input, replaced by NUL, lone surrogates, CRLF, format characters or 10,000 chars: 4xx naming that field, never 5xx', async () => {
    const valid = validInputs();
    const outcomes: Outcome[] = [];
    for (const [path, kind] of PROCEDURES) {
      if (!(path in valid)) continue;
      for (const leaf of stringLeaves(valid[path])) {
        for (const bad of HOSTILE) {
          const input = JSON.stringify(withLeaf(valid[path], leaf, bad));
          outcomes.push(await viaCaller(caller, { path, kind, via: 'caller', input }));
        }
      }
    }
    expect(outcomes.length).toBeGreaterThan(500);
    expect(outcomes.filter((o) => o.status >= 500).map(brief)).toEqual([]);
    const unnamed = outcomes.filter((o) => o.code === 'BAD_REQUEST' && !(Array.isArray(o.fields) && o.fields.length > 0));
    expect(unnamed.map(brief)).toEqual([]);
  }, 120_000);
});
