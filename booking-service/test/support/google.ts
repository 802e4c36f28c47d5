/**
 * A harness with the Google Calendar integration switched on: the loopback emulator, our app
 * on a real HTTP server (so the emulator's push notifications reach POST /google/push), job
 * deps carrying the Google runtime, and the connect flow driven through the consent page.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/app.js';
import { createTokenCipher } from '../../src/adapters/google/token-cipher.js';
import { startGoogleEmulator, type GoogleEmulator } from '../../src/dev/google-emulator.js';
import type { JobDeps } from '../../src/jobs/deps.js';
import { drainDueJobs } from '../../src/jobs/run-due-jobs.js';
import { consentUrl } from '../../src/services/calendar-sync/connection.js';
import type { GoogleRuntime, SyncDeps } from '../../src/services/calendar-sync/deps.js';
import { createSharedPacer } from '../../src/services/calendar-sync/pacing.js';
import type { DbKind } from './db.js';
import { createHarness, type Harness } from './harness.js';
import { jobDeps } from './jobs.js';

export interface GoogleHarness {
  h: Harness;
  emu: GoogleEmulator;
  google: GoogleRuntime;
  sd: SyncDeps;
  jd: JobDeps;
  url: string;
  /** Lets pushes arrive, then runs every job due now; repeated until quiet. */
  settle(): Promise<void>;
  connect(staffId: string): Promise<void>;
  close(): Promise<void>;
}

export async function createGoogleHarness(kind: DbKind): Promise<GoogleHarness> {
  const h = await createHarness(kind);
  const emu = await startGoogleEmulator({ now: () => h.clock.now().getTime() });
  const google: GoogleRuntime = {
    endpoints: {
      apiRoot: emu.apiRoot,
      authUrl: emu.authUrl,
      tokenUrl: emu.tokenUrl,
      clientId: 'frontdesk-test.apps.example',
      clientSecret: 'test-client-secret',
      redirectUrl: '',
      timeoutMs: 2_000,
    },
    cipher: createTokenCipher(randomBytes(32)),
    // The service's own pacer (state in the database), so every sync test exercises it.
    pacer: createSharedPacer(h.deps.db),
    webhookUrl: '',
    channelTtlSec: 7 * 86_400,
  };
  const app = createApp(h.deps, { google, log: () => {} });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  google.endpoints.redirectUrl = `${url}/google/oauth/callback`;
  google.webhookUrl = `${url}/google/push`;
  const sd: SyncDeps = { ...h.deps, google };
  const jd: JobDeps = { ...jobDeps(h, 'outbox'), google };

  const settle = async () => {
    for (let i = 0; i < 10; i++) {
      await emu.flushPushes();
      const ran = await drainDueJobs(jd, h.clock.now());
      await emu.flushPushes();
      if (ran === 0) return;
    }
  };

  return {
    h,
    emu,
    google,
    sd,
    jd,
    url,
    settle,
    async connect(staffId) {
      // The consent page's "Allow" → Google redirects to our callback with a code and the signed state.
      const consent = await fetch(`${await consentUrl(sd, staffId)}&approve=1`, { redirect: 'manual' });
      const callback = consent.headers.get('location');
      if (consent.status !== 302 || !callback?.startsWith(url)) throw new Error(`consent answered ${consent.status}`);
      const done = await fetch(callback);
      if (done.status !== 200) throw new Error(`callback answered ${done.status}: ${await done.text()}`);
      await settle();
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await emu.close();
      await h.close();
    },
  };
}
