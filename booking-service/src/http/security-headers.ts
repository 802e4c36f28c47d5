/**
 * Security headers for every response (helmet), plus the one exception the widget needs.
 *
 * The API answers JSON and the service's own pages set their own, stricter CSP (pages/html.ts,
 * pages/mailbox.ts) after this runs, so helmet's default CSP only ever covers JSON, .ics and
 * errors. Cross-Origin-Resource-Policy defaults to same-origin; the widget loader and its chunks
 * are loaded by owners' sites, so those routes say cross-origin instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** Helmet with its defaults, and a CSP that lets nothing load: no route here serves a page that needs more. */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  // Sites embed the loader over HTTPS and HTTP (local development); HSTS belongs to the
  // TLS-terminating proxy that knows which host names it serves.
  strictTransportSecurity: false,
};

type HeaderStep = readonly [name: string, value: string | undefined];

/**
 * What a helmet middleware does to a response, in order: each header it sets (name, value) or
 * removes (name, undefined). Read by running it once on a stand-in response.
 */
export function helmetSteps(middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void): HeaderStep[] {
  const steps: Array<[string, string | undefined]> = [];
  let called = false;
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => void steps.push([name, Array.isArray(value) ? value.join(', ') : String(value)]),
    removeHeader: (name: string) => void steps.push([name, undefined]),
  } as unknown as ServerResponse;
  middleware({ headers: {} } as IncomingMessage, res, (err) => {
    if (err) throw new Error('helmet failed', { cause: err });
    called = true;
  });
  // Helmet's middlewares are synchronous; one that was not would make this replay wrong.
  if (!called) throw new Error('helmet did not finish synchronously');
  return steps;
}

/**
 * Helmet's headers, worked out once at start-up and replayed on every response. Why (issue 19):
 * helmet runs ~11 small middlewares per request, each calling the next; with static options
 * (no CSP nonce, nothing read from the request) they write the same headers every time, and
 * replaying them cost less CPU on every API call. test/security-headers.test.ts compares both.
 */
export function securityHeaders(options: Readonly<HelmetOptions> = HELMET_OPTIONS): RequestHandler {
  const steps = helmetSteps(helmet(options));
  return (_req, res, next) => {
    for (const [name, value] of steps) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}

/**
 * Marks a route's responses as loadable from any origin (the widget loader and chunks).
 *
 * @example app.get('/widget.js', crossOriginResource, handler)
 */
export const crossOriginResource: RequestHandler = (_req, res, next) => {
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  next();
};
