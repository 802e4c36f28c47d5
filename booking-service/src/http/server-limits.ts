/**
 * The HTTP server with limits for slow and greedy clients (issue 12, limits): 800 slow-body
 * connections were still held after 110 s under Node's defaults (300 s to send a request).
 * - `headersTimeoutMs`: the whole request head must arrive within this;
 * - `requestTimeoutMs`: the whole request, body included; Node answers 408 and closes;
 * - checked every `checkIntervalMs` (Node's default of 30 s would let a client overstay by that);
 * - `maxConnectionsPerIp`: sockets one address may hold open at once; more are closed at accept.
 *   Behind a load balancer every socket comes from the balancer, so main.ts turns this off when
 *   TRUST_PROXY is set: the proxy's own per-client limits apply there (SECURITY.md).
 * Responses are not capped: SSE streams stay open (heartbeat every 15 s, under keepAlive).
 */
import { createServer, type RequestListener, type Server } from 'node:http';

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkIntervalMs?: number;
  /** 0 = no cap. */
  maxConnectionsPerIp: number;
}

export function createLimitedServer(app: RequestListener, limits: ServerLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs ?? 1_000,
    },
    app,
  );
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
