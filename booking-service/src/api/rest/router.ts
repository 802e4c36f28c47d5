/**
 * /api/v1: the REST API for a business's CRM and integrations, served from the route table
 * (routes.ts). Per request: API key (Bearer) → the key's own rate limit → scope → input
 * validation (path, query, body; 400 problem naming each field) → Idempotency-Key on creates
 * → the use case (scoped to the key's business) → JSON, or an RFC 9457 problem.
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '../../adapters/db/errors.js';
import type { RateLimitStore } from '../../ports/rate-limit.js';
import { authenticateApiKey, type ApiPrincipal } from '../../services/api-keys/keys.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestHash } from '../../services/api-keys/idempotency.js';
import type { Deps } from '../../services/deps.js';
import { DB_RETRY_AFTER_SECONDS } from '../errors.js';
import { failureProblem, problem, validationProblem, type FieldProblem, type Problem } from './problem.js';
import { referencePage } from './reference.js';
import { routes, type RouteDef } from './routes.js';

export interface RestOptions {
  /** Counts each key's requests per minute (the store the other limits use); absent = no limit. */
  limitStore?: RateLimitStore | undefined;
  log: (msg: string, err?: unknown) => void;
  maxBodyBytes?: number | undefined;
}

const WINDOW_MS = 60_000;

function send(res: Response, p: Problem, headers: Record<string, string> = {}) {
  res.status(p.status).set(headers).type('application/problem+json').send(JSON.stringify(p));
}

function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)$/i.exec(h.trim()) : null;
  return m?.[1];
}

const expressPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

function fieldsOf(schema: z.ZodType | undefined): Set<string> {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return new Set(shape ? Object.keys(shape) : []);
}

