/**
 * GET /widget.json?site=KEY — the widget loader's boot request (services/widget-boot.ts):
 * `{ allowed, color, position }`. Readable from any origin (`Access-Control-Allow-Origin: *`, no
 * credentials): it must reach pages on origins the site does not allow, to say so truthfully. A
 * simple GET, so no preflight; never cached, since each refused page view is counted.
 */
import type { RequestHandler } from 'express';
import type { RateLimiter } from '../ports/rate-limit.js';
import type { Deps } from '../services/deps.js';
import { widgetBoot } from '../services/widget-boot.js';

export function widgetBootRoute(deps: Deps, limiter: RateLimiter | undefined): RequestHandler {
  return (req, res, next) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cache-Control': 'no-store' });
    const site = typeof req.query.site === 'string' && req.query.site.length <= 60 ? req.query.site : '';
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    void (async () => {
      // The same per-IP and per-site limits as the public API.
      const decision = limiter ? await limiter.check({ ip: req.ip, site: site || undefined }) : { ok: true as const };
      if (!decision.ok) return void res.status(429).set('Retry-After', String(decision.retryAfterSeconds)).json({ error: 'Too many requests; try again shortly' });
      const boot = site ? await widgetBoot(deps, site, origin) : null;
      if (!boot?.ok) return void res.status(404).json({ error: 'No such site' });
      res.json(boot.value);
    })().catch(next);
  };
}
