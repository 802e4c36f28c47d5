/**
 * Issue 12, limits (slow clients): a client that sends its body slowly, or its head slowly, is
 * cut off after the request timeout; one address cannot hold more than its share of sockets.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLimitedServer } from './server-limits.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(limits: Parameters<typeof createLimitedServer>[1]) {
  const server = createLimitedServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  }, limits);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
  return (server.address() as AddressInfo).port;
}

/** Resolves with what the server sent when it closes the socket, and after how long. */
function openSlow(port: number, head: string): Promise<{ ms: number; got: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const s: Socket = connect(port, '127.0.0.1', () => s.write(head));
    let got = '';
    s.on('data', (d) => (got += String(d)));
    s.on('error', () => {});
    s.on('close', () => resolve({ ms: performance.now() - t0, got }));
  });
}

describe('limits: slow clients', () => {
  it('a body that never finishes is cut off with 408 after the request timeout', async () => {
    const port = await start({ headersTimeoutMs: 400, requestTimeoutMs: 800, checkIntervalMs: 100, maxConnectionsPerIp: 0 });
    const r = await openSlow(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc');
    expect(r.got).toMatch(/^HTTP\/1\.1 408/);
    expect(r.ms).toBeGreaterThanOrEqual(700);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('a head that never finishes is cut off after the headers timeout', async () => {
    const port = await start({ headersTimeoutMs: 400, requestTimeoutMs: 5_000, checkIntervalMs: 100, maxConnectionsPerIp: 0 });
    const r = await openSlow(port, 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1');
    expect(r.ms).toBeLessThan(3_000);
  });

  it('one address holds at most maxConnectionsPerIp sockets; a freed place can be taken again', async () => {
    const port = await start({ headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, maxConnectionsPerIp: 3 });
    const sockets = await Promise.all(Array.from({ length: 3 }, () => new Promise<Socket>((r) => { const s = connect(port, '127.0.0.1', () => r(s)); s.on('error', () => {}); })));
    const extra = await openSlow(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(extra.got).toBe(''); // closed at accept, never answered
    sockets[0]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } });
    expect(await res.text()).toBe('ok');
    for (const s of sockets) s.destroy();
  });
});