export function restApi(deps: Deps, options: RestOptions): Router {
  const api = Router();
  // JSON bodies only; a body that is not JSON is a named 400, not Express's generic error.
  api.use(express.json({ limit: options.maxBodyBytes ?? 64 * 1024, type: () => true }));
  api.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const status = (err as { status?: number }).status;
    if (status === 413) return send(res, problem(413, 'too-large', 'The body is larger than 64 KB', { instance: req.originalUrl }));
    send(res, problem(400, 'validation', 'The body is not valid JSON', { instance: req.originalUrl, errors: [{ in: 'body', field: '(body)', pointer: '#', detail: 'not valid JSON' }] }));
  });

  // The document's generator (zod-openapi, ~12 MiB) loads on the first request for it, not at start.
  const openApiDocument = async () => (await import('./openapi.js')).openApiDocument();
  api.get('/openapi.json', async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(await openApiDocument());
  });
  api.get('/docs', async (_req, res) => {
    const doc = await openApiDocument();
    res
      .set('Cache-Control', 'no-cache')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
      .type('html')
      .send(referencePage(doc));
  });

  const authenticated = async (req: Request, res: Response): Promise<ApiPrincipal | null> => {
    const presented = bearer(req);
    const principal = presented ? await authenticateApiKey(deps, presented) : null;
    if (!principal) {
      send(res, problem(401, 'unauthorized', presented ? 'This API key is not valid or was revoked' : 'Send an API key: Authorization: Bearer fdk_…', { instance: req.originalUrl, errors: [{ in: 'header', field: 'Authorization', detail: presented ? 'unknown or revoked key' : 'missing' }] }), {
        'WWW-Authenticate': 'Bearer realm="frontdesk"',
      });
      return null;
    }
    if (options.limitStore) {
      const t = deps.clock.now().getTime();
      const windowStart = t - (t % WINDOW_MS);
      let count = 0;
      try {
        count = await options.limitStore.hit(`apikey:${principal.keyId}`, windowStart, WINDOW_MS);
      } catch (err) {
        // The store is down: serving beats throttling (as for the public API).
        options.log('[rest] rate-limit store unavailable, not limiting', err);
      }
      const reset = Math.max(1, Math.ceil((windowStart + WINDOW_MS - t) / 1000));
      res.set({ 'RateLimit-Limit': String(principal.rateLimitPerMinute), 'RateLimit-Remaining': String(Math.max(0, principal.rateLimitPerMinute - count)), 'RateLimit-Reset': String(reset) });
      if (count > principal.rateLimitPerMinute) {
        send(res, problem(429, 'rate-limited', `This key may make ${principal.rateLimitPerMinute} requests a minute`, { instance: req.originalUrl }), { 'Retry-After': String(reset) });
        return null;
      }
    }
    return principal;
  };

  for (const r of routes) api[r.method](expressPath(r.path), (req, res) => void handle(r, req, res));

  async function handle(r: RouteDef, req: Request, res: Response) {
    const instance = req.originalUrl.split('?')[0]!;
    try {
      const principal = await authenticated(req, res);
      if (!principal) return;
      if (r.scope === 'write' && principal.scope !== 'write') {
        return send(res, problem(403, 'forbidden', 'This API key is read-only', { instance }));
      }
      const params = r.params?.safeParse(req.params);
      if (params && !params.success) return send(res, { ...validationProblem('path', params.error), instance });
      const query = r.query?.safeParse(req.query);
      if (query && !query.success) return send(res, { ...validationProblem('query', query.error), instance });
      const body = r.body?.safeParse(req.body ?? {});
      if (body && !body.success) return send(res, { ...validationProblem('body', body.error), instance });

      let idempotencyKey: string | undefined;
      if (r.idempotent && req.headers['idempotency-key'] !== undefined) {
        const k = String(req.headers['idempotency-key']);
        if (k.length < 8 || k.length > 100 || !/^[\x21-\x7e]+$/.test(k)) {
          return send(res, problem(400, 'validation', 'Idempotency-Key: 8 to 100 visible ASCII characters', { instance, errors: [{ in: 'header', field: 'Idempotency-Key', detail: '8 to 100 visible ASCII characters' }] }));
        }
        idempotencyKey = k;
        const claim = await claimIdempotencyKey(deps, principal.keyId, k, requestHash(r.method, instance, req.body));
        if (claim.kind === 'mismatch') return send(res, problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used with another request', { instance, errors: [{ in: 'header', field: 'Idempotency-Key', detail: 'used with another request' }] }));
        if (claim.kind === 'in_progress') return send(res, problem(409, 'idempotency-in-progress', 'A request with this Idempotency-Key is still running; retry shortly', { instance }), { 'Retry-After': '1' });
        if (claim.kind === 'replay') {
          res.status(claim.status).set('Idempotent-Replayed', 'true');
          return claim.status >= 400 ? res.type('application/problem+json').send(JSON.stringify(claim.body)) : res.json(claim.body);
        }
      }

      let result;
      try {
        result = await r.handler(deps, principal, { params: params?.data, query: query?.data, body: body?.data, idempotencyKey });
      } catch (err) {
        if (idempotencyKey) await releaseIdempotencyKey(deps, principal.keyId, idempotencyKey).catch(() => undefined);
        throw err;
      }
      const pathFields = fieldsOf(r.params);
      const queryFields = fieldsOf(r.query);
      const locate = (f: string): FieldProblem['in'] => (pathFields.has(f) ? 'path' : queryFields.has(f) ? 'query' : 'body');
      const status = result.ok ? r.status : undefined;
      const payload = result.ok ? result.value : { ...failureProblem(result, locate), instance };
      if (idempotencyKey) await completeIdempotencyKey(deps, principal.keyId, idempotencyKey, status ?? (payload as Problem).status, payload);
      if (result.ok) res.status(r.status).json(payload);
      else send(res, payload as Problem);
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        return send(res, problem(503, 'unavailable', 'Temporarily unavailable; try again shortly', { instance }), { 'Retry-After': String(DB_RETRY_AFTER_SECONDS) });
      }
      options.log(`[rest] ${r.operationId} failed`, err);
      send(res, problem(500, 'internal', 'Internal error', { instance }));
    }
  }

  api.use((req, res) => {
    send(res, problem(404, 'not-found', `No route ${req.method} ${req.originalUrl.split('?')[0]!}; see /api/v1/docs`, { instance: req.originalUrl.split('?')[0]! }));
  });
  return api;
}
