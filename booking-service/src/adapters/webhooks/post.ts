/**
 * One outbound webhook POST, guarded against SSRF:
 * - http(s) URLs only, no credentials in them;
 * - the host is resolved here and every address checked (address.ts); the connection then goes
 *   to the address that was checked (a `lookup` pinned to it), so a DNS answer that changes
 *   between check and connect (rebinding) cannot redirect it; redirects are not followed;
 * - a total timeout, and at most `maxResponseBytes` of the answer are read.
 * `allowPrivate` (env WEBHOOKS_ALLOW_PRIVATE; tests and the demo) lifts the address check only.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './address.js';

export interface PostOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

export interface PostResult {
  status: number;
  durationMs: number;
  /** The first bytes of the answer (for the delivery log). */
  body: string;
}

export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefused';
  }
}

/** Checks a URL as an endpoint: scheme, credentials, and (unless allowed) that it resolves to public addresses only. */
export async function checkTarget(raw: string, allowPrivate: boolean): Promise<{ url: URL; address: string; family: 4 | 6 }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetRefused('only http and https URLs');
  if (url.username || url.password) throw new TargetRefused('no user name or password in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch {
      throw new TargetRefused(`the host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new TargetRefused(`the host ${host} does not resolve`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) throw new TargetRefused(`${host} resolves to ${bad.address}, a private, loopback or reserved address`);
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostResult> {
  const { url, address, family } = await checkTarget(rawUrl, options.allowPrivate);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const cap = options.maxResponseBytes ?? 16 * 1024;
  // Connect to the address that was checked, whatever DNS says now.
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
    else cb(null, address, family);
  };
  const started = performance.now();
  return new Promise<PostResult>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Frontdesk-Webhooks/1', 'content-length': String(Buffer.byteLength(body)), ...headers },
        lookup: pinned,
        // SNI and certificate checks keep the host name.
        servername: isIP(url.hostname) ? undefined : url.hostname,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < cap) chunks.push(c.subarray(0, cap - size));
          size += c.length;
          // Enough read: the rest of a large answer is not waited for.
          if (size >= cap) res.destroy();
        });
        const done = () => resolve({ status: res.statusCode ?? 0, durationMs: Math.round(performance.now() - started), body: Buffer.concat(chunks).toString('utf8') });
        res.on('end', done);
        res.on('close', done);
        res.on('error', () => done());
      },
    );
    req.on('error', (err) => reject(err.name === 'AbortError' || err.name === 'TimeoutError' ? new Error(`no answer within ${timeoutMs} ms`) : err));
    req.end(body);
  });
}
