/**
 * Server push for conversations (Server-Sent Events): the visitor's widget and the staff console
 * follow a conversation live. The exact wire contract is in /README.md ("Live push"); in short:
 *
 *   GET /conversations/:id/stream?token=…&after=N          the visitor (conversation token)
 *   GET /console/conversations/:id/stream?after=N          staff (session cookie)
 *   GET /console/stream                                    staff: every conversation of the business
 *
 * A conversation stream sends `event: message` frames whose `id:` is the message's seq, so a
 * reconnecting EventSource resumes with Last-Event-ID and gets exactly the messages it missed,
 * read from the transcript; `event: status` when the conversation's status changes; a comment
 * line every 15 s (proxies keep the connection, and the stream re-reads the conversation, so a
 * lost NOTIFY costs at most one heartbeat of delay). Headers ask proxies not to buffer.
 */
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { ConversationSignal } from '../ports/conversation-bus.js';
import type { Deps } from '../services/deps.js';
import type { Result } from '../services/result.js';
import { loadSession, SESSION_COOKIE } from '../services/console/sessions.js';
import { readSince, staffStreamTarget, visitorStreamTarget, type StreamTarget } from '../services/conversation/stream.js';
import { markSeenByVisitor } from '../services/conversation/staff-reply.js';
import { readCookie } from './console.js';

export const HEARTBEAT_MS = 15_000;
/** A visitor's chat not heard of for this many heartbeats is shown offline to staff. */
export const PRESENCE_BEATS = 2.5;
/** EventSource waits this long before reconnecting after a dropped stream. */
export const RETRY_MS = 2_000;

export interface StreamOptions {
  heartbeatMs?: number;
  log?: (msg: string, err?: unknown) => void;
  /** Called after messages up to `seq` were written to a visitor's stream (delivery, for the e-mail fallback). */
  onVisitorDelivered?: (target: StreamTarget, seq: number) => void;
  /** Open streams' closers: shutdown ends them so clients reconnect to another process at once. */
  open?: Set<() => void>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The cursor: Last-Event-ID (a reconnect) wins over ?after= (the first connect); else 0. */
function cursorOf(req: Request): { ok: true; after: number } | { ok: false; field: string } {
  const last = req.headers['last-event-id'];
  if (typeof last === 'string' && last !== '') {
    return /^\d{1,9}$/.test(last) ? { ok: true, after: Number(last) } : { ok: false, field: 'Last-Event-ID' };
  }
  const after = req.query.after;
  if (after === undefined) return { ok: true, after: 0 };
  return typeof after === 'string' && /^\d{1,9}$/.test(after) ? { ok: true, after: Number(after) } : { ok: false, field: 'after' };
}

function badRequest(res: Response, field: string, message: string) {
  res.status(400).set('Cache-Control', 'no-store').json({ error: `${field}: ${message}`, fields: [{ path: field, message }] });
}

function refuse(res: Response, failure: Extract<Result<unknown>, { ok: false }>) {
  const status = failure.reason === 'ORIGIN_NOT_ALLOWED' ? 403 : 404;
  res.status(status).set('Cache-Control', 'no-store').json({ error: failure.message, reason: failure.reason });
}

/** Opens the event stream: status 200, no caching, no buffering by proxies (nginx: X-Accel-Buffering). */
function openStream(res: Response) {
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  res.write(`retry: ${RETRY_MS}\n\n`);
}

/** Follows one conversation from `after` until the client leaves (or the conversation is gone). */
function follow(deps: Deps, req: Request, res: Response, target: StreamTarget, after: number, options: StreamOptions & { visitor: boolean }) {
  openStream(res);
  let cursor = after;
  let status = target.status;
  let closed = false;
  let busy = false;
  let again = false;
  res.write(`event: status\ndata: ${JSON.stringify({ status, live: status === 'live', seq: target.seq })}\n\n`);

  const pump = async () => {
    if (closed) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        const read = await readSince(deps, target.conversationId, cursor);
        if (closed) return;
        if (!read) {
          res.write('event: gone\ndata: {}\n\n');
          end();
          return;
        }
        for (const m of read.messages) {
          res.write(`id: ${m.seq}\nevent: message\ndata: ${JSON.stringify(m)}\n\n`);
          cursor = m.seq;
        }
        if (read.messages.length && options.visitor) {
          // Shown to the visitor: their replies need no e-mail (services/conversation/reply-mail.ts).
          await markSeenByVisitor(deps.db, target.conversationId, cursor);
          options.onVisitorDelivered?.(target, cursor);
        }
        if (read.status !== status) {
          status = read.status;
          res.write(`event: status\ndata: ${JSON.stringify({ status, live: status === 'live', seq: read.seq })}\n\n`);
        }
        // More than a page was waiting: read on at once.
        if (read.seq > cursor && read.messages.length) again = true;
      } while (again && !closed);
    } catch (err) {
      // The database blinked: the next signal or heartbeat reads again.
      options.log?.('[stream] read failed', err);
    } finally {
      busy = false;
    }
  };

  // Presence (is the visitor's chat open?), stateless across processes: the visitor's stream says
  // `online` on the bus when it opens, at each heartbeat and when staff ask (`ping`), `offline` when
  // it closes; a staff stream passes it on as `event: presence` and counts a visitor silent for
  // PRESENCE_BEATS heartbeats as gone (a process that died said nothing).
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const say = (kind: 'online' | 'offline' | 'ping') =>
    void deps.bus?.publish({ businessId: target.businessId, conversationId: target.conversationId, seq: cursor, kind }).catch((err: unknown) => options.log?.('[stream] presence', err));
  let online: boolean | null = null;
  let lastOnline = 0;
  const presence = (on: boolean) => {
    if (on) lastOnline = deps.clock.now().getTime();
    if (on === online) return;
    online = on;
    res.write(`event: presence\ndata: ${JSON.stringify({ online })}\n\n`);
  };
  const unsubscribe = deps.bus?.subscribe({ conversationId: target.conversationId }, (s: ConversationSignal) => {
    if (closed) return;
    if (s.kind === 'messages' && s.seq > cursor) void pump();
    else if (options.visitor && s.kind === 'ping') say('online');
    else if (!options.visitor && (s.kind === 'online' || s.kind === 'offline')) presence(s.kind === 'online');
  });
  const beat = setInterval(() => {
    res.write(': hb\n\n');
    void pump();
    if (options.visitor) say('online');
    else if (online && deps.clock.now().getTime() - lastOnline > PRESENCE_BEATS * heartbeatMs) presence(false);
  }, heartbeatMs);
  function end() {
    if (closed) return;
    closed = true;
    clearInterval(beat);
    unsubscribe?.();
    options.open?.delete(end);
    if (options.visitor) say('offline');
    res.end();
  }
  if (options.visitor) say('online');
  else {
    presence(false);
    say('ping');
  }
  options.open?.add(end);
  req.on('close', end);
  res.on('error', end);
  void pump();
}

