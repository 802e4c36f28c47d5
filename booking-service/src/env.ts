/**
 * The only reader of process.env. Everything else receives a typed, validated `Env`.
 */
import { fileURLToPath } from 'node:url';
import { isIP } from 'node:net';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Express's names for address ranges; anything else in the list must be an IP or a CIDR. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (v: string) => {
  if (PROXY_NAMES.has(v)) return true;
  const [ip, bits, ...rest] = v.split('/');
  if (rest.length > 0 || !ip || !isIP(ip)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128));
};

/**
 * Which proxies in front of the service to believe about the client's address
 * (X-Forwarded-For): a number of hops (`1` behind one load balancer), or a comma-separated list
 * of proxy addresses / CIDRs / `loopback`, `linklocal`, `uniquelocal`. `true` (trust anyone) is
 * refused: any client could then pick its own IP and walk past the per-IP rate limits.
 */
export const trustProxySchema = z
  .string()
  .trim()
  .refine((v) => /^\d{1,2}$/.test(v) || v.split(',').every((p) => isProxyAddress(p.trim())), 'a hop count (e.g. 1) or a list of proxy IPs/CIDRs (e.g. 10.0.0.0/8,loopback)')
  .transform((v): number | string[] => (/^\d{1,2}$/.test(v) ? Number(v) : v.split(',').map((p) => p.trim())));

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Embedded database folder; ignored when DATABASE_URL is set. */
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Public origin of this service, used in links and as an always-allowed origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** ≥ 32 chars. When absent a random secret is generated once and kept in the database. */
  APP_SECRET: z.string().min(32).optional(),
  /** Seed the three demo businesses. Defaults to on for the embedded database only. */
  SEED_DEMO: boolish.optional(),
  /** Built widget files (widget.js + chunks). */
  WIDGET_DIST: z.string().min(1).default(fileURLToPath(new URL('../../widget/dist', import.meta.url))),
  /** Built staff console (index.html + assets), served at /console. */
  CONSOLE_DIST: z.string().min(1).default(fileURLToPath(new URL('../../console/dist', import.meta.url))),
  /** Console sign-in and reset attempts per e-mail, and per client IP, per LOGIN_WINDOW_SECONDS (guessing passwords). */
  LOGIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Outgoing mail server, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@host:465. None = the outbox (see /mailbox). */
  SMTP_URL: z.string().url().optional(),
  /** Sender of every message, `Name <address>`. */
  MAIL_FROM: z.string().min(3).refine((v) => !/[\r\n]/.test(v), 'one line').default('Frontdesk <bookings@frontdesk.localhost>'),
  /**
   * Serve /mailbox: every outgoing message and its links, to anyone. Default (mailboxWanted): on
   * for the embedded demo without SMTP_URL; off once DATABASE_URL or NODE_ENV=production is set.
   */
  MAILBOX: boolish.optional(),
  /** `production` turns demo conveniences off by default (the /mailbox page). */
  NODE_ENV: z.string().optional(),
  /** Slow clients: the request head must arrive within this (s)… */
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** …and the whole request, body included (s); then 408 and the socket is closed. */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Open sockets per client address; 0 = no cap. Default 64, or 0 when TRUST_PROXY is set (the proxy limits clients). */
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(0).max(100_000).optional(),
  /** Google Calendar sync (issue 5): on when client id, secret and GOOGLE_TOKEN_KEY are all set. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** 32 bytes, base64 or hex: seals refresh tokens (AES-256-GCM). Rotation: see adapters/google/token-cipher.ts. */
  GOOGLE_TOKEN_KEY: z.string().min(32).optional(),
  /** Earlier keys, comma-separated, still accepted for opening tokens until re-sealed. */
  GOOGLE_TOKEN_KEYS_PREVIOUS: z.string().optional(),
  /** Calendar API root (`rootUrl` of the client) and OAuth endpoints: Google's unless pointed at a compatible server. */
  GOOGLE_API_ROOT: z.string().url().default('https://www.googleapis.com/'),
  GOOGLE_OAUTH_AUTH_URL: z.string().url().default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_OAUTH_TOKEN_URL: z.string().url().default('https://oauth2.googleapis.com/token'),
  /**
   * Run the loopback Google Calendar emulator in-process as a clearly labelled demo calendar and
   * point the integration at it. Defaults to on when GOOGLE_CLIENT_ID is unset and the database
   * is embedded (the `npm start` demo); never on otherwise unless asked.
   */
  GOOGLE_DEMO: boolish.optional(),
  /** Loopback port of the demo emulator; 0 = any free port. */
  GOOGLE_DEMO_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Requested lifetime of push channels (s); renewed a day before expiry. Google caps it (~7 days for events). */
  GOOGLE_CHANNEL_TTL_SECONDS: z.coerce.number().int().min(3_600).max(2_592_000).default(604_800),
  /**
   * Let webhooks reach private, loopback and link-local addresses (SSRF guard off). For tests and
   * the demo (defaults to on with the seeded demo data, off otherwise); never in production.
   */
  WEBHOOKS_ALLOW_PRIVATE: boolish.optional(),
  /** Seconds a staff reply may stay unseen in the chat before it goes to the visitor by e-mail (issue 13; e2e uses a few). */
  REPLY_MAIL_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Telegram Bot API root (issue 16): Telegram's unless pointed at a compatible server (the emulator). */
  TELEGRAM_API_ROOT: z.string().url().optional(),
  /** WhatsApp Cloud API (Graph API) root (issue 16): graph.facebook.com unless pointed at a compatible server (the emulator). Unset in the embedded-DB demo = the in-process emulator. */
  WHATSAPP_API_ROOT: z.string().url().optional(),
  /** 32 bytes, base64 or hex: seals channel credentials (bot tokens, API keys). Unset = derived from APP_SECRET. */
  CHANNEL_TOKEN_KEY: z.string().min(32).optional(),
  /** Run the loopback Telegram emulator as a labelled demo Telegram. Defaults to on in the embedded-DB demo when TELEGRAM_API_ROOT is unset. */
  TELEGRAM_DEMO: boolish.optional(),
  /** SMS provider (issue 16): SMS.ru's HTTP API (sending only) or Twilio's (clients can answer "1"/"2"). */
  SMS_PROVIDER: z.enum(['smsru', 'twilio']).default('smsru'),
  /** The provider's API root: https://sms.ru or https://api.twilio.com unless pointed at a compatible server (the fake in src/dev). */
  SMS_API_URL: z.string().url().optional(),
  /** SMS.ru's api_id, or Twilio's auth token (it also checks the inbound webhook's signature); SMS is off without it. */
  SMS_API_KEY: z.string().min(1).optional(),
  /** Twilio's Account SID (AC…); required with SMS_PROVIDER=twilio. */
  SMS_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'a Twilio Account SID: AC + 32 hex digits').optional(),
  /** SMS.ru: an approved sender name (≤ 11 characters; the provider's default when unset). Twilio: the number (+15551234567) or a Messaging Service SID (MG…), required. */
  SMS_FROM: z.string().min(1).max(34).optional(),
  /** The optional AI assistant (issue 18): an OpenAI-compatible API root (OpenAI, Ollama, vLLM…). Off unless AI_BASE_URL and AI_MODEL are set. */
  AI_BASE_URL: z.string().url().optional(),
  /** The model the assistant asks, e.g. gpt-4o-mini or llama3.1. */
  AI_MODEL: z.string().min(1).optional(),
  /** The endpoint's API key (a local Ollama takes any). */
  AI_API_KEY: z.string().min(1).optional(),
  /** Tokens the assistant may spend per business per UTC day (0 = no cap). */
  AI_DAILY_TOKENS: z.coerce.number().int().min(0).default(200_000),
  /** The assistant's deadline per turn (ms); after it the deterministic engine answers. */
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  /** Run the job worker (sending mail, reminders) in this process. */
  JOBS: boolish.default(true),
  /** How often the worker looks for due jobs (ms). */
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** End-to-end tests only: POST /dev/jobs/run runs one booking's jobs as of a given time (loopback; ignored when NODE_ENV=production). */
  DEV_JOB_RUNNER: boolish.default(false),
  /** How long a claimed job is reserved before another process may take it over (s). */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3_600).default(120),
  /** Max PostgreSQL connections per process. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Shared rate-limit counters for several processes, e.g. redis://127.0.0.1:6379. None = per-process memory. */
  REDIS_URL: z.string().url().optional(),
  /** Length of a rate-limit window (s). */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /**
   * Public API calls per client IP per window. A visitor picking a slot makes ~20 calls; 300 a
   * minute leaves room for an office or a mobile carrier sharing one address.
   */
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(300),
  /** Public API calls per site (siteKey) per window, across all visitors: caps what one site's page can cost. */
  RATE_LIMIT_PER_SITE: z.coerce.number().int().min(1).default(3_000),
  /** Behind a load balancer: how to find the client's IP (see trustProxySchema). Unset = the socket's address. */
  TRUST_PROXY: trustProxySchema.optional(),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Whether /mailbox is served (issue 12, limits): it shows every message and link, so it is on
 * only for the embedded demo — no SMTP, no DATABASE_URL, not NODE_ENV=production — unless MAILBOX says.
 */
