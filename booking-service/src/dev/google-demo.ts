/**
 * The demo's Google Calendar (`npm start`): the loopback emulator, started in this process, and
 * a GoogleRuntime pointed at it, so "Connect Google Calendar" works end to end without a Google
 * account. Everything says it is a demo: the consent page ("Demo calendar — not Google"), the
 * calendar's name, and `demo: true` in the console's google.status.
 *
 * The emulator keeps its calendars in memory, so a restart forgets them and every grant it
 * issued. Connections made against an earlier run are therefore marked broken (`demo_reset`)
 * at start — quietly, without the owner's notice — and the console offers to connect again.
 */
import { hkdfSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../adapters/db/client.js';
import { googleConnections } from '../adapters/db/schema.js';
import { buildGoogleRuntime } from '../google-runtime.js';
import type { GoogleRuntime } from '../services/calendar-sync/deps.js';
import { startGoogleEmulator, type GoogleEmulator } from './google-emulator.js';

export const DEMO_RESET_REASON = 'demo_reset';

export interface GoogleDemo {
  runtime: GoogleRuntime;
  emulator: GoogleEmulator;
  close(): Promise<void>;
}

export async function startGoogleDemo(o: {
  db: Db;
  /** The app secret; the demo's token key is derived from it (no GOOGLE_TOKEN_KEY needed). */
  secret: string;
  publicUrl: string;
  leaseMs: number;
  port: number;
  channelTtlSec: number;
  now: () => Date;
}): Promise<GoogleDemo> {
  const emulator = await startGoogleEmulator({ port: o.port, demo: true });
  const now = o.now();
  await o.db
    .update(googleConnections)
    .set({ status: 'broken', brokenReason: DEMO_RESET_REASON, brokenAt: now, updatedAt: now })
    .where(eq(googleConnections.status, 'ok'));
  const runtime = buildGoogleRuntime({
    db: o.db,
    publicUrl: o.publicUrl,
    leaseMs: o.leaseMs,
    apiRoot: emulator.apiRoot,
    authUrl: emulator.authUrl,
    tokenUrl: emulator.tokenUrl,
    clientId: 'frontdesk-demo.apps.emulator',
    clientSecret: 'demo-client-secret',
    tokenKey: Buffer.from(hkdfSync('sha256', o.secret, 'frontdesk', 'google-demo-token-key', 32)),
    channelTtlSec: o.channelTtlSec,
    demo: true,
    demoCalendarUrl: `${emulator.url}/`,
  });
  return { runtime, emulator, close: () => emulator.close() };
}
