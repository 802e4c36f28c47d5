/**
 * Compresses JSON answers (the tRPC APIs) above a small threshold, brotli or gzip as the client
 * asks (the `compression` middleware; brotli at quality 4, its default, cheap per request).
 * Only JSON: assets come precompressed (http/precompressed.ts), and the live streams
 * (text/event-stream) must reach the browser message by message, not when a zlib block fills.
 */
import compression from 'compression';
import type { RequestHandler, Response } from 'express';

/** Below this many bytes the headers and the CPU cost more than compression saves. */
export const JSON_COMPRESS_THRESHOLD = 1024;

const isJson = (res: Response) => /^application\/json\b/i.test(String(res.getHeader('Content-Type') ?? ''));

/**
 * tRPC writes its JSON with res.write() and then res.end(), so `compression` would decide before
 * it knows the size and compress even a 40-byte answer. Holding the (already complete, in-memory)
 * JSON until end() hands compression the whole body at once: the threshold works, and an answer
 * left as is gets a Content-Length instead of chunked encoding. Anything else streams untouched.
 */
const wholeJsonBody: RequestHandler = (_req, res, next) => {
  const write = res.write.bind(res) as (chunk: unknown, encoding?: BufferEncoding) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, encoding?: BufferEncoding) => Response;
  let held: Buffer[] | undefined;
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  res.write = ((chunk: unknown, encoding?: unknown) => {
    if (held === undefined && (res.headersSent || !isJson(res))) return write(chunk, encoding as BufferEncoding);
    (held ??= []).push(toBuffer(chunk, encoding));
    return true;
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (held === undefined) return end(chunk, encoding as BufferEncoding);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(toBuffer(chunk, encoding));
    return end(Buffer.concat(held));
  }) as Response['end'];
  next();
};

export function compressJson(): RequestHandler[] {
  return [compression({ threshold: JSON_COMPRESS_THRESHOLD, filter: (_req, res) => isJson(res) }), wholeJsonBody];
}
