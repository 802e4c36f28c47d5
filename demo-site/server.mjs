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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.DEMO_PORT ?? 8080);
  const bookingUrl = process.env.BOOKING_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  createDemoServer({ bookingUrl }).listen(port, () => {
    console.log(`Frontdesk demo sites (booking service: ${bookingUrl})`);
    for (const [name, path] of PAGES) console.log(`  ${name}: http://localhost:${port}${path}`);
    console.log(`  e2e fixtures: http://localhost:${port}/fixtures/`);
  });
}
