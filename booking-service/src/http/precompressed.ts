/**
 * Serves the build's precompressed variants (scripts/precompress.mjs writes `x.js.br` and
 * `x.js.gz` beside `x.js`) by content negotiation, so assets go over the wire compressed without
 * compressing on every request. Mount it in front of express.static for the same folder: it
 * answers when a variant fits the request's Accept-Encoding and exists, else passes to the static
 * handler, which sends the file as it is. Either way the answer says `Vary: Accept-Encoding`, so
 * caches keep one copy per encoding.
 */
import { extname, join, normalize, sep } from 'node:path';
import type { RequestHandler, Response } from 'express';

/** What express.static says for a content-hashed file with `immutable: true, maxAge: '365d'`. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export type Coding = 'br' | 'gzip';
const SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/**
 * The coding to send for an Accept-Encoding header (RFC 9110 §12.5.3): the one with the highest
 * q among br and gzip, br on a tie; `*` stands for any coding not named; q=0 refuses.
 * undefined = identity.
 */
export function chooseCoding(header: string | undefined): Coding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (c: string) => q.get(c) ?? (c === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}

export interface PrecompressedOptions {
  /** Cache-Control for every answer from this folder (the static handler behind should say the same). */
  cacheControl: (path: string) => string;
}

/** Serves `<root><path>.br|.gz` when the client accepts it; otherwise next() with Vary set. */
export function precompressed(root: string, options: PrecompressedOptions): RequestHandler {
  const base = normalize(root + sep);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.vary('Accept-Encoding');
    const coding = chooseCoding(req.headers['accept-encoding']);
    const ext = extname(req.path);
    if (!coding || !ext) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = normalize(join(base, rel));
    if (!file.startsWith(base) || rel.includes('\0')) return next();
    send(res, file, ext, coding, options.cacheControl(rel), (sent) => (sent ? undefined : next()));
  };
}

function send(res: Response, file: string, ext: string, coding: Coding, cacheControl: string, done: (sent: boolean) => void): void {
  res.type(ext);
  res.set('Content-Encoding', coding);
  res.set('Cache-Control', cacheControl);
  res.sendFile(file + SUFFIX[coding], { dotfiles: 'deny', cacheControl: false, lastModified: true }, (err) => {
    if (!err) return done(true);
    if (res.headersSent) return;
    // No variant of this file (small, binary, or not precompressed): the static handler sends it as is.
    res.removeHeader('Content-Encoding');
    res.removeHeader('Content-Type');
    res.removeHeader('Cache-Control');
    done(false);
  });
}
