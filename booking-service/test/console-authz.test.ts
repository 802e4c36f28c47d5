/**
 * Console authorisation, walking EVERY procedure of the console router (read from the router
 * itself, so procedures added later are walked too):
 * - without a session: UNAUTHORIZED (except the anonymous auth.* ones);
 * - mutations without or with a wrong CSRF token: FORBIDDEN;
 * - staff calling owner procedures: FORBIDDEN;
 * - the owner and a staff member of business A, calling everything with business B's ids:
 *   refused or answered without any of B's data, and B's rows are byte-for-byte unchanged.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/adapters/db/client.js';
import { handoffs } from '../src/adapters/db/schema.js';
import { consoleRouter } from '../src/api/console/router.js';
import { demoQuoteTrees } from '../src/seed/quote-trees.js';
import { consoleSession, ownerOf, signIn, staffAccount, type ConsoleSessionClient, type WireResult } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const A = 'demo-salon-spb';
const B = { siteKey: 'demo-barber-nyc', business: 'biz-barber-nyc', site: 'site-demo-barber-nyc', service: 'barber-haircut', staff: 'barber-marcus', handoff: 'handoff-of-b', user: 'user-owner-demo-barber-nyc' };

type Kind = 'query' | 'mutation';
/** Every procedure of the console router, by dotted path. */
const PROCEDURES: Array<[string, Kind]> = Object.entries(consoleRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .map(([path, p]): [string, Kind] => [path, p._def.type as Kind])
  .sort();

/** Anonymous by design; everything else needs a session. */
const ANONYMOUS = new Set(['auth.me', 'auth.login', 'auth.requestReset', 'auth.resetPassword', 'auth.acceptInvite']);
/** Settings only the owner changes (contract: notes/console-api.md). */
const OWNER_ONLY = ['business.update', 'services.save', 'services.archive', 'staff.save', 'staff.invite', 'sites.save', 'sites.create', 'quoteTrees.save'];

/** Tables holding a business's data, with the column naming the business. */
const TENANT_TABLES: Array<[string, string]> = [
  ['businesses', 'id'],
  ['sites', 'business_id'],
  ['services', 'business_id'],
  ['staff', 'business_id'],
  ['service_staff', 'business_id'],
  ['staff_exceptions', 'business_id'],
  ['customers', 'business_id'],
  ['bookings', 'business_id'],
  ['handoffs', 'business_id'],
  ['handoff_replies', 'business_id'],
  ['users', 'business_id'],
  ['events', 'business_id'],
  ['google_connections', 'business_id'],
];

describe.each(dbKinds)('console authorisation on %s', (kind) => {
  let h: Harness;
  let base: string;
  let owner: ConsoleSessionClient;
  let staff: ConsoleSessionClient;
  let bBooking: string;
  let markers: string[];

  /** B's ids in every input shape a procedure could take (contract names). */
  function inputsFor(path: string): unknown[] {
    const known: Record<string, unknown> = {
      'business.update': { name: 'A renamed' },
      'services.save': { id: B.service, names: { en: 'Hijacked' }, durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, priceMin: 1, priceMax: null, active: false, staffIds: [] },
      'services.archive': { id: B.service },
      'staff.save': { id: B.staff, name: 'Hijacked', timeZone: null, weeklyHours: {}, active: false },
      'staff.invite': { email: 'spy@salon.example', name: 'Spy', role: 'staff', staffId: B.staff },
      'staff.setHours': { staffId: B.staff, weeklyHours: {} },
      'staff.setDayOff': { staffId: B.staff, date: '2026-03-03', off: true },
      'sites.save': { id: B.site, allowedOrigins: ['https://evil.example'], color: '#000000', position: 'left', greeting: { en: 'Hijacked' } },
      'sites.create': { siteKey: B.siteKey, allowedOrigins: [] },
      'quoteTrees.get': { siteId: B.site },
      'quoteTrees.save': { siteId: B.site, trees: [] },
      'quoteTrees.preview': { tree: demoQuoteTrees[A]![0], answers: {}, lang: 'en' },
      'calendar.list': { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z', staffId: B.staff },
      'bookings.slots': { serviceId: B.service, staffId: B.staff, date: '2026-03-03' },
      'bookings.create': { serviceId: B.service, staffId: B.staff, startsAt: '2026-03-03T16:00:00Z', customer: { name: 'Spy' }, lang: 'en' },
      'bookings.reschedule': { bookingId: bBooking, startsAt: '2026-03-03T16:00:00Z' },
      'bookings.cancel': { bookingId: bBooking },
      'bookings.markAttendance': { bookingId: bBooking, status: 'no_show' },
      'inbox.list': { status: 'all' },
      'inbox.get': { id: B.handoff },
      'inbox.claim': { id: B.handoff },
      'inbox.reply': { id: B.handoff, body: 'hello from A' },
      'inbox.close': { id: B.handoff, outcome: 'spam' },
      'dashboard.kpis': { from: '2026-02-01T00:00:00Z', to: '2026-03-08T00:00:00Z', siteId: B.site },
      'google.status': { staffId: B.staff },
      'google.connectUrl': { staffId: B.staff },
      'google.chooseCalendars': { staffId: B.staff, busyCalendarIds: ['primary'], bookingCalendarId: 'primary' },
      'google.disconnect': { staffId: B.staff },
      'google.createFeed': { staffId: B.staff },
      'google.revokeFeed': { staffId: B.staff },
    };
    if (path in known) return [known[path]];
    // A procedure this table does not know yet: every id-shaped input with B's ids.
    const ids = [B.business, B.site, B.service, B.staff, B.handoff, bBooking, B.user];
    return [undefined, {}, ...ids.map((id) => ({ id })), { siteId: B.site, staffId: B.staff, serviceId: B.service, bookingId: bBooking, handoffId: B.handoff }];
  }

  async function snapshotOfB(): Promise<string> {
    const parts: unknown[] = [];
    for (const [table, column] of TENANT_TABLES) {
      parts.push(await queryRows(h.deps.db, sql.raw(`SELECT * FROM ${table} WHERE ${column} = '${B.business}' ORDER BY 1, 2`)));
    }
    return JSON.stringify(parts);
  }

  const call = (s: ConsoleSessionClient, path: string, kind: Kind, input: unknown, csrf?: string | null) => s.call(path, input, kind, csrf === undefined ? {} : { csrf });

  beforeAll(async () => {
    h = await createHarness(kind);
    base = (await h.http()).url;
    owner = await signIn(base, ownerOf(A));
    staff = await signIn(base, staffAccount('salon-anna', A));
    const bOwner = await signIn(base, ownerOf(B.siteKey));
    // B's own data to aim at: a booking with a customer, and a hand-off.
    const booking = await bOwner.client.bookings.create.mutate({ serviceId: B.service, staffId: B.staff, startsAt: '2026-03-03T15:00:00.000Z', customer: { name: 'Mallory Secret', email: 'mallory@b.example' }, lang: 'en' });
    bBooking = booking.id;
    await h.deps.db.insert(handoffs).values({
      id: B.handoff,
      businessId: B.business,
      message: 'B-secret-message',
      contactName: 'Mallory Secret',
      contactEmail: 'mallory@b.example',
      lang: 'en',
      expectedReplyBy: new Date('2026-03-02T07:00:00Z'),
    });
    markers = [B.business, B.siteKey, B.site, 'barber-', 'Marcus', 'Mallory', 'mallory@b.example', 'B-secret-message', bBooking, B.handoff, 'demo-barber-nyc.demo'];
  });
  afterAll(async () => {
    await h?.close();
  });

  it('walks the whole router (sanity: every H1 procedure is there)', () => {
    const paths = PROCEDURES.map(([p]) => p);
    for (const p of ['auth.me', 'auth.login', 'business.update', 'services.save', 'staff.setDayOff', 'sites.create', 'quoteTrees.preview', 'calendar.list', 'bookings.markAttendance']) {
      expect(paths).toContain(p);
    }
  });

  it('refuses every non-anonymous procedure without a session (UNAUTHORIZED)', async () => {
    const anon = consoleSession(base);
    const before = await snapshotOfB();
    for (const [path, kind] of PROCEDURES) {
      if (ANONYMOUS.has(path)) continue;
      for (const input of inputsFor(path)) {
        const r = await call(anon, path, kind, input);
        expect({ path, status: r.status, code: r.error?.data.code }).toEqual({ path, status: 401, code: 'UNAUTHORIZED' });
      }
    }
    expect(await snapshotOfB()).toBe(before);
  });

  it('refuses every signed-in mutation without the CSRF token or with a wrong one (FORBIDDEN)', async () => {
    const mutations = PROCEDURES.filter(([p, k]) => k === 'mutation' && !ANONYMOUS.has(p));
    expect(mutations.length).toBeGreaterThan(15);
    const before = JSON.stringify(await owner.client.business.get.query());
    for (const [path, kind] of mutations) {
      for (const csrf of [null, 'wrong-token', staff.csrf!]) {
        const r = await call(owner, path, kind, inputsFor(path)[0], csrf);
        expect({ path, csrf, code: r.error?.data.code }).toEqual({ path, csrf, code: 'FORBIDDEN' });
      }
    }
    // Nothing happened (business.update was among them); the session still works.
    expect(JSON.stringify(await owner.client.business.get.query())).toBe(before);
  });

  it('refuses owner procedures to staff (FORBIDDEN), with valid inputs of their own business', async () => {
    const [site] = await owner.client.sites.list.query();
    const [service] = await owner.client.services.list.query();
    const own: Record<string, unknown> = {
      'business.update': { name: 'Staff rename' },
      'services.save': { ...service, names: { en: 'Staff rename' } },
      'services.archive': { id: service!.id },
      'staff.save': { id: 'salon-anna', name: 'Staff rename', timeZone: null, weeklyHours: {}, active: true },
      'staff.invite': { email: 'friend@salon.example', name: 'Friend', role: 'owner', staffId: null },
      'sites.save': { id: site!.id, allowedOrigins: [], color: '#000000', position: 'left', greeting: { en: 'x' } },
      'sites.create': { allowedOrigins: [] },
      'quoteTrees.save': { siteId: site!.id, trees: [] },
    };
    for (const path of OWNER_ONLY) {
      const r = await call(staff, path, 'mutation', own[path]);
      expect({ path, code: r.error?.data.code }).toEqual({ path, code: 'FORBIDDEN' });
    }
    expect((await owner.client.business.get.query()).name).not.toBe('Staff rename');
    expect((await owner.client.sites.list.query()).length).toBe(1);
  });

  it.each([
    ['owner', () => owner],
    ['staff', () => staff],
  ])("A's %s reaches nothing of B through any procedure", async (_who, session) => {
    const s = session();
    const before = await snapshotOfB();
    const seen: string[] = [];
    for (const [path, kind] of PROCEDURES) {
      if (path.startsWith('auth.') && path !== 'auth.me') continue; // sign-in flows: covered in console-auth
      for (const input of inputsFor(path)) {
        const r: WireResult = await call(s, path, kind, input);
        seen.push(path);
        expect(r.status, `${path} must not fail on the server: ${JSON.stringify(r.error)}`).toBeLessThan(500);
        if (r.error) {
          expect(['NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED'], `${path}: ${r.error.message}`).toContain(r.error.data.code);
          // A refusal names nothing of B beyond what the caller sent.
          for (const m of [...markers].filter((x) => !JSON.stringify(input ?? {}).includes(x))) expect(r.error.message, path).not.toContain(m);
        } else {
          const body = JSON.stringify(r.data);
          for (const m of markers) expect(body.includes(m), `${path} answered with B's "${m}": ${body.slice(0, 300)}`).toBe(false);
        }
      }
    }
    expect(new Set(seen).size).toBe(PROCEDURES.filter(([p]) => !p.startsWith('auth.') || p === 'auth.me').length);
    expect(await snapshotOfB()).toBe(before);
  });
});
