/**
 * The `npm start` demo's Google Calendar: the service on the embedded database with no Google
 * client runs the emulator in-process as a labelled demo calendar. Connect through the signed
 * link and the demo consent page, add a busy event on the demo calendar's page, see the slot go;
 * after a restart (the in-memory calendar is gone) the connection reads as needing a reconnect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/adapters/db/client.js';
import { googleConnections, jobs } from '../src/adapters/db/schema.js';
import { googleDemoWanted } from '../src/google-runtime.js';
import { DEMO_RESET_REASON } from '../src/dev/google-demo.js';
import { signStaffToken } from '../src/services/calendar-sync/oauth-state.js';
import { startService, type RunningService } from './support/spawn-service.js';
import { trpc } from './support/trpc-http.js';
import { until } from './support/until.js';

const SECRET = 'google-demo-test-secret-'.padEnd(48, 'x');
const STAFF = 'barber-marcus';

describe('demo mode decision', () => {
  it('is on for the embedded database without a Google client, and whenever GOOGLE_DEMO says so', () => {
    expect(googleDemoWanted({ GOOGLE_DEMO: undefined, GOOGLE_CLIENT_ID: undefined }, 'pglite')).toBe(true);
    expect(googleDemoWanted({ GOOGLE_DEMO: undefined, GOOGLE_CLIENT_ID: 'x.apps.googleusercontent.com' }, 'pglite')).toBe(false);
    expect(googleDemoWanted({ GOOGLE_DEMO: undefined, GOOGLE_CLIENT_ID: undefined }, 'postgres')).toBe(false);
    expect(googleDemoWanted({ GOOGLE_DEMO: true, GOOGLE_CLIENT_ID: undefined }, 'postgres')).toBe(true);
    expect(googleDemoWanted({ GOOGLE_DEMO: false, GOOGLE_CLIENT_ID: undefined }, 'pglite')).toBe(false);
  });
});

describe('npm start: the demo calendar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-gdemo-'));
  const dataDir = join(dir, 'data');
  let svc: RunningService | undefined;
  afterAll(async () => {
    await svc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects through the demo consent page, a busy event added on the demo page blocks the slot, a restart asks to reconnect', async () => {
    svc = await startService({ DATA_DIR: dataDir, APP_SECRET: SECRET, GOOGLE_CLIENT_ID: '', JOBS_POLL_MS: '200' });
    const emulatorUrl = /Google Calendar: demo calendar \(emulator, not Google\) at (http:\/\/127\.0\.0\.1:\d+)/.exec(svc.output())?.[1];
    expect(emulatorUrl).toBeTruthy();

    // The owner's signed connect link → the demo consent page, labelled as not Google.
    const link = signStaffToken(SECRET, STAFF, 'gcal_connect', new Date(Date.now() + 3_600_000));
    const toConsent = await fetch(`${svc.url}/google/connect?link=${encodeURIComponent(link)}`, { redirect: 'manual' });
    expect(toConsent.status).toBe(302);
    const consentUrl = toConsent.headers.get('location')!;
    expect(consentUrl.startsWith(`${emulatorUrl}/o/oauth2/v2/auth?`)).toBe(true);
    const page = await (await fetch(consentUrl)).text();
    expect(page).toContain('<h1>Demo calendar — not Google</h1>');
    const allow = /<a class="allow" href="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    const back = await fetch(new URL(allow, emulatorUrl), { redirect: 'manual' });
    const done = await fetch(back.headers.get('location')!);
    const html = await done.text();
    expect(done.status).toBe(200);
    expect(html).toContain('Connected');
    expect(html).toContain('demo calendar, not Google');

    // Marcus works Tuesdays 10:00–19:00 New York time; block 13:00–14:00 next Tuesday.
    const day = new Date();
    do day.setUTCDate(day.getUTCDate() + 1);
    while (day.getUTCDay() !== 2 || day.getTime() - Date.now() < 2 * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const slotsAt1pm = async () =>
      ((await trpc(svc!.url, 'slots.find', { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: STAFF, from: date, days: 1 })).slots as Array<{ start: string }>)
        .map((s) => s.start)
        .filter((s) => s.startsWith(date) && new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', hour12: false }).format(new Date(s)) === '13');
    expect((await slotsAt1pm()).length).toBeGreaterThan(0);
    const added = await fetch(`${emulatorUrl}/demo/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ summary: 'Lunch', start: `${date}T13:00`, zone: 'America/New_York', minutes: '60' }).toString(),
      redirect: 'manual',
    });
    expect(added.status).toBe(303);
    const listed = (await (await fetch(`${emulatorUrl}/demo/events.json`)).json()) as { items: Array<{ summary: string; start: { dateTime: string } }> };
    expect(listed.items.map((e) => e.summary)).toEqual(['Lunch']);
    await until('the pushed event to block 13:00', async () => (await slotsAt1pm()).length === 0, { timeoutMs: 20_000, everyMs: 250 }).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${svc!.output()}`);
    });
    await svc.stop();

    // Restarted: the emulator's memory (and the grant) is gone; the connection says so, quietly.
    svc = await startService({ DATA_DIR: dataDir, APP_SECRET: SECRET, GOOGLE_CLIENT_ID: '' });
    expect((await slotsAt1pm()).length).toBeGreaterThan(0);
    await svc.stop();
    svc = undefined;
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const conn = (await db.db.select().from(googleConnections).where(eq(googleConnections.staffId, STAFF)))[0]!;
      expect([conn.status, conn.brokenReason]).toEqual(['broken', DEMO_RESET_REASON]);
      expect(await db.db.select().from(jobs).where(eq(jobs.kind, 'gcal.broken'))).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});