export function mailboxWanted(env: Pick<Env, 'MAILBOX' | 'SMTP_URL' | 'DATABASE_URL' | 'NODE_ENV'>): boolean {
  return env.MAILBOX ?? (!env.SMTP_URL && !env.DATABASE_URL && env.NODE_ENV !== 'production');
}

/** Per-address socket cap: off behind a trusted proxy (every socket is the proxy's). */
export function connectionCap(env: Pick<Env, 'MAX_CONNECTIONS_PER_IP' | 'TRUST_PROXY'>): number {
  return env.MAX_CONNECTIONS_PER_IP ?? (env.TRUST_PROXY === undefined ? 64 : 0);
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set" (e.g. DATABASE_URL= to force the embedded database).
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const smsProblem = smsConfigProblem(parsed.data);
  if (smsProblem) throw new Error(`Invalid environment:\n  ${smsProblem}`);
  return parsed.data;
}

/** What each SMS provider needs besides the key, named by variable; null when fine. */
export function smsConfigProblem(env: Pick<Env, 'SMS_PROVIDER' | 'SMS_API_KEY' | 'SMS_ACCOUNT_SID' | 'SMS_FROM'>): string | null {
  if (!env.SMS_API_KEY) return null;
  if (env.SMS_PROVIDER === 'twilio') {
    if (!env.SMS_ACCOUNT_SID) return 'SMS_ACCOUNT_SID: required with SMS_PROVIDER=twilio';
    if (!env.SMS_FROM || !/^(\+\d{7,15}|MG[0-9a-fA-F]{32})$/.test(env.SMS_FROM)) return 'SMS_FROM: a Twilio number (+15551234567) or Messaging Service SID (MG…) with SMS_PROVIDER=twilio';
  } else if (env.SMS_FROM && env.SMS_FROM.length > 11) return 'SMS_FROM: at most 11 characters (an SMS.ru sender name)';
  return null;
}
