/**
 * createApp(deps): the HTTP surface. No listen() here, so tests run it in-process.
 */
import { existsSync } from 'node:fs';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import cors from 'cors';
import { appRouter } from './api/router.js';
import type { Context } from './api/trpc.js';
import { DB_RETRY_AFTER_SECONDS, retryAfterOf } from './api/errors.js';
import { isDatabaseUnavailable } from './adapters/db/errors.js';
import type { RateLimiter } from './http/rate-limit.js';
import { crossOriginResource, securityHeaders } from './http/security-headers.js';
import { sites } from './adapters/db/schema.js';
import { normaliseOrigin, originMatches } from './domain/origin.js';
import type { Deps } from './services/deps.js';
import { bookingIcs } from './services/ics.js';
import { widgetBootRoute } from './http/widget-boot.js';
import { mailboxPages } from './pages/mailbox.js';
import { googleCalendarPages } from './pages/google-calendar.js';
import type { GoogleRuntime } from './services/calendar-sync/deps.js';
import { visitorPages } from './pages/visitor-pages.js';
import { findBookingPages } from './pages/find-booking.js';
import { conversationPages } from './pages/conversation-page.js';
import { followUpPages } from './pages/follow-up-page.js';
import { waitlistPages } from './pages/waitlist-page.js';
import { sendPageFailure } from './pages/unavailable.js';
import { consoleApi, consolePages } from './http/console.js';
import type { ChannelsRuntime } from './services/channels/runtime.js';
import { handleTelegramUpdate } from './services/channels/telegram-inbound.js';
import { handleWhatsAppWebhook, verifyWhatsAppWebhook } from './services/channels/whatsapp-inbound.js';
import { resolveShortLink } from './services/channels/short-links.js';
import { handleSmsInbound } from './services/channels/sms-inbound.js';
import { restApi } from './api/rest/router.js';
import type { RateLimitStore } from './ports/rate-limit.js';
import { consoleStreams, visitorStream, type StreamOptions } from './http/conversation-stream.js';
import { compressJson } from './http/compress-json.js';
import { trpcHandler } from './http/trpc-handler.js';
import { IMMUTABLE, precompressed } from './http/precompressed.js';

export interface AppOptions {
  /** The demo's own pages (src/dev/chats-demo.ts), mounted only when main.ts starts the emulators. */
  demoPages?: express.RequestHandler | undefined;
  /** End-to-end tests only: run one booking's jobs at a given time (dev/job-runner.ts, DEV_JOB_RUNNER). */
  devJobRunner?: express.RequestHandler | undefined;
  /** Folder with the built widget (widget.js + w/ chunks); skipped when missing. */
  widgetDist?: string | undefined;
  /** Largest accepted request body; larger → 413. */
  maxBodyBytes?: number;
  log?: (msg: string, err?: unknown) => void;
  /** Serve /mailbox (the outbox as a readable mailbox): for the demo, when no SMTP is configured. */
  mailbox?: boolean;
  /** Per-IP and per-site limits on the public procedures; main.ts always passes one. */
  rateLimiter?: RateLimiter;
  /** The Google Calendar integration (push webhook, connect flow); the staff .ics feed is served either way. */
  google?: GoogleRuntime | undefined;
  /** Folder with the built staff console (index.html + assets/); /console explains how to build it when missing. */
  consoleDist?: string | undefined;
  /** Limits console sign-in and password-reset attempts (per IP and per e-mail); main.ts always passes one. */
  loginLimiter?: RateLimiter | undefined;
  /** Express `trust proxy` (env TRUST_PROXY): hops or proxy addresses, so req.ip — and per-IP limits — see the client behind a load balancer. */
  trustProxy?: number | string[] | undefined;
  /** Messenger channels (Telegram…): webhooks and the console's connection page; off when absent. */
  channels?: ChannelsRuntime | undefined;
  /** Where each REST API key's requests per minute are counted (main.ts: the limits' store); absent = REST keys unlimited. */
  apiLimitStore?: RateLimitStore | undefined;
  /** Server push (http/conversation-stream.ts): heartbeat interval, the open streams' registry, delivery hook. */
  streams?: Omit<StreamOptions, 'log'> | undefined;
}

/** Origins allowed by any site, refreshed every few seconds (CORS preflights carry no site key). */
function originRegistry(deps: Deps, ttlMs = 5_000) {
  let patterns: string[] = [];
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  const load = async () => {
    const rows = await deps.db.select({ o: sites.allowedOrigins }).from(sites);
    patterns = rows.flatMap((r) => r.o);
    loadedAt = Date.now();
  };
  return async (origin: string): Promise<boolean> => {
    if (normaliseOrigin(origin) === normaliseOrigin(deps.publicUrl)) return true;
    if (Date.now() - loadedAt > ttlMs) {
      loading ??= load().finally(() => (loading = null));
      await loading;
    }
    return originMatches(patterns, origin);
  };
}

