/**
 * Composition root: env → adapters → createApp → listen. Nothing else.
 */
import { resolve } from 'node:path';
import { openDatabase } from './adapters/db/client.js';
import { DataDirLocked } from './adapters/db/dir-lock.js';
import { DEMO_TEMPLATE_DIR, TEMPLATE_DIR } from './adapters/db/pglite-template.js';
import { createApp } from './app.js';
import { connectionCap, mailboxWanted, readEnv } from './env.js';
import { createLimitedServer } from './http/server-limits.js';
import { systemClock } from './ports/clock.js';
import { ensureSecret } from './services/secret.js';
import { createConfigCache } from './services/config-cache.js';
import { hostname } from 'node:os';
import { createOutboxTransport } from './adapters/mail/outbox.js';
import { startJobWorker } from './jobs/worker.js';
import { googleDemoWanted, googleRuntimeFromEnv } from './google-runtime.js';
import { ensureCalendarTick } from './services/calendar-sync/enqueue.js';
import { createRateLimiter } from './http/rate-limit.js';
import { loginRules } from './http/login-limits.js';
import { memoryStore } from './http/memory-store.js';
import { buildChannelsRuntime } from './channels-runtime.js';
import { channelOutbound } from './services/channels/deliver.js';
import type { ChannelOutbound } from './ports/channel-outbound.js';
import type { Deps } from './services/deps.js';
import { createMemoryBus } from './adapters/bus/memory.js';
import { lazyAssistantModels } from './lazy-adapters.js';

const env = readEnv();
const demoSeeded = env.SEED_DEMO ?? !env.DATABASE_URL;
const database = await openDatabase(
  env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE }
    : { kind: 'pglite', dataDir: resolve(env.DATA_DIR), template: demoSeeded ? DEMO_TEMPLATE_DIR : TEMPLATE_DIR },
).catch((err: unknown) => {
  // A second process on the embedded database folder: say so plainly and stop (no stack).
  if (err instanceof DataDirLocked) {
    console.error(`Frontdesk booking service cannot start: ${err.message}`);
    process.exit(1);
  }
  throw err;
});
// Demo-only code (the demo data, the Google emulator) is imported only when the demo is on, so a
// production process never loads it; so are the clients of what is configured (SMTP, Redis,
// PostgreSQL's bus), and Telegram's and the assistant's on first use (lazy-adapters.ts): a
// process loads no library it does not use (main.test.ts checks the static import graph).
const demo = demoSeeded ? await import('./seed/demo.js') : undefined;
// Seeded only when the database does not hold this code's demo already: a new folder copied from the
// demo template, and a second start, write nothing (seed/ensure-demo.ts).
if (demo) await (await import('./seed/ensure-demo.js')).ensureDemo(database.db);

const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
// Conversation push across processes: LISTEN/NOTIFY on PostgreSQL; the embedded database serves one process.
const bus = database.pool && env.DATABASE_URL
  ? await import('./adapters/bus/notify.js').then(({ createNotifyBus, pgTransport }) => createNotifyBus(pgTransport({ url: env.DATABASE_URL!, pool: database.pool!, log: (m, e) => console.error(m, e ?? '') })))
  : createMemoryBus();
const openStreams = new Set<() => void>();
const deps = {
  db: database.db,
  clock: systemClock,
  secret: env.APP_SECRET ?? (await ensureSecret(database.db)),
  publicUrl,
  // Site/business/service/staff config is reused for up to 5 s (services/config-cache.ts); bookings never are.
  configCache: createConfigCache(),
  // The demo's receivers are on this machine; a real deployment keeps the SSRF guard on.
  webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE ?? demoSeeded,
  replyMailDelayMs: env.REPLY_MAIL_DELAY_SECONDS * 1000,
  // Set below, once the channels' runtime exists (it needs the secret).
  outbound: undefined as ChannelOutbound | undefined,
  assistantRuntime: undefined as Deps['assistantRuntime'],
  assistant: env.AI_BASE_URL && env.AI_MODEL
    ? { model: lazyAssistantModels.model({ baseURL: env.AI_BASE_URL, model: env.AI_MODEL, apiKey: env.AI_API_KEY ?? 'none' }), timeoutMs: env.AI_TIMEOUT_MS, dailyTokens: env.AI_DAILY_TOKENS }
    : undefined,
  bus,
};
const leaseMs = env.JOB_LEASE_SECONDS * 1000;
// Messengers (issue 16): Telegram's Bot API, or in the demo a loopback emulator standing in for it.
const telegramDemo = (env.TELEGRAM_DEMO ?? (database.kind === 'pglite' && !env.TELEGRAM_API_ROOT))
  ? await (await import('./dev/telegram-emulator.js')).startTelegramEmulator({ autoBots: true })
  : undefined;
