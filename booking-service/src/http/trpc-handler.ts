/**
 * The tRPC endpoint: tRPC's Express adapter, plus a direct path for the calls the widget and the
 * console make — one procedure per request, a query as `GET ?input=` or a mutation as a JSON POST.
 *
 * Why (issue 19): the adapter turns every Node request into a Fetch `Request` (Headers, URL,
 * AbortController) and pipes the answer back through a Fetch `Response` and web streams. Behind
 * the same procedure that costs about 1 ms of CPU per call here (bench: a constant answer, 0.6 ms
 * on bare Node HTTP, 0.8 with Express, 1.7 through the adapter) — more than a slot search itself.
 *
 * The direct path runs the same procedure with tRPC's own pieces (getErrorShape,
 * getHTTPStatusCode, transformTRPCResponse), the same callbacks (context, responseMeta, onError)
 * and answers what the adapter answers: status, headers and body (trpc-handler.test.ts sends each
 * kind of request to both and compares). Anything else — batches, streaming (`trpc-accept`,
 * `accept: application/jsonl`), HEAD, a procedure of the other kind or none, another content
 * type, a body some middleware already read — goes to the adapter unchanged.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { AnyTRPCRouter, inferRouterContext, TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import {
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  TRPCError as CoreTRPCError,
  transformTRPCResponse,
  type AnyProcedure,
  type RootConfig,
  type DefaultErrorShape,
  type TRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext: (req: Request) => inferRouterContext<TRouter>;
  /** Largest request body in bytes; more → 413 PAYLOAD_TOO_LARGE. */
  maxBodySize: number;
  /** Calls per batched request; more → 400 for the whole batch. */
  maxBatchSize: number;
  /** Extra response headers from the call's errors (e.g. Retry-After). */
  responseHeaders?: (errors: TRPCError[]) => Record<string, string> | undefined;
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
}

/** Lower-cased media type without parameters, as tRPC compares it. */
const mediaType = (h: string | undefined) => h?.toLowerCase().split(';', 1)[0]?.trim();

/** Accept lists naming JSON lines ask the adapter for a stream. */
const asksForStream = (accept: string | undefined) => accept !== undefined && accept.split(',').some((t) => t.trim() === 'application/jsonl');

/** The body as text, at most `limit` bytes (more → PAYLOAD_TOO_LARGE, as the adapter says). UTF-8 with a BOM dropped, like fetch's text(). */
function readBody(req: Request, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      done();
      reject(new CoreTRPCError({ code: 'PAYLOAD_TOO_LARGE' }));
    };
    const onEnd = () => {
      done();
      resolve(new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * `vary` with the fields of `add` that `current` lacks (compared without case), as the `vary`
 * package and Express's res.vary write it: `current` first, as it was.
 */
export function mergeVary(current: string | undefined, add: string): string {
  const fields = (current ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.includes('*')) return '*';
  const seen = new Set(fields.map((f) => f.toLowerCase()));
  for (const f of add.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (seen.has(f.toLowerCase())) continue;
    seen.add(f.toLowerCase());
    fields.push(f);
  }
  return fields.join(', ');
}

const varyOf = (res: Response) => {
  const v = res.getHeader('vary');
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
};

/**
 * tRPC's adapter sets `vary: trpc-accept, accept` with setHeader, which replaced what CORS had
 * said (`Vary: Origin`): a shared cache could then hand one origin's answer (with its
 * Access-Control-Allow-Origin) to another. Its `vary` is merged into the earlier one instead.
 */
export function mergingVary(res: Response): Response {
  const set = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) =>
    set(name, name.toLowerCase() === 'vary' ? mergeVary(varyOf(res), Array.isArray(value) ? value.join(', ') : String(value)) : value)) as Response['setHeader'];
  return res;
}

/**
 * @example app.use('/trpc', trpcHandler({ router: appRouter, createContext: (req) => ({ ip: req.ip }), maxBodySize: 65_536, maxBatchSize: 10 }))
 */