/** Calls per batched tRPC request; the widget batches at most a few. More → 400 for the whole batch. */
export const MAX_BATCH_SIZE = 10;

export function createApp(deps: Deps, options: AppOptions = {}) {
  const log = options.log ?? ((msg, err) => console.error(msg, err));
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.set('etag', false);
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  const allowed = originRegistry(deps);
  // Browsers may call the API only from origins some site lists; each procedure then checks
  // the origin against its own site and answers FORBIDDEN for a neighbour's origin.
  const corsHeaders = cors({
    origin: (origin, cb) => {
      if (!origin) return cb(null, false);
      allowed(origin).then(
        (ok) => cb(null, ok ? origin : false),
        () => cb(null, false),
      );
    },
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'trpc-accept', 'x-trpc-source'],
    maxAge: 600,
  });
  // Answers behind CORS depend on the Origin even when cors() adds nothing (no Origin, or a
  // foreign one: no Access-Control-Allow-Origin): `Vary: Origin` on all of them, so a shared cache
  // never hands an answer made for one origin to another.
  const corsMw: RequestHandler = (req, res, next) => {
    res.vary('Origin');
    corsHeaders(req, res, next);
  };

  app.use(
    '/trpc',
    corsMw,
    compressJson(),
    trpcHandler({
      router: appRouter,
      maxBodySize: options.maxBodyBytes ?? 64 * 1024,
      // 50 searches in one 9 KB GET answered 7.7 MB (issue 12, limits): at most 10 calls per request.
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: (req): Context => ({
        deps,
        origin: typeof req.headers.origin === 'string' ? req.headers.origin : undefined,
        ip: req.ip,
        limiter: options.rateLimiter,
      }),
      // Tell refused clients when to come back (RFC 9110 Retry-After, in seconds).
      responseHeaders: (errors) => {
        const retryAfter = retryAfterOf(errors);
        return retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : undefined;
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log(`[trpc] ${path ?? '?'} failed`, error.cause ?? error);
      },
    }),
  );

  // The REST API for integrations: API keys (Bearer), not cookies, so no CORS and no CSRF.
  // JSON answers above 1 KB go brotli/gzip as the client asks (issue 19), like the tRPC APIs.
  app.use('/api/v1', compressJson(), restApi(deps, { limitStore: options.apiLimitStore, log, maxBodyBytes: options.maxBodyBytes }));
  // Live push: the visitor's conversation stream (CORS like the API: the widget runs on the site's origin).
  const streamOptions: StreamOptions = { ...options.streams, log };
  app.use('/conversations', corsMw);
  app.use(visitorStream(deps, streamOptions));
  app.use('/console', consoleStreams(deps, streamOptions));

  // The staff console: same origin only (no CORS), session cookie + CSRF header (http/console.ts).
  app.use('/console/trpc', compressJson(), consoleApi(deps, { loginLimiter: options.loginLimiter, log, google: options.google, channels: options.channels }));
  app.use('/console', consolePages(options.consoleDist));

  // "Add to calendar" from the widget and the e-mails.
  // CORS only for the booking's own site's origins (issue 12, limits): the origin is checked
  // against that site after the token names the booking, not against every site's list.
  app.get('/booking.ics', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    res.vary('Origin');
    const ics = await bookingIcs(deps, token, origin);
    if (!ics.ok) {
      res.status(ics.reason === 'TOKEN_INVALID' || ics.reason === 'TOKEN_EXPIRED' || ics.reason === 'ORIGIN_NOT_ALLOWED' ? 403 : 404).type('text/plain').send(ics.message);
      return;
    }
    if (origin) res.set('Access-Control-Allow-Origin', origin);
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="booking.ics"')
      .set('Cache-Control', 'no-store')
      .send(ics.value);
  });

  // Where the links in the e-mails lead: manage, confirm, rebook (server-rendered, no script).
  app.use(visitorPages(deps, log));
  app.use(findBookingPages(deps, log));
  app.use(conversationPages(deps, log));
  app.use(followUpPages(deps, log));
  app.use(waitlistPages(deps, log));
  if (options.mailbox) app.use(mailboxPages(deps, log));
  app.use(googleCalendarPages(deps, options.google, log));

  // Short links in text messages → the signed manage / rebook link.
  app.get('/l/:code', (req, res) => {
    resolveShortLink(deps.db, String(req.params.code)).then(
      (target) => (target ? res.set('Cache-Control', 'no-store').redirect(302, target) : res.status(404).type('text/plain').send('Not found')),
      // A database outage: the translated 503 page + Retry-After (pages/unavailable.ts).
      (err: unknown) => sendPageFailure(req, res, err, log, '[channels] short link'),
    );
  });

  // Messenger webhooks: one URL per connection. Telegram's is believed only with its secret_token header.
  const channels = options.channels;
  if (channels) {
    app.post('/channels/telegram/:connectionId', express.json({ limit: '1mb' }), (req, res) => {
      const secret = req.get('x-telegram-bot-api-secret-token');
      handleTelegramUpdate(deps, channels, String(req.params.connectionId), secret, req.body).then(
        (a) => res.status(a.status).type('text/plain').send(a.body),
        (err: unknown) => {
          log('[channels] telegram update failed', err);
          // 500: Telegram redelivers it later; the update id was not recorded (the turn rolled back).
          res.status(500).type('text/plain').send('error');
        },
      );
    });
    // WhatsApp's webhook: Meta's verification handshake (GET), then signed POSTs — the signature
    // is over the raw bytes, so the body is read raw and parsed only once it checked out.
    app.get('/channels/whatsapp/:connectionId', (req, res) => {
      verifyWhatsAppWebhook(deps, String(req.params.connectionId), req.query as Record<string, unknown>).then(
        (a) => res.status(a.status).type('text/plain').send(a.body),
        (err: unknown) => {
          log('[channels] whatsapp handshake failed', err);
          res.status(500).type('text/plain').send('error');
        },
      );
    });
    // SMS replies ("1" / "2"): the provider's inbound webhook, believed only with its signature over
    // the URL it was given (PUBLIC_URL + path, as the owner pasted it), so forged or unsigned → 403.
    const smsInbound = channels.smsInbound;
    if (smsInbound) {
      app.post(`/channels/sms/${smsInbound.provider}`, express.urlencoded({ extended: false, limit: '64kb' }), (req, res) => {
        const form = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
        const message = smsInbound.read({ url: `${deps.publicUrl.replace(/\/+$/, '')}${req.originalUrl}`, form, header: (n) => req.get(n) });
        if (message === null) return void res.status(403).type('text/plain').send('forbidden');
        // An empty TwiML answer: the reply (if any) goes out through the provider's API, like every SMS.
        const done = () => res.status(200).type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
        if (message === 'ignored') return void done();
        handleSmsInbound(deps, channels, smsInbound.provider, message).then(done, (err: unknown) => {
          log('[channels] sms inbound failed', err);
          res.status(500).type('text/plain').send('error');
        });
      });
    }
    app.post('/channels/whatsapp/:connectionId', express.raw({ type: () => true, limit: '1mb' }), (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      handleWhatsAppWebhook(deps, channels, String(req.params.connectionId), req.get('x-hub-signature-256'), raw).then(
        (a) => res.status(a.status).type('text/plain').send(a.body),
        (err: unknown) => {
          log('[channels] whatsapp webhook failed', err);
          // 500: Meta redelivers it; messages already played are recorded and skipped then.
          res.status(500).type('text/plain').send('error');
        },
      );
    });
  }

  // The widget loader's first request: colour, side and whether this page's origin may use the site.
  app.get('/widget.json', widgetBootRoute(deps, options.rateLimiter));

  const dist = options.widgetDist;
  if (dist && existsSync(dist)) {
    // The loader keeps its name (pasted in owners' sites): short cache. Chunks are
    // content-hashed: cache for a year. Both go brotli or gzip when the browser takes it (the
    // build precompresses them), identity otherwise.
    const loaderCache = 'public, max-age=300';
    app.get('/widget.js', crossOriginResource, corsMw, precompressed(dist, { cacheControl: () => loaderCache }), (_req, res) => {
      res.set('Cache-Control', loaderCache);
      res.sendFile('widget.js', { root: dist });
    });
    app.use(
      '/w',
      crossOriginResource,
      corsMw,
      precompressed(`${dist}/w`, { cacheControl: () => IMMUTABLE }),
      express.static(`${dist}/w`, {
        immutable: true,
        maxAge: '365d',
        index: false,
        fallthrough: true,
      }),
    );
  }

  // Demo-only pages (the emulated chats), handed in by main.ts when the demo emulators run.
  if (options.demoPages) app.use(options.demoPages);
  if (options.devJobRunner) app.use(options.devJobRunner);

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  // Express's last resort: a generic body, never a stack trace.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // A lost database behind a route outside tRPC (the console's event streams, pages): 503 +
    // Retry-After like the APIs, not 500 — nothing broke, the call can simply be repeated.
    if (isDatabaseUnavailable(err)) {
      res.status(503).set({ 'Retry-After': String(DB_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' }).json({ error: 'Temporarily unavailable; try again shortly' });
      return;
    }
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) log('[http] unhandled error', err);
    res.status(status).json({ error: status === 413 ? 'Request too large' : status < 500 ? 'Bad request' : 'Internal error' });
  });
  return app;
}
