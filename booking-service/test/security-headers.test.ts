/**
 * Security headers (helmet) on every response, with the widget files loadable cross-origin and
 * the server-rendered pages keeping their own CSP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createHarness, type Harness } from './support/harness.js';

describe('security headers', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  let dist: string;
  beforeAll(async () => {
    h = await createHarness('pglite');
    dist = mkdtempSync(join(tmpdir(), 'fd-widget-'));
    writeFileSync(join(dist, 'widget.js'), 'console.log("loader")');
    mkdirSync(join(dist, 'w'));
    writeFileSync(join(dist, 'w', 'panel-abc123.js'), 'export {}');
    const app = createApp(h.deps, { log: () => {}, widgetDist: dist, mailbox: true });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('API responses carry helmet headers, a CSP that loads nothing, and no X-Powered-By', async () => {
    for (const path of ['/healthz', `/trpc/site.get?input=${encodeURIComponent('{"siteKey":"demo-salon-spb"}')}`, '/nope']) {
      const r = await fetch(`${base}${path}`);
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(r.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(r.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(r.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('the widget loader and its chunks may be loaded by any site (CORP cross-origin)', async () => {
    for (const path of ['/widget.js', '/w/panel-abc123.js']) {
      const r = await fetch(`${base}${path}`, { headers: { origin: 'http://localhost:8080' } });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('content-type'), path).toContain('javascript');
    }
  });

  it('server-rendered pages keep their own CSP (forms post back here)', async () => {
    const manage = await fetch(`${base}/manage?token=forged.token`);
    expect(manage.headers.get('content-security-policy')).toContain("form-action 'self'");
    const mailbox = await fetch(`${base}/mailbox`);
    expect(mailbox.status).toBe(200);
    expect(mailbox.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
  });
});
