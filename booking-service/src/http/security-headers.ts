/**
 * Security headers for every response (helmet), plus the one exception the widget needs.
 *
 * The API answers JSON and the service's own pages set their own, stricter CSP (pages/html.ts,
 * pages/mailbox.ts) after this runs, so helmet's default CSP only ever covers JSON, .ics and
 * errors. Cross-Origin-Resource-Policy defaults to same-origin; the widget loader and its chunks
 * are loaded by owners' sites, so those routes say cross-origin instead.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet with its defaults, and a CSP that lets nothing load: no route here serves a page that needs more. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    // Sites embed the loader over HTTPS and HTTP (local development); HSTS belongs to the
    // TLS-terminating proxy that knows which host names it serves.
    strictTransportSecurity: false,
  });
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
