/**
 * The Google Calendar integration's runtime from validated env: on only when a client id,
 * secret and token key are all configured (the integration stays off otherwise, and its jobs
 * skip), or in demo mode (dev/google-demo.ts), where the loopback emulator stands in for Google.
 * Endpoints default to Google's; the demo and tests point them at the emulator.
 */
import type { Db } from './adapters/db/client.js';
import type { Env } from './env.js';
import type { GoogleRuntime } from './services/calendar-sync/deps.js';
import { createSharedPacer } from './services/calendar-sync/pacing.js';
import { createTokenCipher, parseKey } from './adapters/google/token-cipher.js';

export interface RuntimeParts {
  db: Db;
  publicUrl: string;
  leaseMs: number;
  apiRoot: string;
  authUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  tokenKey: Buffer;
  previousKeys?: Buffer[];
  channelTtlSec: number;
  demo?: boolean;
  demoCalendarUrl?: string;
}

export function buildGoogleRuntime(p: RuntimeParts): GoogleRuntime {
  const base = p.publicUrl.replace(/\/+$/, '');
  return {
    endpoints: {
      apiRoot: p.apiRoot,
      authUrl: p.authUrl,
      tokenUrl: p.tokenUrl,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      redirectUrl: `${base}/google/oauth/callback`,
      // A Google call must end well inside the job lease, or another worker could repeat it.
      timeoutMs: Math.min(20_000, p.leaseMs / 3),
    },
    cipher: createTokenCipher(p.tokenKey, p.previousKeys ?? []),
    // Shared through the database: the 600/min/user quota is per project, across processes.
    pacer: createSharedPacer(p.db),
    webhookUrl: `${base}/google/push`,
    channelTtlSec: p.channelTtlSec,
    demo: p.demo ?? false,
    ...(p.demoCalendarUrl ? { demoCalendarUrl: p.demoCalendarUrl } : {}),
  };
}

export function googleRuntimeFromEnv(env: Env, db: Db, publicUrl: string, leaseMs: number): GoogleRuntime | undefined {
  if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET || !env.GOOGLE_TOKEN_KEY) return undefined;
  return buildGoogleRuntime({
    db,
    publicUrl,
    leaseMs,
    apiRoot: env.GOOGLE_API_ROOT,
    authUrl: env.GOOGLE_OAUTH_AUTH_URL,
    tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL,
    clientId: env.GOOGLE_CLIENT_ID,
    clientSecret: env.GOOGLE_CLIENT_SECRET,
    tokenKey: parseKey(env.GOOGLE_TOKEN_KEY),
    previousKeys: (env.GOOGLE_TOKEN_KEYS_PREVIOUS ?? '').split(',').filter((k) => k.trim()).map(parseKey),
    channelTtlSec: env.GOOGLE_CHANNEL_TTL_SECONDS,
  });
}

/**
 * Demo mode (the emulator instead of Google): asked for with GOOGLE_DEMO, or by default when no
 * Google client is configured and the database is the embedded one — i.e. `npm start`. A
 * configured client always wins unless GOOGLE_DEMO=true says otherwise.
 */
export function googleDemoWanted(env: Pick<Env, 'GOOGLE_DEMO' | 'GOOGLE_CLIENT_ID'>, databaseKind: 'pglite' | 'postgres'): boolean {
  return env.GOOGLE_DEMO ?? (!env.GOOGLE_CLIENT_ID && databaseKind === 'pglite');
}
