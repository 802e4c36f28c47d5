/**
 * The staff console over HTTP: its tRPC API (/console/trpc) and its built single-page app
 * (/console). Same origin only: no CORS headers, so browsers refuse other origins' reads, and
 * the SameSite=Strict session cookie is never sent on cross-site requests.
 */
import { escapeHtml } from '@frontdesk/shared';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { TRPCError } from '@trpc/server';
import { consoleRouter } from '../api/console/router.js';
import type { ConsoleContext, CookieJar } from '../api/console/trpc.js';
import { DatabaseUnavailable, retryAfterOf } from '../api/errors.js';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';
import type { Deps } from '../services/deps.js';
import { loadSession, SESSION_COOKIE } from '../services/console/sessions.js';
import type { RateLimiter } from './rate-limit.js';
import { IMMUTABLE, precompressed } from './precompressed.js';
import type { GoogleRuntime } from '../services/calendar-sync/deps.js';
import type { ChannelsRuntime } from '../services/channels/runtime.js';

/** Reads one cookie from a Cookie header (RFC 6265 syntax: `a=1; b=2`). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The session cookie's attributes: script cannot read it, other sites never send it, only /console gets it. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/console',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function consoleApi(
  deps: Deps,
  options: { loginLimiter?: RateLimiter | undefined; log: (msg: string, err?: unknown) => void; maxBodyBytes?: number; google?: GoogleRuntime | undefined; channels?: ChannelsRuntime | undefined },
): RequestHandler {
  const secure = deps.publicUrl.startsWith('https:');
  const api = createExpressMiddleware({
    router: consoleRouter,
    // Quote trees are the largest inputs; 256 KB leaves room for many.
    maxBodySize: options.maxBodyBytes ?? 256 * 1024,
    // Lets the console send large queries (quoteTrees.preview carries a whole tree) as POST.
    allowMethodOverride: true,
    createContext: async ({ req, res }): Promise<ConsoleContext> => {
      const cookies: CookieJar = {
        setSession(token, expiresAt) {
          const maxAge = (expiresAt.getTime() - deps.clock.now().getTime()) / 1000;
          res.append('Set-Cookie', sessionCookie(token, maxAge, secure));
        },
        clearSession() {
          res.append('Set-Cookie', sessionCookie('', 0, secure));
        },
      };
      const csrf = req.headers['x-csrf-token'];
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      const session = await loadSession(deps, token).catch((err: unknown) => {
        // The session read is the first query of every console call: a lost database must
        // answer 503 + Retry-After here too, like inside the procedures (api/errors.ts).
        if (isDatabaseUnavailable(err)) {
          throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Temporarily unavailable; try again shortly', cause: new DatabaseUnavailable(err) });
        }
        throw err;
      });
      // The session slid forward: so does the cookie, or the browser would drop it at the old expiry.
      if (session?.renewedUntil && token) cookies.setSession(token, session.renewedUntil);
      return {
        deps,
        ip: req.ip,
        session,
        csrfHeader: typeof csrf === 'string' ? csrf : undefined,
        cookies,
        limiter: options.loginLimiter,
        google: options.google,
        channels: options.channels,
      };
    },
    responseMeta: ({ errors }) => {
      const retryAfter = retryAfterOf(errors);
      // Answers carry personal data and session state: never cached.
      return { headers: { 'cache-control': 'no-store', ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}) } };
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') options.log(`[console] ${path ?? '?'} failed`, error.cause ?? error);
    },
  });
  // Only JSON POSTs: a cross-site HTML form (text/plain, urlencoded) cannot send JSON without a
  // CORS preflight, which this API never grants — so no forged sign-in or call by form.
  return (req, res, next) => {
    if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      res.status(415).json({ error: 'Send JSON (content-type: application/json)' });
      return;
    }
    api(req, res, next);
  };
}

/**
 * The console page allows scripts, styles, fonts and images from this origin only, and API
 * calls to it; nothing inline runs. Frames: the widget preview (same origin) only.
 */
const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "frame-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const PREVIEW_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/**
 * The live widget preview the console frames (sites.list previewUrl): an empty page embedding
 * the real widget for a site key, optionally with unsaved colour/position/lang overrides
 * (the widget's own data-* attributes). Same origin, so the site's origin list does not apply.
 */
const widgetPreview: RequestHandler = (req, res) => {
  const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k]) : undefined);
  const site = q('site') ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(site)) {
    res.status(400).type('text/plain').send('site: a site key');
    return;
  }
  const extra = [
    /^#[0-9a-f]{6}$/i.test(q('color') ?? '') ? ` data-color="${escapeHtml(q('color')!)}"` : '',
    q('position') === 'left' || q('position') === 'right' ? ` data-position="${q('position')}"` : '',
    ['ru', 'hy', 'en'].includes(q('lang') ?? '') ? ` data-lang="${q('lang')}"` : '',
  ].join('');
  res
    .set('Content-Security-Policy', PREVIEW_CSP)
    .set('Cache-Control', 'no-store')
    .set('X-Frame-Options', 'SAMEORIGIN')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${escapeHtml(q('lang') ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Widget preview</title></head>` +
        `<body><script src="/widget.js" data-site="${escapeHtml(site)}"${extra} async></script></body></html>`,
    );
};

/** Serves the built console (index.html never cached; content-hashed assets for a year). */
export function consolePages(dist: string | undefined): Router {
  const r = express.Router();
  r.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
    next();
  });
  r.get('/preview', widgetPreview);
  if (!dist || !existsSync(join(dist, 'index.html'))) {
    r.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .set('Cache-Control', 'no-store')
        .send('The staff console is not built. Run `npm run build` (or `npm run build -w @frontdesk/console`) and reload.\n');
    });
    return r;
  }
  r.use('/assets', precompressed(join(dist, 'assets'), { cacheControl: () => IMMUTABLE }), express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
  r.use(express.static(dist, { index: false, fallthrough: true, setHeaders: (res, path) => res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-store' : 'no-cache') }));
  // The app routes with the hash (#/calendar), so only /console itself needs the page.
  r.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-store').sendFile('index.html', { root: dist });
  });
  return r;
}
