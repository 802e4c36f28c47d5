/**
 * The replayed helmet headers are helmet's own: same names, values and order on the wire, and the
 * same removal of a header set earlier (X-Powered-By), for a JSON answer and an error.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, helmetSteps, securityHeaders } from './security-headers.js';

async function serve(headers: RequestHandler): Promise<{ base: string; server: Server }> {
  const app = express();
  app.use((_req, res, next) => {
    res.setHeader('X-Powered-By', 'something');
    next();
  });
  app.use(headers);
  app.get('/json', (_req, res) => void res.json({ ok: true }));
  app.get('/own-csp', (_req, res) => void res.setHeader('Content-Security-Policy', "default-src 'self'").send('<p>page</p>'));
  const server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Every header as sent, in order, without the ones that change per request. */
async function rawHeaders(url: string): Promise<string[][]> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      const pairs: string[][] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
      resolve(pairs.filter(([n]) => !['date', 'connection', 'keep-alive'].includes(n!.toLowerCase())));
    })
      .on('error', reject)
      .end();
  });
}

describe('securityHeaders', () => {
  let replayed: { base: string; server: Server };
  let original: { base: string; server: Server };
  beforeAll(async () => {
    replayed = await serve(securityHeaders());
    original = await serve(helmet(HELMET_OPTIONS) as RequestHandler);
  });
  afterAll(() => {
    replayed?.server.close();
    original?.server.close();
  });

  it('sends exactly what helmet sends, in the same order', async () => {
    for (const path of ['/json', '/own-csp', '/missing']) {
      const want = await rawHeaders(`${original.base}${path}`);
      expect(want.length, path).toBeGreaterThan(10);
      expect(await rawHeaders(`${replayed.base}${path}`), path).toEqual(want);
    }
  });

  it('records helmet removing X-Powered-By and leaves HSTS to the proxy', () => {
    const steps = helmetSteps(helmet(HELMET_OPTIONS));
    expect(steps).toContainEqual(['X-Powered-By', undefined]);
    expect(steps.map(([n]) => n.toLowerCase())).not.toContain('strict-transport-security');
    expect(steps).toContainEqual(['Content-Security-Policy', "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'"]);
  });
});
