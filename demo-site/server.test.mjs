import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { createDemoServer } from './server.mjs';

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
