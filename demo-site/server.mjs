#!/usr/bin/env node
/**
 * The demo businesses' websites: a zero-dependency static server on its own origin
 * (DEMO_PORT, default 8080), so the widget talks to the booking service (BOOKING_URL)
 * across origins, with real CORS, as on a customer's site. `{{BOOKING_URL}}` in a page
 * becomes the booking host; pages under /fixtures/ are e2e test beds (hostile CSS,
 * strict CSP, SPA, two widgets, inline, queued API calls).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), 'pages');
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };

export const PAGES = [
  ['Салон красоты «Лаванда», Санкт-Петербург (ru)', '/salon-spb/'],
  ['«Ժպիտ» ստոմատոլոգիական կլինիկա, Երևան (hy)', '/clinic-yerevan/'],
  ['Bedford Blade Barbershop, New York (en)', '/barber-nyc/'],
];

/**
 * Response headers per page. The strict-CSP fixture allows scripts and connections to
 * the booking host only, and no inline styles anywhere.
 */
function headers(path, bookingOrigin) {
  const h = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (path.startsWith('/fixtures/csp')) {
    h['content-security-policy'] = [
      "default-src 'none'",
      `script-src ${bookingOrigin}`,
      `connect-src ${bookingOrigin}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
  }
  return h;
}

/** @example createDemoServer({ bookingUrl: 'http://localhost:3000' }).listen(8080) */
export function createDemoServer({ bookingUrl }) {
  const booking = bookingUrl.replace(/\/+$/, '');
  const bookingOrigin = new URL(booking).origin;
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.local');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(file.startsWith(ROOT) ? 405 : 403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replaceAll('{{BOOKING_URL}}', booking));
      res.writeHead(200, { 'content-type': type, ...headers(path, bookingOrigin) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      // The SPA fixture answers its client-side routes with its own shell.
      if (path.startsWith('/fixtures/spa/')) {
        const shell = await readFile(join(ROOT, 'fixtures/spa.html'), 'utf8');
        res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        res.end(shell.replaceAll('{{BOOKING_URL}}', booking));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
}

/**
 * Resolves once the booking service answers `/healthz` (true), or false after `timeoutMs`.
 * `npm start` runs both servers at once and the service needs seconds (database, seed) before it
 * answers: URLs printed before then lead to a page whose widget cannot load.
 */
export async function waitForService(bookingUrl, { timeoutMs = 180_000, intervalMs = 250, now = Date.now, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = {}) {
  const deadline = now() + timeoutMs;
  const health = `${bookingUrl.replace(/\/+$/, '')}/healthz`;
  for (;;) {
    try {
      const res = await fetch(health, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    if (now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

/** The lines `npm start` ends with: where to click. */
export function banner({ port, bookingUrl, ready }) {
  const booking = bookingUrl.replace(/\/+$/, '');
  return [
    ready ? `Frontdesk is ready (booking service: ${booking})` : `Frontdesk demo sites — the booking service at ${booking} does not answer yet; the widget will load once it does`,
    ...PAGES.map(([name, path]) => `  ${name}: http://localhost:${port}${path}`),
    `  e2e fixtures: http://localhost:${port}/fixtures/`,
    `  staff console: ${booking}/console (demo sign-ins: see the booking service's lines above)`,
    `  demo chats (try the bot as a client in Telegram, WhatsApp, SMS; embedded demo only): ${booking}/demo/chats`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.DEMO_PORT ?? 8080);
  const bookingUrl = process.env.BOOKING_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  createDemoServer({ bookingUrl }).listen(port, async () => {
    const ready = await waitForService(bookingUrl);
    for (const line of banner({ port, bookingUrl, ready })) console.log(line);
  });
}