// WhatsApp: Meta's Graph API, or in the demo a loopback emulator (any phone number id and token connect).
const whatsappDemo = database.kind === 'pglite' && !env.WHATSAPP_API_ROOT
  ? await (await import('./dev/whatsapp-emulator.js')).startWhatsAppEmulator({ autoNumbers: true })
  : undefined;
// SMS: the configured provider, or in the demo a loopback fake (its page lists what was "sent").
// The demo speaks Twilio's API to it, so a client's "1" / "2" comes back through the signed inbound webhook.
const smsDemo = !env.SMS_API_KEY && telegramDemo ? await (await import('./dev/sms-emulator.js')).startSmsEmulator() : undefined;
smsDemo?.setInboundUrl(`${publicUrl.replace(/\/+$/, '')}/channels/sms/twilio`);
const channels = buildChannelsRuntime({
  sms: smsDemo
    ? { provider: 'twilio', apiUrl: smsDemo.apiUrl, accountSid: smsDemo.twilio.accountSid, authToken: smsDemo.twilio.authToken, from: smsDemo.twilio.number }
    : !env.SMS_API_KEY
      ? undefined
      : env.SMS_PROVIDER === 'twilio'
        ? { provider: 'twilio', apiUrl: env.SMS_API_URL ?? 'https://api.twilio.com', accountSid: env.SMS_ACCOUNT_SID!, authToken: env.SMS_API_KEY, from: env.SMS_FROM! }
        : { apiUrl: env.SMS_API_URL ?? 'https://sms.ru', apiKey: env.SMS_API_KEY, from: env.SMS_FROM },
  telegramApiRoot: telegramDemo?.apiRoot ?? env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
  whatsappApiRoot: whatsappDemo?.apiRoot ?? env.WHATSAPP_API_ROOT,
  whatsappDashboard: whatsappDemo ? (s) => whatsappDemo.subscribe(s.phoneNumberId, s.callbackUrl, s.verifyToken, s.appSecret) : undefined,
  tokenKey: env.CHANNEL_TOKEN_KEY,
  appSecret: deps.secret,
  publicUrl,
  demo: !!telegramDemo,
  log: (m, e) => console.error(m, e ?? ''),
});
deps.outbound = channelOutbound(deps, channels);
// The owners' own assistant endpoints (console settings): their keys sealed with the channels' cipher.
deps.assistantRuntime = { cipher: channels.cipher, models: lazyAssistantModels, timeoutMs: env.AI_TIMEOUT_MS };
// An SMTP exchange must end well inside the lease, or another process could send it again.
const transport = env.SMTP_URL ? (await import('./adapters/mail/smtp.js')).createSmtpTransport(env.SMTP_URL, { timeoutMs: Math.min(20_000, leaseMs / 3) }) : createOutboxTransport(systemClock);
// The demo (no Google client, embedded DB): the in-process emulator stands in for Google.
const googleDemo = googleDemoWanted(env, database.kind)
  ? await (await import('./dev/google-demo.js')).startGoogleDemo({ db: database.db, secret: deps.secret, publicUrl, leaseMs, port: env.GOOGLE_DEMO_PORT, channelTtlSec: env.GOOGLE_CHANNEL_TTL_SECONDS, now: () => systemClock.now() })
  : undefined;
const google = googleDemo?.runtime ?? googleRuntimeFromEnv(env, database.db, publicUrl, leaseMs);
if (google) await ensureCalendarTick(database.db, systemClock.now());
const jobDeps = { ...deps, transport, mailFrom: env.MAIL_FROM, workerId: `${hostname()}:${process.pid}`, leaseMs, log: (m: string, e?: unknown) => console.error(m, e ?? ''), google, channels };
const worker = env.JOBS ? startJobWorker(jobDeps, { pollMs: env.JOBS_POLL_MS }) : undefined;
// End-to-end tests only (e2e/playwright.config.ts): never in production.
const devJobRunner = env.DEV_JOB_RUNNER && env.NODE_ENV !== 'production' ? (await import('./dev/job-runner.js')).devJobRunner({ ...jobDeps, workerId: `${jobDeps.workerId}:dev` }) : undefined;
const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
const limitStore = env.REDIS_URL ? (await import('./http/redis-store.js')).redisStore(env.REDIS_URL) : memoryStore();
const rateLimiter = createRateLimiter({
  store: limitStore,
  rules: [
    { scope: 'ip', limit: env.RATE_LIMIT_PER_IP, windowMs },
    { scope: 'site', limit: env.RATE_LIMIT_PER_SITE, windowMs },
  ],
  now: () => systemClock.now().getTime(),
  onStoreError: (e) => console.error('[rate-limit] store unavailable, not limiting', e),
});
// Sign-in attempts: its own scopes in the same store, so they never share counters with the public API.
const loginLimiter = createRateLimiter({
  store: limitStore,
  // Sliding: the limit holds over any LOGIN_WINDOW_SECONDS, not per clock window (issue 12, defect 6).
  rules: loginRules({ perEmail: env.LOGIN_LIMIT_PER_EMAIL, perIp: env.LOGIN_LIMIT_PER_IP, windowMs: env.LOGIN_WINDOW_SECONDS * 1000 }),
  now: () => systemClock.now().getTime(),
  onStoreError: (e) => console.error('[rate-limit] store unavailable, not limiting sign-in', e),
});
// The demo's chats page (the emulated Telegram, WhatsApp and SMS as a client sees them).
const chatsDemo = telegramDemo || whatsappDemo || smsDemo
  ? (await import('./dev/chats-demo.js')).chatsDemoPages({ deps, channels, telegram: telegramDemo, whatsapp: whatsappDemo, sms: smsDemo })
  : undefined;
