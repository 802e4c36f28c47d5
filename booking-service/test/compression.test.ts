/**
 * Bytes on the wire: the build's precompressed widget and console files are served by content
 * negotiation (brotli, gzip, or the file as is) with `Vary: Accept-Encoding` and their cache
 * headers; JSON answers above the threshold are compressed, small ones are not. Raw HTTP (no
 * client that decompresses for us), so the test sees the bytes a browser receives.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { JSON_COMPRESS_THRESHOLD } from '../src/http/compress-json.js';
import { createHarness, type Harness } from './support/harness.js';

const precompressScript = fileURLToPath(new URL('../../scripts/precompress.mjs', import.meta.url));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

// Big enough to be worth compressing, repetitive enough to shrink.
const loader = `(function(){${'console.log("frontdesk loader");'.repeat(200)}})();`;
const panel = `export const words = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `slot ${i}`))};`;
const tiny = 'export {}';

describe('compressed bytes on the wire', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    h = await createHarness('pglite');
    dir = mkdtempSync(join(tmpdir(), 'fd-compress-'));
    const widget = join(dir, 'widget');
    mkdirSync(join(widget, 'w'), { recursive: true });
    writeFileSync(join(widget, 'widget.js'), loader);
    writeFileSync(join(widget, 'w', 'panel-abc123.js'), panel);
    writeFileSync(join(widget, 'w', 'tiny-abc123.js'), tiny);
    const console = join(dir, 'console');
    mkdirSync(join(console, 'assets'), { recursive: true });
    writeFileSync(join(console, 'index.html'), '<!doctype html><title>Console</title><script type="module" src="/console/assets/index-abc.js"></script>');
    writeFileSync(join(console, 'assets', 'index-abc.js'), loader);
    // What the widget's and the console's builds run last.
    execFileSync(process.execPath, [precompressScript, widget, console]);
    const app = createApp(h.deps, { log: () => {}, widgetDist: widget, consoleDist: console });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the build writes a brotli and a gzip variant beside each file worth compressing, none for tiny ones', () => {
    expect(readdirSync(join(dir, 'widget', 'w')).sort()).toEqual(['panel-abc123.js', 'panel-abc123.js.br', 'panel-abc123.js.gz', 'tiny-abc123.js']);
  });

  it('serves the widget loader as brotli, gzip or as is, by Accept-Encoding, with Vary and its short cache', async () => {
    const cases: Array<[string | undefined, string | undefined]> = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, coding] of cases) {
      const r = await get(`${base}/widget.js`, accept ? { 'accept-encoding': accept } : {});
      expect(r.status, accept).toBe(200);
      expect(r.headers['content-encoding'], accept).toBe(coding);
      expect(r.headers.vary, accept).toContain('Accept-Encoding');
      expect(r.headers['cache-control'], accept).toBe('public, max-age=300');
      expect(r.headers['content-type'], accept).toContain('javascript');
      expect(r.headers['cross-origin-resource-policy'], accept).toBe('cross-origin');
      expect(decoded(r).toString(), accept).toBe(loader);
      if (coding) expect(r.body.length, accept).toBeLessThan(loader.length / 5);
      expect(Number(r.headers['content-length']), accept).toBe(r.body.length);
    }
  });

  it('serves content-hashed chunks compressed and immutable; a file with no variant goes as is', async () => {
    const r = await get(`${base}/w/panel-abc123.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.vary).toContain('Accept-Encoding');
    expect(decoded(r).toString()).toBe(panel);

    const small = await get(`${base}/w/tiny-abc123.js`, { 'accept-encoding': 'br' });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(small.headers.vary).toContain('Accept-Encoding');
    expect(small.body.toString()).toBe(tiny);

    const head = await get(`${base}/w/panel-abc123.js`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);
  });

  it('never serves a variant from outside the folder, nor a variant asked for by name as a file of another type', async () => {
    const escape = await get(`${base}/w/..%2fwidget.js`, { 'accept-encoding': 'br' });
    expect(escape.status).toBe(404);
    const missing = await get(`${base}/w/nothing-here.js`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });

  it("serves the console's assets compressed too", async () => {
    const r = await get(`${base}/console/assets/index-abc.js`, { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(r).toString()).toBe(loader);
  });

  it('compresses JSON answers above the threshold and leaves small ones alone', async () => {
    const from = '2026-03-03';
    const big = await get(`${base}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-women', from }))}`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(big.status).toBe(200);
    const json = decoded(big);
    expect(json.length).toBeGreaterThan(JSON_COMPRESS_THRESHOLD);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers.vary).toContain('Accept-Encoding');
    expect(big.body.length).toBeLessThan(json.length / 2);
    // Compressed in one piece (not streamed chunked): the length is known up front.
    expect(Number(big.headers['content-length'])).toBe(big.body.length);
    expect((JSON.parse(json.toString()) as { result: { data: { slots: unknown[] } } }).result.data.slots.length).toBeGreaterThan(0);

    const gz = await get(`${base}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-women', from }))}`, {
      'accept-encoding': 'gzip',
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).toString()).toBe(json.toString());

    const small = await get(`${base}/healthz`, { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const smallApi = await get(`${base}/trpc/site.get?input=${encodeURIComponent('{"siteKey":"no-such-site"}')}`, { 'accept-encoding': 'br' });
    expect(smallApi.body.length).toBeLessThan(JSON_COMPRESS_THRESHOLD);
    expect(smallApi.headers['content-encoding']).toBeUndefined();
  });
});
