/**
 * The real Google clients (google-auth-library + @googleapis/calendar), pointed at whatever
 * endpoints the configuration names — Google's by default, the loopback emulator in tests and
 * in the demo. gaxios's own retries are off: durable jobs own retrying, with backoff that
 * survives restarts, and a request must end well inside a job lease (`timeoutMs`).
 *
 * The two libraries load on the first client made, not at start: most processes never talk to
 * Google, and together they cost ~12 MiB of RSS and ~0.1 s of CPU to load (BENCHMARKS.md:
 * start-up; src/main.test.ts checks they stay out of the start's import graph).
 */
import type { calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';

const googleLibraries = () => Promise.all([import('@googleapis/calendar'), import('google-auth-library')]);

export interface GoogleEndpoints {
  apiRoot: string;
  authUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where the consent page sends the user back: `<publicUrl>/google/oauth/callback`. */
  redirectUrl: string;
  timeoutMs: number;
}

/**
 * Only as wide as needed: `calendar.events` to write booking events and read busy events,
 * `calendar.calendarlist.readonly` so staff can pick which calendars count as busy.
 */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
];

export async function oauthClient(e: GoogleEndpoints): Promise<OAuth2Client> {
  const [, { OAuth2Client }] = await googleLibraries();
  return new OAuth2Client({
    clientId: e.clientId,
    clientSecret: e.clientSecret,
    redirectUri: e.redirectUrl,
    endpoints: { oauth2AuthBaseUrl: e.authUrl, oauth2TokenUrl: e.tokenUrl },
  });
}

export async function calendarClient(e: GoogleEndpoints, refreshToken: string): Promise<calendar_v3.Calendar> {
  const [{ calendar }] = await googleLibraries();
  const auth = await oauthClient(e);
  auth.setCredentials({ refresh_token: refreshToken });
  return calendar({
    version: 'v3',
    // Two copies of google-auth-library (ours and googleapis-common's, same version) differ only in private fields.
    auth: auth,
    rootUrl: e.apiRoot,
    retry: false,
    timeout: e.timeoutMs,
  });
}

export type GoogleFailure =
  /** The grant is revoked or expired: only the user reconnecting helps. */
  | 'invalid_grant'
  /** 403 rateLimitExceeded/userRateLimitExceeded, 429, 5xx, timeouts, network: retry with backoff. */
  | 'retry'
  /** 410: sync token stale (events.list) or event already deleted. */
  | 'gone'
  | 'not_found'
  /** 409: an event with that id exists already. */
  | 'conflict'
  | 'fatal';

interface ErrorLike {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; data?: unknown };
}

export function classifyGoogleError(err: unknown): GoogleFailure {
  const e = (err ?? {}) as ErrorLike;
  const data = e.response?.data as { error?: unknown } | undefined;
  if (data?.error === 'invalid_grant' || e.message === 'invalid_grant') return 'invalid_grant';
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  if (status === undefined) return 'retry'; // no answer at all: network error or timeout
  if (status === 429 || status >= 500) return 'retry';
  // A revoked access token: jobs build a fresh client per attempt, whose refresh then tells
  // a transient failure from a revoked grant (invalid_grant).
  if (status === 401) return 'retry';
  if (status === 403) {
    const reasons = ((data?.error as { errors?: Array<{ reason?: string }> } | undefined)?.errors ?? []).map((x) => x.reason);
    return reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded') ? 'retry' : 'fatal';
  }
  if (status === 410) return 'gone';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 && typeof data?.error === 'string') return data.error === 'invalid_grant' ? 'invalid_grant' : 'fatal';
  return 'fatal';
}

/** Google's Retry-After is honoured up to this; a longer one is treated as this (the tick re-queues anyway). */
const RETRY_AFTER_CAP_MS = 3_600_000;

/**
 * How long Google asked us to wait (Retry-After on 429/503, RFC 9110: seconds or an HTTP date),
 * capped at an hour; undefined when it said nothing usable.
 */
export function retryAfterMs(err: unknown, now: Date): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get('retry-after')
      : ((headers as Record<string, unknown>)['retry-after'] as string | undefined);
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const t = raw.trim();
  const ms = /^\d+$/.test(t) ? Number(t) * 1000 : Date.parse(t) - now.getTime();
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return Math.min(ms, RETRY_AFTER_CAP_MS);
}