/** The visitor's stream (mounted at the root, behind the public API's CORS). */
export function visitorStream(deps: Deps, options: StreamOptions = {}): Router {
  const r = express.Router();
  r.get('/conversations/:id/stream', async (req, res, next) => {
    try {
      const id = req.params.id;
      if (!ID.test(id)) return badRequest(res, 'conversationId', 'an id');
      const token = req.query.token;
      if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return badRequest(res, 'token', 'the conversation token');
      const cursor = cursorOf(req);
      if (!cursor.ok) return badRequest(res, cursor.field, 'a message seq (digits)');
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const target = await visitorStreamTarget(deps, id, token, origin);
      if (!target.ok) return refuse(res, target);
      follow(deps, req, res, target.value, cursor.after, { ...options, visitor: true });
    } catch (err) {
      next(err);
    }
  });
  return r;
}

/** The console's streams (mounted at /console, same origin, session cookie). */
export function consoleStreams(deps: Deps, options: StreamOptions = {}): Router {
  const r = express.Router();
  const session = async (req: Request, res: Response) => {
    const s = await loadSession(deps, readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!s) res.status(401).set('Cache-Control', 'no-store').json({ error: 'Sign in first' });
    return s;
  };
  r.get('/conversations/:id/stream', async (req, res, next) => {
    try {
      const s = await session(req, res);
      if (!s) return;
      const id = req.params.id;
      if (!ID.test(id)) return badRequest(res, 'conversationId', 'an id');
      const cursor = cursorOf(req);
      if (!cursor.ok) return badRequest(res, cursor.field, 'a message seq (digits)');
      const target = await staffStreamTarget(deps, s.businessId, id);
      if (!target.ok) return refuse(res, target);
      follow(deps, req, res, target.value, cursor.after, { ...options, visitor: false });
    } catch (err) {
      next(err);
    }
  });
  // Every conversation of the business: a signal per change (the inbox refreshes its list and unread counts).
  r.get('/stream', async (req, res, next) => {
    try {
      const s = await session(req, res);
      if (!s) return;
      openStream(res);
      const unsubscribe = deps.bus?.subscribe({ businessId: s.businessId }, (sig) => {
        // Presence beats are for the one conversation's staff stream, not the inbox's list.
        if (sig.kind === 'online' || sig.kind === 'offline' || sig.kind === 'ping') return;
        res.write(`event: conversation\ndata: ${JSON.stringify({ conversationId: sig.conversationId, seq: sig.seq, kind: sig.kind })}\n\n`);
      });
      const beat = setInterval(() => res.write(': hb\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
      const end = () => {
        clearInterval(beat);
        unsubscribe?.();
        options.open?.delete(end);
        res.end();
      };
      options.open?.add(end);
      req.on('close', end);
    } catch (err) {
      next(err);
    }
  });
  return r;
}
