/**
 * The console's google.* procedures (notes/console-api.md) through createConsoleCaller with a
 * real session, against the Calendar emulator: connecting through the consent page and back to
 * the console, the calendar choice, disconnecting, the private feed, and tenant isolation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings, externalBusy, googleConnections, users } from '../src/adapters/db/schema.js';
import { createConsoleCaller } from '../src/api/console/router.js';
import type { ConsoleContext } from '../src/api/console/trpc.js';
import { PRIMARY_SUMMARY } from '../src/dev/google-emulator.js';
import { createSession, loadSession } from '../src/services/console/sessions.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createGoogleHarness, type GoogleHarness } from './support/google.js';

const ANNA = 'salon-anna';

describe.each(dbKinds)('console google.* (%s)', (kind) => {
  let g: GoogleHarness;
  afterEach(async () => {
    await g?.close();
  });

  let n = 0;
  /** A console user with a live session, and a caller acting as them (with or without the integration). */
  async function signedIn(o: { businessId: string; role: 'owner' | 'staff'; staffId: string | null }, opts: { google?: boolean; csrf?: boolean } = {}) {
    const id = `user-${++n}`;
    await g.h.deps.db.insert(users).values({ id, businessId: o.businessId, email: `${id}@example.com`, name: id, role: o.role, staffId: o.staffId });
    const { token, csrfToken } = await createSession(g.h.deps, id);
    const session = await loadSession(g.h.deps, token);
    const ctx: ConsoleContext = {
      deps: g.h.deps,
      ip: '127.0.0.1',
      session,
      csrfHeader: opts.csrf === false ? undefined : csrfToken,
      cookies: { setSession: () => {}, clearSession: () => {} },
      google: opts.google === false ? undefined : g.google,
    };
    return createConsoleCaller(ctx);
  }
  const anna = () => signedIn({ businessId: 'biz-salon-spb', role: 'staff', staffId: ANNA });

  /** The browser's way through the consent page: follows "Allow" (or "Cancel") and returns where our callback sends it. */
  async function throughConsent(url: string, choice: 'Allow' | 'Cancel' = 'Allow') {
    const page = await fetch(url);
    const html = await page.text();
    expect(html).toContain('Demo calendar — not Google');
    const href = new RegExp(`<a[^>]*href="([^"]+)"[^>]*>${choice}</a>`).exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBeTruthy();
    const consent = await fetch(new URL(href!, url), { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const callback = await fetch(consent.headers.get('location')!, { redirect: 'manual' });
    await g.settle();
    return { status: callback.status, location: callback.headers.get('location') };
  }

  it('connects from the console: consent page → callback → back to the calendar settings; status shows the calendars', async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    expect(await c.google.status()).toEqual({ configured: true, demo: false, demoCalendarUrl: null, connection: null, feedUrl: null });
    const { url } = await c.google.connectUrl();
    expect(url.startsWith(g.emu.authUrl)).toBe(true);
    expect(new URL(url).searchParams.get('access_type')).toBe('offline');
    expect(await throughConsent(url)).toEqual({ status: 302, location: '/console/#/calendar-settings' });
    g.google.demo = true;
    const s = await c.google.status();
    expect(s.demo).toBe(true);
    expect(s.connection).toEqual({
      status: 'ok',
      brokenReason: null,
      busyCalendarIds: ['primary'],
      bookingCalendarId: 'primary',
      calendars: [{ id: 'primary', summary: PRIMARY_SUMMARY, primary: true }],
    });
    expect(g.emu.channels()).toHaveLength(1);
  });

  it('Google hanging or failing: status still answers with the chosen calendars; choosing says Google is unavailable', async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    await throughConsent((await c.google.connectUrl()).url);
    g.emu.setFault({ kind: 'hang' });
    const s = await c.google.status();
    expect(s.connection?.calendars).toEqual([{ id: 'primary', summary: 'primary', primary: true }]);
    g.emu.setFault({ kind: 'status', status: 500 });
    const f = await failureOf(c.google.chooseCalendars({ busyCalendarIds: ['primary'], bookingCalendarId: 'primary' }));
    expect([f.code, f.data.reason]).toEqual(['BAD_GATEWAY', 'GOOGLE_UNAVAILABLE']);
    expect((await c.google.status()).connection?.status).toBe('ok');
  });

  it('over HTTP at /console/trpc the procedures see the integration (app.ts passes it to the console context)', async () => {
    g = await createGoogleHarness(kind);
    await g.h.deps.db.insert(users).values({ id: 'u-http', businessId: 'biz-salon-spb', email: 'http@example.com', name: 'Anna', role: 'staff', staffId: ANNA });
    const { token, csrfToken } = await createSession(g.h.deps, 'u-http');
    const headers = { cookie: `fd_session=${token}`, 'content-type': 'application/json' };
    const status = await fetch(`${g.url}/console/trpc/google.status`, { headers });
    expect(status.status).toBe(200);
    expect(((await status.json()) as { result: { data: { configured: boolean } } }).result.data.configured).toBe(true);
    const url = await fetch(`${g.url}/console/trpc/google.connectUrl`, { method: 'POST', headers: { ...headers, 'x-csrf-token': csrfToken }, body: '{}' });
    expect(url.status).toBe(200);
    expect(((await url.json()) as { result: { data: { url: string } } }).result.data.url.startsWith(g.emu.authUrl)).toBe(true);
  });

  it('a refused consent returns to the console with the error, and connects nothing', async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    const { url } = await c.google.connectUrl();
    expect(await throughConsent(url, 'Cancel')).toEqual({ status: 302, location: '/console/#/calendar-settings?error=access_denied' });
    expect((await c.google.status()).connection).toBeNull();
  });

  it('chooses busy calendars and the booking calendar among those Google lists; unknown ids are named', async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    await throughConsent((await c.google.connectUrl()).url);
    g.emu.insertEvent('family', { start: { dateTime: '2026-03-09T07:00:00.000Z' }, end: { dateTime: '2026-03-09T08:00:00.000Z' } });
    const s = await c.google.chooseCalendars({ busyCalendarIds: ['primary', 'family'], bookingCalendarId: 'family' });
    expect(s.connection?.busyCalendarIds).toEqual(['primary', 'family']);
    expect(s.connection?.bookingCalendarId).toBe('family');
    expect(s.connection?.calendars.map((x) => x.id).sort()).toEqual(['family', 'primary']);
    await g.settle();
    expect(g.emu.channels().map((x) => x.calendarId).sort()).toEqual(['family', 'primary']);
    expect((await g.h.deps.db.select().from(externalBusy)).map((r) => r.calendarId)).toEqual(['family']);

    const bad = await failureOf(c.google.chooseCalendars({ busyCalendarIds: ['primary', 'someone-else@example.com'], bookingCalendarId: 'primary' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.data.fields).toEqual([{ path: 'busyCalendarIds.1', message: 'not one of your calendars' }]);
    const empty = await failureOf(c.google.chooseCalendars({ busyCalendarIds: [], bookingCalendarId: '' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toContain('bookingCalendarId');
  });

  it('disconnect stops the push channels and forgets the connection and busy times; bookings stay', async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    await throughConsent((await c.google.connectUrl()).url);
    const s = (await g.h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', staffId: ANNA, from: '2026-03-02', days: 1 })).slots;
    g.emu.insertEvent('primary', { start: { dateTime: s[3]!.start }, end: { dateTime: s[3]!.end } });
    const done = await book(g.h, { day: '2026-03-02', index: 8 });
    await g.settle();
    expect(await g.h.deps.db.select().from(externalBusy)).toHaveLength(1);
    expect(g.emu.channels()).toHaveLength(1);

    expect(await c.google.disconnect()).toEqual({ ok: true });
    expect(g.emu.channels()).toHaveLength(0);
    expect(g.emu.calls.get('POST stop')).toBe(1);
    expect(await g.h.deps.db.select().from(googleConnections)).toHaveLength(0);
    expect(await g.h.deps.db.select().from(externalBusy)).toHaveLength(0);
    expect((await g.h.deps.db.select().from(bookings).where(eq(bookings.id, done.booking.id)))[0]?.status).toBe('confirmed');
    expect((await c.google.status()).connection).toBeNull();
  });

  it('creates, shows and revokes the private feed; a new feed never revives a revoked URL', async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    const { url } = await c.google.createFeed();
    const path = new URL(url).pathname;
    expect((await fetch(`${g.url}${path}`)).status).toBe(200);
    expect((await c.google.status()).feedUrl).toBe(url);
    expect(await c.google.revokeFeed()).toEqual({ ok: true });
    expect((await fetch(`${g.url}${path}`)).status).toBe(404);
    expect((await c.google.status()).feedUrl).toBeNull();
    // Same clock instant (the harness clock stands still): still a different secret.
    const again = await c.google.createFeed();
    expect(again.url).not.toBe(url);
    expect((await fetch(`${g.url}${new URL(again.url).pathname}`)).status).toBe(200);
    expect((await fetch(`${g.url}${path}`)).status).toBe(404);
  });

  it("tenant isolation: another business's owner can neither see nor change a staff member's connection", async () => {
    g = await createGoogleHarness(kind);
    const c = await anna();
    await throughConsent((await c.google.connectUrl()).url);
    await c.google.createFeed();
    const otherOwner = await signedIn({ businessId: 'biz-barber-nyc', role: 'owner', staffId: null });
    for (const call of [
      () => otherOwner.google.status({ staffId: ANNA }),
      () => otherOwner.google.disconnect({ staffId: ANNA }),
      () => otherOwner.google.chooseCalendars({ staffId: ANNA, busyCalendarIds: [], bookingCalendarId: 'primary' }),
      () => otherOwner.google.connectUrl({ staffId: ANNA }),
      () => otherOwner.google.createFeed({ staffId: ANNA }),
      () => otherOwner.google.revokeFeed({ staffId: ANNA }),
    ]) {
      // One call at a time: a rejection created before it is awaited would go unhandled.
      const f = await failureOf(call());
      expect(f.code).toBe('NOT_FOUND');
      expect(f.data.reason).toBe('STAFF_NOT_FOUND');
    }
    // Same answer as for a staff id that does not exist: nothing to probe.
    expect((await failureOf(otherOwner.google.status({ staffId: 'no-such-staff' }))).data.reason).toBe('STAFF_NOT_FOUND');
    const s = await c.google.status();
    expect(s.connection?.status).toBe('ok');
    expect(s.feedUrl).not.toBeNull();
    expect(g.emu.channels()).toHaveLength(1);

    // A colleague (staff, not owner) cannot act for Anna either; Anna's own owner can.
    const maria = await signedIn({ businessId: 'biz-salon-spb', role: 'staff', staffId: 'salon-maria' });
    expect((await failureOf(maria.google.status({ staffId: ANNA }))).code).toBe('NOT_FOUND');
    const owner = await signedIn({ businessId: 'biz-salon-spb', role: 'owner', staffId: null });
    expect((await owner.google.status({ staffId: ANNA })).connection?.status).toBe('ok');
    // The owner's link for Anna leads to the consent page and on to our own result page.
    const { url: link } = await owner.google.connectLink({ staffId: ANNA });
    const toConsent = await fetch(link.replace(g.h.deps.publicUrl, g.url), { redirect: 'manual' });
    expect(toConsent.headers.get('location')?.startsWith(g.emu.authUrl)).toBe(true);
    expect((await failureOf(otherOwner.google.connectLink({ staffId: ANNA }))).code).toBe('NOT_FOUND');
    expect((await failureOf(maria.google.connectLink({ staffId: 'salon-maria' }))).code).toBe('FORBIDDEN');
    const own = await failureOf(owner.google.status());
    expect(own.code).toBe('BAD_REQUEST');
    expect(own.data.fields).toEqual([{ path: 'staffId', message: 'required' }]);
  });

  it('mutations need the CSRF token; without the integration status says so and connectUrl is refused', async () => {
    g = await createGoogleHarness(kind);
    const noCsrf = await signedIn({ businessId: 'biz-salon-spb', role: 'staff', staffId: ANNA }, { csrf: false });
    expect((await failureOf(noCsrf.google.connectUrl())).code).toBe('FORBIDDEN');
    const off = await signedIn({ businessId: 'biz-salon-spb', role: 'staff', staffId: ANNA }, { google: false });
    expect(await off.google.status()).toEqual({ configured: false, demo: false, demoCalendarUrl: null, connection: null, feedUrl: null });
    const f = await failureOf(off.google.connectUrl());
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.data.reason).toBe('GOOGLE_NOT_CONFIGURED');
    // The feed does not need Google.
    expect((await off.google.createFeed()).url).toMatch(/\/calendar\/staff\/[\w-]{43}\.ics$/);
  });
});
