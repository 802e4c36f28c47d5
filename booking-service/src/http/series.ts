/**
 * Several Express handlers run as one: each one's next() calls the following one, the last
 * one's goes on to the router, an error (passed, thrown or a rejected promise) goes straight
 * to it — what Express does for handlers mounted side by side, minus the router's work between
 * them (matching the path, trimming and restoring req.url and req.baseUrl for each).
 *
 * Why (issue 19): every tRPC request crosses CORS, compression and the tRPC handler; as three
 * layers the router matched and trimmed '/trpc' three times per request.
 */
import type { RequestHandler } from 'express';

/**
 * @example app.use('/trpc', series(cors, compressJson(), trpcHandler(...)))
 */
export function series(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (err?: unknown): void => {
      // As Express's router: a falsy error (cors calls next(null)) and next('route') in a mounted handler mean "go on".
      if (err && err !== 'route') return next(err);
      if (i === handlers.length) return next();
      const handler = handlers[i++]!;
      try {
        const ret: unknown = handler(req, res, step);
        if (ret instanceof Promise) ret.catch((e: unknown) => step(e ?? new Error('Rejected promise')));
      } catch (e) {
        step(e ?? new Error('Thrown undefined'));
      }
    };
    step();
  };
}