const mailbox = mailboxWanted(env);
const app = createApp(deps, {
  widgetDist: env.WIDGET_DIST,
  consoleDist: env.CONSOLE_DIST,
  mailbox,
  rateLimiter,
  loginLimiter,
  google,
  trustProxy: env.TRUST_PROXY,
  channels,
  apiLimitStore: limitStore,
  streams: { open: openStreams },
  demoPages: chatsDemo,
  devJobRunner,
});
const server = createLimitedServer(app, {
  headersTimeoutMs: env.HEADERS_TIMEOUT_SECONDS * 1000,
  requestTimeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
  maxConnectionsPerIp: connectionCap(env),
});
server.listen(env.PORT, () => {
  const where = database.kind === 'pglite' ? `embedded database in ${resolve(env.DATA_DIR)}` : 'PostgreSQL';
  console.log(`Frontdesk booking service: ${publicUrl} (${where}, pid ${process.pid})`);
  if (database.kind === 'pglite') console.log('Embedded database: one process only (locked); use PostgreSQL (DATABASE_URL) for more than one process.');
  console.log(`Staff console: ${publicUrl}/console`);
  if (demo) {
    console.log(`  demo sign-ins (password ${demo.DEMO_PASSWORD}), one owner per business:`);
    for (const s of demo.demoSignIns()) console.log(`    ${s.email}  ${s.name}, ${s.business}  (staff: e.g. ${s.staffExample})`);
  }
  console.log(env.SMTP_URL ? `Mail: SMTP ${new URL(env.SMTP_URL).host}` : `Mail: outbox${mailbox ? `, readable at ${publicUrl}/mailbox` : ' (MAILBOX=true to read it at /mailbox)'}`);
  if (mailbox) console.log(`!!! ${publicUrl}/mailbox is ON: anyone can read every outgoing message and its manage links. Demo only — set MAILBOX=false (or SMTP_URL) before real visitors come.`);
  if (chatsDemo) console.log(`Demo chats (try the bot as a client in Telegram, WhatsApp and SMS): ${publicUrl}/demo/chats`);
  if (smsDemo) console.log(`SMS: demo provider (not Twilio or SMS.ru), messages at ${smsDemo.apiUrl}/`);
  if (whatsappDemo) console.log(`WhatsApp: demo (emulator, not Meta) at ${whatsappDemo.apiRoot}; connect any phone number id (digits), token and app secret (hex) in the console's Messengers page`);
  if (telegramDemo) console.log(`Telegram: demo (emulator, not Telegram) at ${telegramDemo.apiRoot}; connect any token like 123456:${'A'.repeat(35)} in the console's Messengers page`);
  console.log(googleDemo ? `Google Calendar: demo calendar (emulator, not Google) at ${googleDemo.emulator.url}` : `Google Calendar: ${google ? 'on' : 'off (no GOOGLE_CLIENT_ID)'}`);
});

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close(() => {
    void Promise.resolve(worker?.stop())
      .then(() => bus.close())
      .then(() => transport.close?.())
      .then(() => limitStore.close?.())
      .then(() => googleDemo?.close())
      .then(() => telegramDemo?.close())
      .then(() => whatsappDemo?.close())
      .then(() => smsDemo?.close())
      .finally(() => database.close().finally(() => process.exit(0)));
  });
  // Open event streams would hold close() open: end them (their EventSources reconnect elsewhere).
  for (const end of [...openStreams]) end();
  // Keep-alive connections may hold close() open; don't wait forever.
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