export function trpcHandler<TRouter extends AnyTRPCRouter>(options: TrpcHandlerOptions<TRouter>): RequestHandler {
  const { router, createContext, maxBodySize, responseHeaders, onError } = options;
  // Typed without `any`: only the transformer and the error formatter are read.
  const config = router._def._config as RootConfig<{ ctx: object; meta: object; errorShape: DefaultErrorShape; transformer: boolean }>;
  const adapter = createExpressMiddleware({
    router,
    maxBodySize,
    maxBatchSize: options.maxBatchSize,
    createContext: ({ req }) => createContext(req),
    responseMeta: ({ errors }) => ({ headers: responseHeaders?.(errors) }),
    onError: ({ error, path }) => onError?.({ error, path }),
  }) as RequestHandler;

  // A frozen answer (Object.freeze all the way down, e.g. services/slot-memo.ts's) is returned
  // again as the same object: its JSON is written once, not on every request (issue 19).
  const bodies = new WeakMap<object, Buffer>();
  const frozenBody = (data: unknown): Buffer | undefined => {
    if (data === null || typeof data !== 'object' || !Object.isFrozen(data)) return undefined;
    let body = bodies.get(data);
    if (body === undefined) bodies.set(data, (body = Buffer.from(JSON.stringify(transformTRPCResponse(config, { result: { data } })))));
    return body;
  };

  /** The procedure a request may take the direct path to, or undefined for the adapter. */
  const directProcedure = async (req: Request, path: string, search: URLSearchParams): Promise<AnyProcedure | undefined> => {
    const get = req.method === 'GET';
    if (!get && req.method !== 'POST') return undefined;
    if (search.get('batch') === '1' || search.has('connectionParams')) return undefined;
    const h = req.headers;
    if (h['trpc-accept'] !== undefined || asksForStream(h.accept)) return undefined;
    const type = mediaType(h['content-type']);
    if (type !== 'application/json' && !(get && type === undefined)) return undefined;
    if (!get && (req.body !== undefined || req.readableEnded)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    const procedure = await getProcedureAtPath(router, decoded);
    if (!procedure || procedure._def.type !== (get ? 'query' : 'mutation')) return undefined;
    return procedure;
  };

  const answer = async (req: Request, res: Response, procedure: AnyProcedure, path: string, search: URLSearchParams) => {
    const type = procedure._def.type;
    // The raw input, read once when the procedure asks (tRPC's memo: a failure becomes BAD_REQUEST).
    let input: Promise<unknown> | undefined;
    let inputValue: { v: unknown } | undefined;
    const getRawInput = () =>
      (input ??= (async () => {
        const text = req.method === 'GET' ? search.get('input') : await readBody(req, maxBodySize);
        return text ? (config.transformer.input.deserialize(JSON.parse(text)) as unknown) : undefined;
      })().then(
        (v) => ((inputValue = { v }), v),
        (cause: unknown) => {
          if (cause instanceof CoreTRPCError) throw cause;
          throw new CoreTRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
        },
      ));
    let ctx: inferRouterContext<TRouter> | undefined;
    let body: string | Buffer;
    let shaped: TRPCResponse;
    let error: TRPCError | undefined;
    try {
      ctx = createContext(req);
      const data: unknown = await procedure({ path, getRawInput, ctx, type, signal: undefined, batchIndex: 0 });
      shaped = { result: { data } };
      body = frozenBody(data) ?? JSON.stringify(transformTRPCResponse(config, shaped));
    } catch (cause) {
      error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path });
      shaped = { error: getErrorShape({ config, ctx, error, input: inputValue?.v, path, type }) };
      body = JSON.stringify(transformTRPCResponse(config, shaped));
    }
    const status = getHTTPStatusCode(shaped, error ? [error] : []);
    // The adapter copies a Fetch Headers object: names lower-case and in sorted order, `vary` merged into any earlier one (mergingVary).
    const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'trpc-accept, accept', ...responseHeaders?.(error ? [error] : []) };
    if (res.statusCode === 200) res.statusCode = status;
    for (const name of Object.keys(headers).sort()) res.setHeader(name, name === 'vary' ? mergeVary(varyOf(res), headers[name]!) : headers[name]!);
    res.end(body);
  };

  return (req, res, next) => {
    const path = req.path.slice(req.path.lastIndexOf('/') + 1);
    const q = req.url.indexOf('?');
    const search = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    directProcedure(req, path, search).then(
      (procedure) => (procedure ? answer(req, res, procedure, decodeURIComponent(path), search) : adapter(req, mergingVary(res), next)),
      () => adapter(req, mergingVary(res), next),
    ).catch((err: unknown) => {
      onError?.({ error: getTRPCErrorFromUnknown(err), path });
      if (!res.headersSent) res.status(500).json({ error: { message: 'Internal error' } });
      else res.end();
    });
  };
}
