/**
 * The only reader of process.env. Everything else receives a typed, validated `Env`.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
  /** Outgoing mail server, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@host:465. None = the outbox (see /mailbox). */
  SMTP_URL: z.string().url().optional(),
  /** Sender of every message, `Name <address>`. */
  MAIL_FROM: z.string().min(3).refine((v) => !/[\r\n]/.test(v), 'one line').default('Frontdesk <bookings@frontdesk.localhost>'),
  /** Serve /mailbox. Defaults to on when SMTP_URL is not set (the demo), off otherwise. */
  MAILBOX: boolish.optional(),
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
  /** Requested lifetime of push channels (s); renewed a day before expiry. Google caps it (~7 days for events). */
  GOOGLE_CHANNEL_TTL_SECONDS: z.coerce.number().int().min(3_600).max(2_592_000).default(604_800),
  /** Run the job worker (sending mail, reminders) in this process. */
  JOBS: boolish.default(true),
  /** How often the worker looks for due jobs (ms). */
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
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
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means "not set" (e.g. DATABASE_URL= to force the embedded database).
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
