/**
 * The tRPC endpoint's direct path (http/trpc-handler.ts) answers exactly what tRPC's Express
 * adapter answers: the same router and callbacks mounted both ways, every kind of request sent to
 * both, status, headers (names, values, order) and body compared. The calls the widget makes take
 * the direct path — no Fetch `Request` is built for them — and the rest go to the adapter.
 */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/api/router.js';
import type { Context } from '../src/api/trpc.js';
import { retryAfterOf } from '../src/api/errors.js';
import { mergingVary, trpcHandler } from '../src/http/trpc-handler.js';
import { compressJson } from '../src/http/compress-json.js';
import type { RateLimiter } from '../src/http/rate-limit.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'demo-salon-spb';
const MAX_BODY = 2048;

interface Raw {
  status: number;
  headers: string[];
  body: string;
}

function send(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          // Every header but the clock's and the socket's, in the order sent.
          headers: res.rawHeaders.flatMap((v, i, all) => (i % 2 === 0 && !/^(date|connection|keep-alive)$/i.test(v) ? [`${v.toLowerCase()}: ${all[i + 1]}`] : [])),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const q = (path: string, input: unknown) => `${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const json = { 'content-type': 'application/json' };

describe.each(dbKinds)('tRPC direct path on %s', (kind) => {
  let h: Harness;
  let server: Server;
  let base: string;
  const errors: { direct: string[]; adapter: string[] } = { direct: [], adapter: [] };
  let requestsBuilt = 0;
  const OriginalRequest = globalThis.Request;

  beforeAll(async () => {
    h = await createHarness(kind);
    // A site whose key is 'flooded' is over its limit: 429 with Retry-After.
    const limiter: RateLimiter = { check: async (k) => (k.site === 'flooded' ? { ok: false, scope: 'site', retryAfterSeconds: 7 } : { ok: true }) };
    const createContext = (req: express.Request): Context => ({ deps: h.deps, origin: req.headers.origin, ip: req.ip, limiter });
    const app = express();
    // As app.ts's CORS middleware says before tRPC answers: tRPC's own `vary` must not replace it.
    app.use((_req, res, next) => {
      res.vary('Origin');
      next();
    });
    // Both behind compressJson, as in app.ts: the adapter's chunked writes then end as one body too.
    app.use(
      '/direct',
      compressJson(),
      trpcHandler({
        router: appRouter,
        maxBodySize: MAX_BODY,
        maxBatchSize: 3,
        createContext,
        responseHeaders: (e) => {
          const s = retryAfterOf(e);
          return s === undefined ? undefined : { 'retry-after': String(s) };
        },
        onError: ({ error, path }) => errors.direct.push(`${path ?? '?'} ${error.code}`),
      }),
    );
    const adapter = createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY,
      maxBatchSize: 3,
      createContext: ({ req }) => createContext(req),
      responseMeta: ({ errors: e }) => {
        const s = retryAfterOf(e);
        return s === undefined ? {} : { headers: { 'retry-after': String(s) } };
      },
      onError: ({ error, path }) => errors.adapter.push(`${path ?? '?'} ${error.code}`),
    });
    // The adapter as trpcHandler runs it for what it leaves to it: its `vary` merged, not replacing.
    app.use('/adapter', compressJson(), (req, res, next) => adapter(req, mergingVary(res), next));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    globalThis.Request = class extends OriginalRequest {
      constructor(...args: ConstructorParameters<typeof OriginalRequest>) {
        super(...args);
        requestsBuilt++;
      }
    };
  });
  afterAll(async () => {
    globalThis.Request = OriginalRequest;
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
  });

  /** Sends the same request to both mounts; returns the direct answer and how many Fetch Requests it built. */
  async function both(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
    errors.direct.length = 0;
    errors.adapter.length = 0;
    const before = requestsBuilt;
    const direct = await send(`${base}/direct/${path}`, method, headers, body);
    const built = requestsBuilt - before;
    const adapter = await send(`${base}/adapter/${path}`, method, headers, body);
    expect(direct, `${method} ${path}`).toEqual(adapter);
    expect(errors.direct, `${method} ${path}: onError`).toEqual(errors.adapter);
    return { direct, built };
  }

  const find = { siteKey: SALON, serviceId: 'salon-haircut-women', from: '2026-03-03', days: 2 };
  const hold = { siteKey: SALON, serviceId: 'salon-haircut-men', start: '2026-03-03T01:00:00Z' };

  it('answers queries the same way, without building a Fetch Request', async () => {
    const cases: Array<[string, number]> = [
      [q('slots.find', find), 200],
      [q('site.get', { siteKey: SALON, lang: 'en' }), 200],
      [q('site.get', { siteKey: 'missing' }), 404],
      [q('slots.find', { ...find, days: 'two' }), 400],
      [q('site.get', { siteKey: 'flooded' }), 429],
      ['slots.find?input=%7Bnot-json', 400],
      ['slots.find', 400],
      ['slots.find?input=', 400],
    ];
    for (const [path, status] of cases) {
      const { direct, built } = await both('GET', path);
      expect(direct.status, path).toBe(status);
      expect(built, path).toBe(0);
    }
    const limited = await both('GET', q('site.get', { siteKey: 'flooded' }));
    expect(limited.direct.headers).toContain('retry-after: 7');
    const ok = await both('GET', q('slots.find', find), { 'content-type': 'application/json; charset=utf-8' });
    expect(ok.built).toBe(0);
    expect(JSON.parse(ok.direct.body).result.data.slots.length).toBeGreaterThan(0);
  });

  it('answers mutations the same way: field errors, service failures, bad JSON, empty and oversized bodies', async () => {
    const cases: Array<[string | undefined, number]> = [
      [JSON.stringify(hold), 409],
      [JSON.stringify({ ...hold, start: 'soon' }), 400],
      [JSON.stringify({ ...hold, siteKey: 'flooded' }), 429],
      ['{"siteKey":', 400],
      ['', 400],
      [undefined, 400],
      [JSON.stringify({ ...hold, note: 'x'.repeat(MAX_BODY) }), 413],
      [`\uFEFF${JSON.stringify(hold)}`, 409],
    ];
    for (const [body, status] of cases) {
      const { direct, built } = await both('POST', 'booking.hold', json, body);
      expect(direct.status, body?.slice(0, 40)).toBe(status);
      expect(built, body?.slice(0, 40)).toBe(0);
    }
  });

  it('a successful hold answers in the same shape and headers on both paths', async () => {
    const { slots } = await h.caller().slots.find({ siteKey: SALON, serviceId: 'salon-haircut-men', from: '2026-03-03', days: 1 });
    const a = await send(`${base}/direct/booking.hold`, 'POST', json, JSON.stringify({ ...hold, start: slots[0]!.start }));
    const b = await send(`${base}/adapter/booking.hold`, 'POST', json, JSON.stringify({ ...hold, start: slots.at(-1)!.start }));
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const shape = (r: Raw) => ({ headers: r.headers.map((x) => x.replace(/^content-length: \d+$/, 'content-length')), keys: Object.keys(JSON.parse(r.body).result.data as object).sort() });
    expect(shape(a)).toEqual(shape(b));
  });

  it('keeps the Vary that CORS set and adds tRPC\'s and compression\'s, on both paths', async () => {
    const requests: Array<[string, string, Record<string, string>, string | undefined]> = [
      ['GET', q('slots.find', find), {}, undefined],
      ['GET', q('site.get', { siteKey: 'missing' }), {}, undefined],
      ['POST', 'booking.hold', json, JSON.stringify(hold)],
      // The adapter's path: a batch.
      ['GET', `slots.find,site.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: find, 1: { siteKey: SALON } }))}`, {}, undefined],
    ];
    for (const [method, path, headers, body] of requests) {
      const { direct } = await both(method, path, headers, body);
      expect(direct.headers.filter((x) => x.startsWith('vary: ')), `${method} ${path}`).toEqual(['vary: Origin, trpc-accept, accept, Accept-Encoding']);
    }
  });

  it('leaves batches, streams, HEAD, wrong methods, unknown procedures and other content types to the adapter', async () => {
    const passed: Array<[string, string, Record<string, string>, string | undefined]> = [
      ['GET', `slots.find,site.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: find, 1: { siteKey: SALON } }))}`, {}, undefined],
      ['GET', `site.get,site.get,site.get,site.get?batch=1&input=${encodeURIComponent('{}')}`, {}, undefined],
      ['GET', `site.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { siteKey: SALON } }))}`, { 'trpc-accept': 'application/jsonl' }, undefined],
      ['GET', q('site.get', { siteKey: SALON }), { accept: 'application/jsonl' }, undefined],
      ['HEAD', q('site.get', { siteKey: SALON }), {}, undefined],
      ['GET', 'booking.hold', {}, undefined],
      ['POST', 'slots.find', json, JSON.stringify(find)],
      ['GET', 'no.such', {}, undefined],
      ['GET', 'site.%E0%A4%A', {}, undefined],
      ['POST', 'booking.hold', { 'content-type': 'text/plain' }, JSON.stringify(hold)],
      ['POST', 'booking.hold', {}, JSON.stringify(hold)],
    ];
    for (const [method, path, headers, body] of passed) {
      const { built } = await both(method, path, headers, body);
      expect(built, `${method} ${path}`).toBe(1);
    }
  });
});
