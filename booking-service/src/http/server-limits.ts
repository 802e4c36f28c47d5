/**
 * The HTTP server with limits for slow and greedy clients (issue 12, limits): 800 slow-body
 * connections were still held after 110 s under Node's defaults (300 s to send a request).
 * - `headersTimeoutMs`: the whole request head must arrive within this;
 * - `requestTimeoutMs`: the whole request, body included; Node answers 408 and closes;
 * - checked every `checkIntervalMs` (Node's default of 30 s would let a client overstay by that);
 * - `maxConnectionsPerIp`: sockets one address may hold open at once; more are closed at accept.
 *   Behind a load balancer every socket comes from the balancer, so main.ts turns this off when
 *   TRUST_PROXY is set: the proxy's own per-client limits apply there (SECURITY.md).
 * - `keepAliveTimeoutMs`: how long an idle keep-alive socket is kept. Node's default (5 s) is
 *   barely above what clients keep theirs (undici/fetch 4 s, Node's agent 5 s): under load a
 *   client reused a socket in the moment the server closed it, and its request died with
 *   ECONNRESET (the fuzzers saw it). The server must be the side that waits longer, so the
 *   client always closes first (Node 20 announces `timeout=5` and closes at 6 s); 65 s also
 *   outlasts a load balancer's 60 s idle (AWS ALB). close() ends sockets as soon as they are idle.
 *   This does not weaken the slow-client limits: Node 20 starts the headers clock of the next
 *   request at its first byte, not at the end of the last response (server-limits.test.ts
 *   checks an idle socket outlives `headersTimeoutMs`, and a slow head on it is still cut).
 * Responses are not capped: SSE streams stay open (heartbeat every 15 s, under keepAlive).
 */
import { createServer, type RequestListener, type Server } from 'node:http';

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkIntervalMs?: number;
  /** Idle keep-alive sockets are closed after this (ms); default KEEP_ALIVE_MS. */
  keepAliveTimeoutMs?: number;
  /** 0 = no cap. */
  maxConnectionsPerIp: number;
}

/** Longer than any client keeps an idle socket (undici 4 s) and a balancer's 60 s idle. */
export const KEEP_ALIVE_MS = 65_000;

export function createLimitedServer(app: RequestListener, limits: ServerLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs ?? 1_000,
      keepAliveTimeout: limits.keepAliveTimeoutMs ?? KEEP_ALIVE_MS,
    },
    app,
  );
  // close() ends idle sockets at once, but a socket busy with a response at that moment goes idle
  // afterwards and would be kept for the whole keep-alive (65 s), holding the shutdown open.
  const close = server.close.bind(server);
  server.close = ((done?: (err?: Error) => void) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    return close((err) => {
      clearInterval(sweep);
      done?.(err);
    });
  });
  if (limits.maxConnectionsPerIp > 0) {
    const open = new Map<string, number>();
    server.on('connection', (socket) => {
      const ip = socket.remoteAddress ?? '?';
      const n = (open.get(ip) ?? 0) + 1;
      if (n > limits.maxConnectionsPerIp) {
        socket.destroy();
        return;
      }
      open.set(ip, n);
      socket.once('close', () => {
        const left = (open.get(ip) ?? 1) - 1;
        if (left <= 0) open.delete(ip);
        else open.set(ip, left);
      });
    });
  }
  return server;
}
