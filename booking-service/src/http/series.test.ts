/**
 * series(): the handlers run in order as one; an error — passed to next, thrown, or a rejected
 * promise — skips the rest and reaches Express's error handler; next('route') and next(null) go on.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { series } from './series.js';

const mark = (name: string): RequestHandler => (_req, res, next) => {
  res.append('x-seen', name);
  next();
};

describe('series', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.use('/ok', series(mark('a'), mark('b'), (req, res) => void res.json({ path: req.path, baseUrl: req.baseUrl })));
    app.use('/through', series(mark('a'), mark('b')));
    app.get('/through', (_req, res) => void res.send('after'));
    app.use('/passed', series(mark('a'), (_req, _res, next) => next(new Error('passed')), mark('never')));
    app.use('/thrown', series(mark('a'), () => {
      throw new Error('thrown');
    }, mark('never')));
    app.use('/rejected', series(mark('a'), async () => {
      throw new Error('rejected');
    }, mark('never')));
    app.use('/route', series((_req, _res, next) => next('route'), mark('b'), (_req, res) => void res.send('went on')));
    app.use('/null', series((_req, _res, next) => (next as (err: unknown) => void)(null), mark('b'), (_req, res) => void res.send('went on')));
    app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(500).send(err.message));
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server?.close());

  it('runs the handlers in order with the mount path trimmed, as separate layers would', async () => {
    const r = await fetch(`${base}/ok/x/y?q=1`);
    expect(r.headers.get('x-seen')).toBe('a, b');
    expect(await r.json()).toEqual({ path: '/x/y', baseUrl: '/ok' });
  });

  it("the last handler's next goes on to the next route", async () => {
    const r = await fetch(`${base}/through`);
    expect(r.headers.get('x-seen')).toBe('a, b');
    expect(await r.text()).toBe('after');
  });

  it('an error passed, thrown or rejected skips the rest and reaches the error handler', async () => {
    for (const kind of ['passed', 'thrown', 'rejected']) {
      const r = await fetch(`${base}/${kind}`);
      expect(r.status, kind).toBe(500);
      expect(await r.text(), kind).toBe(kind);
      expect(r.headers.get('x-seen'), kind).toBe('a');
    }
  });

  it("next('route') and next(null) (the cors package calls it) go on to the following handler", async () => {
    for (const path of ['/route', '/null']) {
      const r = await fetch(`${base}${path}`);
      expect(await r.text(), path).toBe('went on');
      expect(r.headers.get('x-seen'), path).toBe('b');
    }
  });
});
