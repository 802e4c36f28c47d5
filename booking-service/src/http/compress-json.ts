/**
 * Compresses JSON answers (the tRPC and REST APIs) above a small threshold, brotli or gzip as the
 * client asks. Only JSON: assets come precompressed (http/precompressed.ts), and the live streams
 * (text/event-stream) must reach the browser message by message, not when a zlib block fills.
 *
 * The answers are complete in memory before they are sent (tRPC and Express write one JSON body),
 * so each is compressed in one call, not through a zlib stream per response as the `compression`
 * middleware did: for a 15 KB slot search, brotli quality 4 took 0.43 ms of CPU through a stream
 * and 0.11–0.19 ms in one call, for the same bytes (issue 19). The body is held until end(), so
 * the threshold sees its real size and an answer left as is gets a Content-Length.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import { chooseCoding } from './precompressed.js';

/** Below this many bytes the headers and the CPU cost more than compression saves. */
export const JSON_COMPRESS_THRESHOLD = 1024;

/** Brotli quality 4 (the `compression` middleware's default): a fraction of quality 11's CPU for a few % more bytes. */
const BROTLI_QUALITY = 4;
/** gzip level 6 (zlib's default), for clients without brotli. */
const GZIP_LEVEL = 6;

const isJson = (res: Response) => /^application\/json\b/i.test(String(res.getHeader('Content-Type') ?? ''));

// The compressed bytes of a body sent again as the very same Buffer (a frozen answer's, written
// once by http/trpc-handler.ts): compressed once per coding, not per request.
const packedBodies = new WeakMap<Buffer, { br?: Buffer; gzip?: Buffer }>();

function compressed(req: Request, res: Response, body: Buffer): { coding: 'br' | 'gzip'; body: Buffer } | undefined {
  if (body.length < JSON_COMPRESS_THRESHOLD || req.method === 'HEAD' || res.getHeader('Content-Encoding') !== undefined) return undefined;
  const coding = chooseCoding(req.headers['accept-encoding']);
  if (coding !== 'br' && coding !== 'gzip') return undefined;
  let packed = packedBodies.get(body);
  if (packed === undefined) packedBodies.set(body, (packed = {}));
  if (coding === 'br') {
    const params = { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    return { coding, body: (packed.br ??= brotliCompressSync(body, { params })) };
  }
  return { coding, body: (packed.gzip ??= gzipSync(body, { level: GZIP_LEVEL })) };
}

const toBuffer = (chunk: unknown, encoding?: unknown) =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

/**
 * @example app.use('/trpc', compressJson(), trpcHandler(...))
 */
export function compressJson(): RequestHandler {
  return (req, res, next) => {
    const write = res.write.bind(res) as (chunk: unknown, encoding?: BufferEncoding) => boolean;
    const end = res.end.bind(res) as (chunk?: unknown, encoding?: BufferEncoding) => Response;
    let held: Buffer[] | undefined;
    // Decided once, at the first write or end: JSON whose headers are still ours to change.
    let mine: boolean | undefined;
    const isMine = () => (mine ??= !res.headersSent && isJson(res) && !/\bno-transform\b/i.test(String(res.getHeader('Cache-Control') ?? '')));
    res.write = ((chunk: unknown, encoding?: unknown) => {
      if (!isMine()) return write(chunk, encoding as BufferEncoding);
      (held ??= []).push(toBuffer(chunk, encoding));
      return true;
    }) as Response['write'];
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      if (typeof chunk === 'function') chunk = undefined;
      if (!isMine()) return end(chunk, encoding as BufferEncoding);
      const parts = held ?? [];
      if (chunk !== undefined && chunk !== null) parts.push(toBuffer(chunk, encoding));
      const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      res.vary('Accept-Encoding');
      const packed = compressed(req, res, body);
      if (!packed) return end(body);
      res.setHeader('Content-Encoding', packed.coding);
      res.setHeader('Content-Length', packed.body.length);
      return end(packed.body);
    }) as Response['end'];
    next();
  };
}
