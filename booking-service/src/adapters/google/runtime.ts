/**
 * The Google Calendar integration's runtime from validated env: on only when a client id,
 * secret and token key are all configured (the integration stays off otherwise, and its jobs
 * skip). Endpoints default to Google's; the demo and tests point them at the emulator.
 */
import type { Env } from '../../env.js';
import type { GoogleRuntime } from '../../services/calendar-sync/deps.js';
import { createPacer } from '../../services/calendar-sync/pacing.js';
import { createTokenCipher, parseKey } from './token-cipher.js';

export function googleRuntimeFromEnv(env: Env, publicUrl: string, leaseMs: number): GoogleRuntime | undefined {
  if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET || !env.GOOGLE_TOKEN_KEY) return undefined;
  const base = publicUrl.replace(/\/+$/, '');
  const previous = (env.GOOGLE_TOKEN_KEYS_PREVIOUS ?? '').split(',').filter((k) => k.trim()).map(parseKey);
  return {
    endpoints: {
      apiRoot: env.GOOGLE_API_ROOT,
      authUrl: env.GOOGLE_OAUTH_AUTH_URL,
      tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL,
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
      redirectUrl: `${base}/google/oauth/callback`,
      // A Google call must end well inside the job lease, or another worker could repeat it.
      timeoutMs: Math.min(20_000, leaseMs / 3),
    },
    cipher: createTokenCipher(parseKey(env.GOOGLE_TOKEN_KEY), previous),
    pacer: createPacer(),
    webhookUrl: `${base}/google/push`,
    channelTtlSec: env.GOOGLE_CHANNEL_TTL_SECONDS,
  };
}
