/**
 * Loaded into each service process by the pairs bench when BENCH_PAIRS_TRACE=1 (`--import`,
 * before src/main.ts): records what happened inside the process during a run, so a slow pair can
 * be pinned on a cause instead of guessed at. Nothing in src/ knows about it; it patches Node's
 * HTTP server and pg from outside, as a profiler would.
 *
 * Writes JSON lines to BENCH_TRACE_FILE (times are epoch ms, the same clock as the bench's):
 * - `req`: one HTTP request, from the 'request' event to the answer's last byte, with every
 *   statement it sent (driver time: queued on the connection + PostgreSQL + reading the answer)
 *   and the time it waited for a pool connection;
 * - `lag`: the event loop ran a 10 ms timer late by more than 5 ms (synchronous work or GC);
 * - `gc`: a garbage collection pause (PerformanceObserver 'gc');
 * - `loop`: monitorEventLoopDelay's p99 and max over the process's life, written at the end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BENCH_TRACE_FILE;
const now = () => performance.timeOrigin + performance.now();

interface RequestContext {
  db: Array<[string, number, number]>;
  poolWait: number;
}

if (file) {
  const lines: string[] = [];
  const write = (o: object) => lines.push(JSON.stringify(o));
  const flush = () => {
    if (lines.length) appendFileSync(file, lines.splice(0).join('\n') + '\n');
  };
  setInterval(flush, 250).unref();

  const als = new AsyncLocalStorage<RequestContext>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with its own `this`
  const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const ctx: RequestContext = { db: [], poolWait: 0 };
    const t0 = now();
    res.once('finish', () => write({ k: 'req', id: req.headers['x-bench-id'], path: (req.url ?? '').split('?')[0], t0, dur: now() - t0, status: res.statusCode, poolWait: ctx.poolWait, db: ctx.db }));
    return als.run(ctx, () => emit.call(this, event, ...args));
  } as typeof http.Server.prototype.emit;

  // pg is CommonJS: the service's `import('pg')` shares this instance's classes.
  const require = createRequire(import.meta.url);
  const pg = require('pg') as typeof import('pg');
  type Callback = (...a: unknown[]) => void;
  const timed = (ctx: RequestContext | undefined, record: (ctx: RequestContext, t0: number) => void, call: (wrap: (cb: Callback) => Callback) => unknown) => {
    if (!ctx) return call((cb) => cb);
    const t0 = now();
    // A callback runs in the context of whatever completed it (a pool connection handed over by
    // another request's release): give it back this request's context.
    const result = call((cb) => (...a: unknown[]) => {
      record(ctx, t0);
      als.run(ctx, () => cb(...a));
    });
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      void (result as Promise<unknown>).then(
        () => record(ctx, t0),
        () => record(ctx, t0),
      );
    }
    return result;
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with its own `this`
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { name?: string; text?: string };
    const label = typeof config === 'string' ? config : (config?.name ?? config?.text ?? '?');
    const head = String(label).replace(/\s+/g, ' ').slice(0, 40);
    const last = args.length - 1;
    return timed(als.getStore(), (ctx, t0) => ctx.db.push([head, t0, now() - t0]), (wrap) => {
      if (typeof args[last] === 'function') args[last] = wrap(args[last] as Callback);
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    });
  } as typeof query;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with its own `this`
  const connect = pg.Pool.prototype.connect;
  pg.Pool.prototype.connect = function (this: unknown, ...args: unknown[]) {
    return timed(als.getStore(), (ctx, t0) => (ctx.poolWait += now() - t0), (wrap) => {
      if (typeof args[0] === 'function') args[0] = wrap(args[0] as Callback);
      return (connect as (...a: unknown[]) => unknown).apply(this, args);
    });
  } as typeof connect;

  // Lateness of a 10 ms timer: when and for how long this process could not run anything.
  let expected = now() + 10;
  setInterval(() => {
    const t = now();
    if (t - expected > 5) write({ k: 'lag', t: expected, dur: t - expected });
    expected = t + 10;
  }, 10).unref();

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) write({ k: 'gc', t: performance.timeOrigin + e.startTime, dur: e.duration, kind: (e as unknown as { detail?: { kind?: number } }).detail?.kind });
  }).observe({ entryTypes: ['gc'] });

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.once('exit', () => {
    write({ k: 'loop', p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
    flush();
  });
}
