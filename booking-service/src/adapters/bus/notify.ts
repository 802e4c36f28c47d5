/**
 * The conversation bus across service processes: PostgreSQL LISTEN/NOTIFY on one channel. Every
 * process LISTENs once (one dedicated connection, not one per stream) and fans a received signal
 * out to its local streams; publish is a `pg_notify` through the pool, after the change committed.
 *
 * Signals carry no content (ports/conversation-bus.ts), so what LISTEN/NOTIFY does not promise —
 * delivery while the listening connection is down — costs latency, not messages: the listener
 * reconnects with backoff, and every stream re-reads its conversation on its heartbeat.
 *
 * The same adapter runs on PGlite (which implements LISTEN/NOTIFY inside its one process); main.ts
 * uses the in-memory bus there, and the tests use PGlite to exercise this adapter without a server.
 */
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { ConversationBus, ConversationSignal } from '../../ports/conversation-bus.js';
import { createFanOut } from './memory.js';

export const BUS_CHANNEL = 'frontdesk_conversation';

/** How a notify bus talks to its database. */
export interface NotifyTransport {
  notify(channel: string, payload: string): Promise<void>;
  /** Starts listening; resolves once LISTEN took effect. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

/** Compact wire form: NOTIFY payloads are limited to 8000 bytes and every byte is copied to every listener. */
interface Wire {
  b: string;
  c: string;
  s: number;
  k: ConversationSignal['kind'];
}

const KINDS: ReadonlySet<unknown> = new Set<ConversationSignal['kind']>(['messages', 'typing', 'online', 'offline', 'ping']);

export function parseSignal(payload: string): ConversationSignal | null {
  try {
    const w = JSON.parse(payload) as Partial<Wire>;
    if (typeof w.b !== 'string' || typeof w.c !== 'string' || typeof w.s !== 'number' || !KINDS.has(w.k)) return null;
    return { businessId: w.b, conversationId: w.c, seq: w.s, kind: w.k as ConversationSignal['kind'] };
  } catch {
    return null;
  }
}

export async function createNotifyBus(transport: NotifyTransport): Promise<ConversationBus & { listeners(): number }> {
  const fan = createFanOut();
  await transport.listen(BUS_CHANNEL, (payload) => {
    const signal = parseSignal(payload);
    // Another process's signal, or this one's coming back: both reach local listeners this way
    // only, so a process's own streams see a signal exactly as others do.
    if (signal) fan.deliver(signal);
  });
  return {
    async publish(s) {
      const wire: Wire = { b: s.businessId, c: s.conversationId, s: s.seq, k: s.kind };
      await transport.notify(BUS_CHANNEL, JSON.stringify(wire));
    },
    subscribe: (topic, listener) => fan.subscribe(topic, listener),
    listeners: () => fan.size(),
    async close() {
      fan.clear();
      await transport.close();
    },
  };
}

/** PGlite: LISTEN/NOTIFY within its one process. */
export function pgliteTransport(client: PGlite): NotifyTransport {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, onPayload) {
      unlisten = await client.listen(channel, onPayload);
    },
    async close() {
      await unlisten?.();
    },
  };
}

/**
 * PostgreSQL: NOTIFY through the pool, LISTEN on one dedicated client that reconnects (backoff
 * up to `maxBackoffMs`) when the connection drops — a restart of PostgreSQL must not end push.
 */
export function pgTransport(options: { url: string; pool: pg.Pool; maxBackoffMs?: number; log?: (msg: string, err?: unknown) => void }): NotifyTransport {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const maxBackoff = options.maxBackoffMs ?? 10_000;

  async function connect(channel: string, onPayload: (payload: string) => void): Promise<void> {
    const c = new pg.Client({ connectionString: options.url, keepAlive: true });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    let failures = 0;
    const again = (err?: unknown) => {
      if (closed || client !== c) return;
      client = null;
      c.removeAllListeners('error');
      c.on('error', () => {});
      void c.end().catch(() => {});
      options.log?.('[bus] LISTEN connection lost; reconnecting', err);
      const attempt = () => {
        if (closed) return;
        connect(channel, onPayload).catch((e: unknown) => {
          failures++;
          options.log?.('[bus] reconnect failed', e);
          retry = setTimeout(attempt, Math.min(maxBackoff, 250 * 2 ** failures));
          retry.unref();
        });
      };
      retry = setTimeout(attempt, 250);
      retry.unref();
    };
    c.on('error', again);
    c.on('end', () => again());
  }

  return {
    async notify(channel, payload) {
      await options.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen: connect,
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
