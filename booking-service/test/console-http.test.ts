/**
 * The console's HTTP surface: the built app served at /console (index never cached, hashed
 * assets immutable, a CSP allowing only same-origin scripts), a helpful page when it is not
 * built, the widget preview page, no CORS on the API, and the Secure cookie flag on https.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../src/app.js';
import type { Deps } from '../src/services/deps.js';
import { consoleSession, ownerOf } from './support/console.js';
import { createHarness, type Harness } from './support/harness.js';

/** Console HTTP concerns do not depend on the database: PGlite only. */
describe('console over HTTP', () => {
  let h: Harness;
  const servers: Server[] = [];
  let dist: string;

  async function serve(deps: Deps, options: Omit<AppOptions, 'log'>): Promise<string> {
    const app = createApp(deps, { log: () => {}, ...options });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    h = await createHarness('pglite');
    dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Frontdesk console</title><script type="module" src="/console/assets/index-abc123.js"></script>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await h?.close();
  });

  it('serves the built console: index never cached, hashed assets immutable, scripts from self only', async () => {
    const url = await serve(h.deps, { consoleDist: dist });
    for (const path of ['/console', '/console/']) {
      const page = await fetch(`${url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text()).toContain('Frontdesk console');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
    }
    const asset = await fetch(`${url}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect((await fetch(`${url}/console/assets/missing.js`)).status).toBe(404);
  });

  it('says how to build the console when it is not built', async () => {
    const url = await serve(h.deps, { consoleDist: join(dist, 'nowhere') });
    const page = await fetch(`${url}/console`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await page.text()).toContain('npm run build');
  });

  it('serves a widget preview page for a site key, framable by the console only', async () => {
    const url = await serve(h.deps, {});
    const page = await fetch(`${url}/console/preview?site=demo-salon-spb&color=%23ff0000&position=left&lang=hy`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/widget.js" data-site="demo-salon-spb" data-color="#ff0000" data-position="left" data-lang="hy" async></script>');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect((await fetch(`${url}/console/preview?site=%22%3E%3Cscript%3E`)).status).toBe(400);
    // Overrides that are not what they claim are dropped, not echoed.
    expect(await (await fetch(`${url}/console/preview?site=demo-salon-spb&color=red"onload="x`)).text()).not.toContain('onload');
  });

  it('answers no CORS headers on the console API: other origins cannot read it', async () => {
    const url = await serve(h.deps, {});
    const res = await fetch(`${url}/console/trpc/auth.me`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    // A cross-site HTML form can post text/plain or urlencoded without a preflight: refused.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const form = await fetch(`${url}/console/trpc/auth.login`, { method: 'POST', headers: { 'content-type': type }, body: '{"email":"owner@demo-salon-spb.demo","password":"frontdesk-demo"}' });
      expect(form.status).toBe(415);
      expect(form.headers.get('set-cookie')).toBeNull();
    }
    const preflight = await fetch(`${url}/console/trpc/auth.login`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks the session cookie Secure when the service is public over https', async () => {
    const url = await serve({ ...h.deps, publicUrl: 'https://frontdesk.example' }, {});
    const s = consoleSession(url);
    await s.client.auth.login.mutate({ email: ownerOf('demo-salon-spb'), password: 'frontdesk-demo' });
    const cookie = s.lastSetCookie.find((c) => c.startsWith('fd_session='))!;
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });
});
