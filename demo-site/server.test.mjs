import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { createServer } from 'node:http';
import { banner, createDemoServer, waitForService } from './server.mjs';

async function withServer(fn) {
  const server = createDemoServer({ bookingUrl: 'http://localhost:3999/' }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await fn(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.close();
  }
}

test('pages embed the widget with the one script tag from the booking host', () =>
  withServer(async (base) => {
    for (const [path, site, lang] of [['/salon-spb/', 'demo-salon-spb', 'ru'], ['/clinic-yerevan/', 'demo-clinic-yerevan', 'hy'], ['/barber-nyc/', 'demo-barber-nyc', 'en']]) {
      const html = await (await fetch(base + path)).text();
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.ok(html.includes(`<script src="http://localhost:3999/widget.js" data-site="${site}" async></script>`), path);
    }
  }));

test('the CSP fixture allows scripts from the booking host only and no inline styles', () =>
  withServer(async (base) => {
    const csp = (await fetch(`${base}/fixtures/csp.html`)).headers.get('content-security-policy');
    assert.match(csp, /script-src http:\/\/localhost:3999(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
  }));

test('SPA routes get the app shell; paths outside the pages are refused', () =>
  withServer(async (base) => {
    assert.equal((await fetch(`${base}/fixtures/spa/about`)).status, 200);
    assert.equal((await fetch(`${base}/nope.html`)).status, 404);
    assert.equal((await fetch(`${base}/..%2fserver.mjs`)).status, 403);
  }));

test('the URLs wait for the booking service: printed once /healthz answers, not before', async () => {
  // A booking service that is still starting: 503 twice, then healthy.
  let calls = 0;
  const svc = createServer((req, res) => {
    calls += 1;
    res.writeHead(req.url === '/healthz' && calls > 2 ? 200 : 503).end('{}');
  }).listen(0, '127.0.0.1');
  await once(svc, 'listening');
  try {
    const ready = await waitForService(`http://127.0.0.1:${svc.address().port}/`, { intervalMs: 5, timeoutMs: 5_000 });
    assert.equal(ready, true);
    assert.equal(calls, 3);
  } finally {
    svc.close();
  }
  const lines = banner({ port: 8080, bookingUrl: 'http://localhost:3000/', ready: true });
  assert.match(lines[0], /ready/);
  assert.equal(lines.filter((l) => l.includes('http://localhost:8080/')).length, 4);
  assert.ok(lines.some((l) => l.includes('http://localhost:3000/console')));
  assert.ok(lines.some((l) => l.includes('http://localhost:3000/demo/chats')));
});

test('a booking service that never answers: gives up after the timeout and says so', async () => {
  let t = 0;
  const ready = await waitForService('http://127.0.0.1:9/', { timeoutMs: 1_000, intervalMs: 400, now: () => t, sleep: async (ms) => void (t += ms) });
  assert.equal(ready, false);
  assert.match(banner({ port: 8080, bookingUrl: 'http://127.0.0.1:9', ready }).join('\n'), /does not answer yet/);
});
