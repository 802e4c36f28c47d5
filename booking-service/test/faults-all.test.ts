/**
 * All three faults together, once: the SMTP server refuses mail, Google answers 500 then 429,
 * and PostgreSQL becomes unreachable (a loopback TCP proxy between the service and the
 * database is cut) — then everything recovers. Nothing is lost: every booking made while the
 * database was up is confirmed, its confirmation mailed exactly once and its calendar event
 * written exactly once; while the database was down, booking answered 503 SERVICE_UNAVAILABLE.
 * In-process with the harness's manual clock, so the hours of job backoff pass instantly.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/adapters/db/client.js';
import { bookingCalendarEvents, bookings } from '../src/adapters/db/schema.js';
import { createTokenCipher } from '../src/adapters/google/token-cipher.js';
import { createSmtpTransport } from '../src/adapters/mail/smtp.js';
import { createApp } from '../src/app.js';
import { startGoogleEmulator, type GoogleEmulator } from '../src/dev/google-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { drainDueJobs } from '../src/jobs/run-due-jobs.js';
import { consentUrl } from '../src/services/calendar-sync/connection.js';
import type { GoogleRuntime, SyncDeps } from '../src/services/calendar-sync/deps.js';
import { createPacer } from '../src/services/calendar-sync/pacing.js';
import { eventIdFor } from '../src/services/calendar-sync/write-event.js';
import { book } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';
import { startSmtp, type TestSmtp } from './support/mail.js';
import { startTcpProxy, viaProxy, type TcpProxy } from './support/tcp-proxy.js';

const STAFF = 'salon-anna';
const MONDAY = '2026-03-02';
const TUESDAY = '2026-03-03';

describe.runIf(process.env.DATABASE_URL)('SMTP down + Google failing + PostgreSQL unreachable, then recovery', () => {
  let h: Harness;
  let proxy: TcpProxy;
  let proxied: Database;
  let emu: GoogleEmulator;
  let smtp: TestSmtp;
  let server: Server;
  let url: string;
  let jd: JobDeps;
  let sd: SyncDeps;

  beforeAll(async () => {
    h = await createHarness('postgres');
    const target = new URL(h.database.url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    proxied = await openDatabase({ kind: 'postgres', url: viaProxy(h.database.url!, proxy), poolSize: 5 });
    // From here on the API and the job runner reach the database only through the proxy.
    h.deps.db = proxied.db;
    emu = await startGoogleEmulator({ now: () => h.clock.now().getTime() });
    smtp = await startSmtp();
    const google: GoogleRuntime = {
      endpoints: { apiRoot: emu.apiRoot, authUrl: emu.authUrl, tokenUrl: emu.tokenUrl, clientId: 'frontdesk-test.apps.example', clientSecret: 'test-client-secret', redirectUrl: '', timeoutMs: 2_000 },
      cipher: createTokenCipher(randomBytes(32)),
      pacer: createPacer(),
      webhookUrl: '',
      channelTtlSec: 7 * 86_400,
    };
    const app = createApp(h.deps, { google, log: () => {} });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    google.endpoints.redirectUrl = `${url}/google/oauth/callback`;
    google.webhookUrl = `${url}/google/push`;
    sd = { ...h.deps, google };
    jd = {
      ...h.deps,
      google,
      transport: createSmtpTransport(smtp.url, { timeoutMs: 1_000 }),
      mailFrom: 'Frontdesk <bookings@frontdesk.test>',
      workerId: 'faults-all',
      leaseMs: 60_000,
      log: () => {},
    };
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server?.closeAllConnections();
    await emu?.close();
    await smtp?.close();
    await proxied?.close();
    await proxy?.stop();
    await h?.close();
  });

  /** Runs every due job (pushes in between) until quiet; a failing database makes the drain throw. */
  async function settle(): Promise<'ok' | 'db-down'> {
    try {
      for (let i = 0; i < 10; i++) {
        await emu.flushPushes();
        const ran = await drainDueJobs(jd, h.clock.now());
        await emu.flushPushes();
        if (ran === 0) return 'ok';
      }
      return 'ok';
    } catch {
      return 'db-down';
    }
  }

  it('loses nothing: one confirmation e-mail and one calendar event per booking made while the database was up', async () => {
    // Healthy: connect Anna's Google calendar, one booking.
    const consent = await fetch(`${await consentUrl(sd, STAFF)}&approve=1`, { redirect: 'manual' });
    expect((await fetch(consent.headers.get('location')!)).status).toBe(200);
    await settle();
    const made = [await book(h, { day: MONDAY, index: 0, email: 'one@example.com' })];

    // SMTP refuses, Google answers 500: bookings still succeed (mail and calendar are jobs).
    smtp.mood = 'refuse';
    emu.setFault({ kind: 'status', status: 500 });
    made.push(await book(h, { day: MONDAY, index: 2, email: 'two@example.com' }));
    for (let t = 0; t < 6; t++) {
      h.clock.advance(30_000);
      expect(await settle()).toBe('ok');
    }
    emu.setFault({ kind: 'rateLimit' });
    made.push(await book(h, { day: TUESDAY, index: 0, email: 'three@example.com' }));

    // PostgreSQL unreachable as well: booking answers SERVICE_UNAVAILABLE (503 over HTTP, with
    // Retry-After); the job runner fails without sending anything.
    await proxy.stop();
    const refused = await book(h, { day: TUESDAY, index: 2, email: 'lost@example.com' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    const overHttp = await fetch(`${url}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: TUESDAY, days: 1 }))}`);
    expect(overHttp.status).toBe(503);
    expect(Number(overHttp.headers.get('retry-after'))).toBeGreaterThan(0);
    for (let t = 0; t < 4; t++) {
      h.clock.advance(30_000);
      expect(await settle()).toBe('db-down');
    }
    expect(smtp.messages).toHaveLength(0);

    // Everything comes back; the same process, the same pool.
    await proxy.start();
    smtp.mood = 'accept';
    emu.setFault(null);
    const customerMails = () => smtp.messages.filter((m) => (m.messageId ?? '').startsWith('<booking_confirmed.'));
    for (let t = 0; t < 240 && (customerMails().length < made.length || (emu.calls.get('POST insert') ?? 0) < made.length); t++) {
      h.clock.advance(30_000);
      await settle();
    }
    // A little longer: a duplicate would show up now.
    for (let t = 0; t < 20; t++) {
      h.clock.advance(30_000);
      await settle();
    }

    const ids = made.map((m) => m.booking.id).sort();
    const rows = await h.database.db.select({ id: bookings.id, status: bookings.status }).from(bookings);
    expect(rows.filter((r) => r.status === 'confirmed').map((r) => r.id).sort()).toEqual(ids);
    // One confirmation per booking, none twice.
    expect(customerMails().map((m) => m.messageId!).sort()).toEqual(ids.map((id) => `<booking_confirmed.v0.${id}@frontdesk.test>`).sort());
    // One calendar event per booking, inserted once.
    const ownEvents = emu.events('primary').filter((e) => e.extendedProperties?.private?.frontdeskBookingId);
    expect(ownEvents.map((e) => e.id).sort()).toEqual(ids.map((id) => eventIdFor(id)).sort());
    expect(emu.calls.get('POST insert')).toBe(made.length);
    const recs = await h.database.db.select().from(bookingCalendarEvents);
    expect(recs.map((r) => [r.state, r.writtenVersion])).toEqual(made.map(() => ['live', 0]));
  }, 120_000);
});
