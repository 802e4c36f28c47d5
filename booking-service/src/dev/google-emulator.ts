/**
 * A loopback emulator of the parts of Google Calendar API v3 and Google's OAuth 2.0 endpoints
 * that Frontdesk uses, so the real `@googleapis/calendar` client and google-auth-library can be
 * tested (and demoed) without a Google account. Faithful to the public reference where we rely on it:
 * - events.list: pageToken/nextPageToken, nextSyncToken on the last page only, `syncToken`
 *   returning changes since (deleted events as `status: "cancelled"`), 410 `fullSyncRequired`
 *   for an invalidated token, 400 when syncToken is combined with timeMin/timeMax,
 *   `singleEvents` expanding RRULE FREQ=DAILY|WEEKLY with COUNT/UNTIL/INTERVAL into instances
 *   `<id>_<yyyymmddThhmmssZ>` with `recurringEventId`, `privateExtendedProperty` filter;
 * - events.insert with a client-chosen id (base32hex, 5–1024 chars; 409 `duplicate`),
 *   events.patch (extendedProperties merged per key), events.delete (410 `deleted` the 2nd time);
 * - freeBusy.query (opaque, non-cancelled, not declined events); calendarList.list (one page);
 * - events.watch / channels.stop, with push notifications POSTed to the channel address carrying
 *   X-Goog-Channel-ID, X-Goog-Channel-Token, X-Goog-Channel-Expiration, X-Goog-Resource-ID,
 *   X-Goog-Resource-URI, X-Goog-Resource-State (`sync` first, then `exists`) and X-Goog-Message-Number;
 * - the OAuth token endpoint (authorization_code and refresh_token grants, `invalid_grant`) and a
 *   consent page labelled as a demo calendar.
 * Faults can be switched on: latency, 500, 403 rateLimitExceeded, 429, hanging requests, and
 * requests carried out whose answer is lost.
 * One emulated user owns every calendar; `primary` is just a calendar id. With `demo: true` its
 * root also serves the demo calendar's page (dev/google-demo-page.ts).
 */
import { escapeHtml } from '@frontdesk/shared';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoPage } from './google-demo-page.js';

export interface EventTime { dateTime?: string; date?: string; timeZone?: string }

export interface EmulatedEvent {
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  summary?: string;
  description?: string;
  start: EventTime;
  end: EventTime;
  transparency?: 'opaque' | 'transparent';
  attendees?: Array<{ email: string; self?: boolean; responseStatus?: string; displayName?: string }>;
  recurrence?: string[];
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  recurringEventId?: string;
  originalStartTime?: EventTime;
  [key: string]: unknown;
}

interface Stored { event: EmulatedEvent; seq: number; created: string; updated: string; etagN: number }
interface Calendar { events: Map<string, Stored>; generation: number }
interface Channel { id: string; resourceId: string; calendarId: string; address: string; token?: string | undefined; expiration: number; messages: number }

export type Fault =
  /** `retryAfterSec` adds a Retry-After header, as Google may on 429 and 503. */
  | { kind: 'status'; status: 500 | 503 | 429; retryAfterSec?: number }
  | { kind: 'rateLimit'; retryAfterSec?: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  /** The request is carried out but the answer is lost (a 503 instead): what retries must survive. */
  | { kind: 'lostResponse' };

export interface GoogleEmulator {
  url: string;
  /** `rootUrl` for the googleapis client. */
  apiRoot: string;
  tokenUrl: string;
  authUrl: string;
  /** Event as it is stored (the series master for recurring events). */
  event(calendarId: string, eventId: string): EmulatedEvent | undefined;
  /** Live (non-cancelled) events of a calendar, unexpanded. */
  events(calendarId: string): EmulatedEvent[];
  /** Change a calendar "by hand" (as the user in Google Calendar would); pushes follow. */
  insertEvent(calendarId: string, event: Partial<EmulatedEvent> & Pick<EmulatedEvent, 'start' | 'end'>): EmulatedEvent;
  patchEvent(calendarId: string, eventId: string, patch: Partial<EmulatedEvent>): EmulatedEvent;
  deleteEvent(calendarId: string, eventId: string): void;
  /** Makes every sync token of the calendar stale: the next incremental list gets 410. */
  invalidateSyncTokens(calendarId: string): void;
  /** An authorization code as the consent page would issue it. */
  issueCode(opts?: { scope?: string }): string;
  /** Revokes a refresh token (and its access tokens): the next refresh is `invalid_grant`. */
  revokeAll(): void;
  setFault(fault: Fault | null, opts?: { includeToken?: boolean }): void;
  /** Count of API calls by `METHOD name` (e.g. `POST insert`) that reached a handler and succeeded; `FAULT <status>` counts injected failures. */
  calls: Map<string, number>;
  channels(): Channel[];
  /** Resolves when every push notification sent so far has been answered. */
  flushPushes(): Promise<void>;
  close(): Promise<void>;
}

const SCOPE_DEFAULT = 'https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.readonly';

/** The emulated user's primary calendar, named so nobody mistakes it for their Google Calendar. */
export const PRIMARY_SUMMARY = 'Demo calendar (not Google)';

export async function startGoogleEmulator(opts: { port?: number; host?: string; now?: () => number; demo?: boolean } = {}): Promise<GoogleEmulator> {
  const now = opts.now ?? Date.now;
  const calendars = new Map<string, Calendar>();
  const channels = new Map<string, Channel>();
  const codes = new Map<string, string>();
  const refreshTokens = new Set<string>();
  const accessTokens = new Map<string, number>();
  const calls = new Map<string, number>();
  const pushes = new Set<Promise<void>>();
  let seq = 1;
  let fault: Fault | null = null;
  let faultOnToken = false;

  const cal = (id: string): Calendar => {
    let c = calendars.get(id);
    if (!c) calendars.set(id, (c = { events: new Map(), generation: 1 }));
    return c;
  };
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);

  function notify(calendarId: string) {
    for (const ch of channels.values()) {
      if (ch.calendarId !== calendarId || ch.expiration <= now()) continue;
      send(ch, 'exists');
    }
  }
  function send(ch: Channel, state: 'sync' | 'exists') {
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': ch.id,
      'X-Goog-Channel-Expiration': new Date(ch.expiration).toUTCString(),
      'X-Goog-Resource-ID': ch.resourceId,
      'X-Goog-Resource-URI': `${base}/calendar/v3/calendars/${encodeURIComponent(ch.calendarId)}/events?alt=json`,
      'X-Goog-Resource-State': state,
      'X-Goog-Message-Number': String(++ch.messages),
      'Content-Length': '0',
    };
    if (ch.token !== undefined) headers['X-Goog-Channel-Token'] = ch.token;
    const p = fetch(ch.address, { method: 'POST', headers })
      .then((r) => r.arrayBuffer())
      .then(() => undefined, () => undefined)
      .finally(() => pushes.delete(p));
    pushes.add(p);
  }

  function store(calendarId: string, ev: EmulatedEvent, existing?: Stored): EmulatedEvent {
    const t = new Date(now()).toISOString();
    const s: Stored = { event: ev, seq: seq++, created: existing?.created ?? t, updated: t, etagN: (existing?.etagN ?? 0) + 1 };
    cal(calendarId).events.set(ev.id, s);
    notify(calendarId);
    return present(calendarId, s);
  }

  function present(calendarId: string, s: Stored): EmulatedEvent {
    return {
      kind: 'calendar#event',
      etag: `"${s.seq}${s.etagN}"`,
      htmlLink: `${base}/calendar/event?eid=${s.event.id}`,
      created: s.created,
      updated: s.updated,
      iCalUID: `${s.event.id}@emulator.local`,
      organizer: { email: calendarId, self: true },
      creator: { email: calendarId, self: true },
      ...s.event,
    };
  }

  function newEvent(body: Partial<EmulatedEvent>, id?: string): EmulatedEvent {
    return { ...body, id: id ?? randomBytes(13).toString('hex'), status: body.status ?? 'confirmed' } as EmulatedEvent;
  }

  const api: Omit<GoogleEmulator, 'url' | 'apiRoot' | 'tokenUrl' | 'authUrl' | 'close' | 'calls' | 'flushPushes' | 'channels'> = {
    event: (c, id) => calendars.get(c)?.events.get(id)?.event,
    events: (c) => [...(calendars.get(c)?.events.values() ?? [])].filter((s) => s.event.status !== 'cancelled').map((s) => s.event),
    insertEvent: (c, ev) => store(c, newEvent(ev, ev.id)),
    patchEvent: (c, id, patch) => {
      const s = cal(c).events.get(id);
      if (!s) throw new Error(`no event ${id}`);
      return store(c, merge(s.event, patch), s);
    },
    deleteEvent: (c, id) => {
      const s = cal(c).events.get(id);
      if (!s) throw new Error(`no event ${id}`);
      store(c, { ...s.event, status: 'cancelled' }, s);
    },
    invalidateSyncTokens: (c) => void cal(c).generation++,
    issueCode: (o = {}) => {
      const code = `4/${randomBytes(12).toString('base64url')}`;
      codes.set(code, o.scope ?? SCOPE_DEFAULT);
      return code;
    },
    revokeAll: () => {
      refreshTokens.clear();
      accessTokens.clear();
    },
    setFault: (f, o = {}) => {
      fault = f;
      faultOnToken = o.includeToken ?? false;
    },
  };

  const server: Server = createServer((req, res) => {
    if (fault?.kind === 'lostResponse' && req.url?.startsWith('/calendar/')) {
      const sink = { headersSent: false, writeHead: () => sink, end: () => sink } as unknown as ServerResponse;
      void handle(req, sink, true).then(
        () => apiError(res, 503, 'global', 'backendError', 'Backend Error'),
        () => apiError(res, 503, 'global', 'backendError', 'Backend Error'),
      );
      return;
    }
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: { code: 500, message: String(err) } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, faultDone = false) {
    const url = new URL(req.url ?? '/', base);
    const body = await readBody(req);
    const isToken = url.pathname === '/token';
    if (fault && !faultDone && fault.kind !== 'lostResponse' && (!isToken || faultOnToken) && url.pathname !== '/o/oauth2/v2/auth') {
      if (fault.kind === 'hang') return; // never answered: the client's timeout must fire
      if (fault.kind === 'latency') await new Promise((r) => setTimeout(r, fault && fault.kind === 'latency' ? fault.ms : 0));
      else {
        const extra: Record<string, string> = fault.retryAfterSec !== undefined ? { 'retry-after': String(fault.retryAfterSec) } : {};
        count(`FAULT ${fault.kind === 'rateLimit' ? 403 : fault.status}`);
        if (fault.kind === 'rateLimit') return apiError(res, 403, 'usageLimits', 'rateLimitExceeded', 'Rate Limit Exceeded', extra);
        if (fault.status === 429) return apiError(res, 429, 'usageLimits', 'rateLimitExceeded', 'Rate Limit Exceeded', extra);
        return apiError(res, fault.status, 'global', 'backendError', 'Backend Error', extra);
      }
    }
    if (isToken && req.method === 'POST') return token(res, new URLSearchParams(body));
    if (url.pathname === '/o/oauth2/v2/auth') return consent(url, res);
    if (opts.demo && demoPage(api, req.method ?? 'GET', url, body, res)) return;
    if (!url.pathname.startsWith('/calendar/v3/')) return apiError(res, 404, 'global', 'notFound', 'Not Found');

    const auth = req.headers.authorization ?? '';
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const exp = accessTokens.get(bearer);
    if (!exp || exp <= Date.now()) return apiError(res, 401, 'global', 'authError', 'Invalid Credentials');

    const path = url.pathname.slice('/calendar/v3'.length).split('/').map(decodeURIComponent);
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    // ['', 'calendars', id, 'events', eventId?]
    if (path[1] === 'freeBusy' && req.method === 'POST') return freeBusy(res, input);
    if (path[1] === 'channels' && path[2] === 'stop' && req.method === 'POST') {
      const ch = channels.get(String(input.id));
      if (!ch || ch.resourceId !== input.resourceId) return apiError(res, 404, 'global', 'notFound', `Channel '${String(input.id)}' not found for project`);
      channels.delete(ch.id);
      count('POST stop');
      res.writeHead(204).end();
      return;
    }
    if (path[1] === 'users' && path[2] === 'me' && path[3] === 'calendarList' && !path[4] && req.method === 'GET') {
      // Pages like Google's: maxResults (default 100, at most 250) and an opaque nextPageToken.
      const max = Math.min(Number(url.searchParams.get('maxResults') ?? 100) || 100, 250);
      const from = url.searchParams.get('pageToken');
      const offset = from ? Number(Buffer.from(from, 'base64url').toString('utf8').replace(/^cl:/, '')) : 0;
      if (!Number.isInteger(offset) || offset < 0) return apiError(res, 400, 'global', 'invalid', 'Invalid page token value.');
      count('GET calendarList');
      const ids = [...new Set(['primary', ...calendars.keys()])];
      const page = ids.slice(offset, offset + max);
      return json(res, 200, {
        kind: 'calendar#calendarList',
        etag: `"${seq}"`,
        items: page.map((id) => ({ kind: 'calendar#calendarListEntry', id, summary: id === 'primary' ? PRIMARY_SUMMARY : id, primary: id === 'primary', accessRole: 'owner' })),
        ...(offset + max < ids.length ? { nextPageToken: Buffer.from(`cl:${offset + max}`).toString('base64url') } : { nextSyncToken: encodeToken({ kind: 'sync', calendarId: '@list', seq, generation: 1 }) }),
      });
    }
    if (path[1] !== 'calendars' || path[3] !== 'events' || !path[2]) return apiError(res, 404, 'global', 'notFound', 'Not Found');
    const calendarId = path[2];
    const eventId = path[4];
    if (eventId === 'watch' && req.method === 'POST') return watch(res, calendarId, input);
    if (!eventId && req.method === 'GET') return list(res, calendarId, url.searchParams);
    if (!eventId && req.method === 'POST') return insert(res, calendarId, input);
    if (!eventId) return apiError(res, 405, 'global', 'methodNotAllowed', 'Method Not Allowed');
    const s = cal(calendarId).events.get(eventId);
    if (req.method === 'GET') {
      if (!s) return apiError(res, 404, 'global', 'notFound', 'Not Found');
      return json(res, 200, present(calendarId, s));
    }
    if (req.method === 'PATCH' || req.method === 'PUT') {
      if (!s) return apiError(res, 404, 'global', 'notFound', 'Not Found');
      count('PATCH patch');
      const next = req.method === 'PUT' ? newEvent(input, eventId) : merge(s.event, input);
      // Patching a deleted event without a status leaves it deleted, as on Google.
      return json(res, 200, store(calendarId, next, s));
    }
    if (req.method === 'DELETE') {
      if (!s) return apiError(res, 404, 'global', 'notFound', 'Not Found');
      if (s.event.status === 'cancelled') return apiError(res, 410, 'global', 'deleted', 'Resource has been deleted');
      count('DELETE delete');
      store(calendarId, { ...s.event, status: 'cancelled' }, s);
      res.writeHead(204).end();
      return;
    }
    return apiError(res, 405, 'global', 'methodNotAllowed', 'Method Not Allowed');
  }

  function insert(res: ServerResponse, calendarId: string, input: Record<string, unknown>) {
    const ev = input as Partial<EmulatedEvent>;
    if (!ev.start || !ev.end) return apiError(res, 400, 'global', 'required', 'Missing end time.');
    if (ev.id !== undefined && !/^[a-v0-9]{5,1024}$/.test(ev.id)) return apiError(res, 400, 'global', 'invalid', 'Invalid resource id value.');
    if (ev.id !== undefined && cal(calendarId).events.has(ev.id)) {
      return apiError(res, 409, 'global', 'duplicate', 'The requested identifier already exists.');
    }
    count('POST insert');
    return json(res, 200, store(calendarId, newEvent(ev, ev.id)));
  }

  function list(res: ServerResponse, calendarId: string, q: URLSearchParams) {
    const c = cal(calendarId);
    const syncToken = q.get('syncToken');
    const single = q.get('singleEvents') === 'true';
    const max = Math.min(Number(q.get('maxResults') ?? 250) || 250, 2500);
    const pageToken = q.get('pageToken');
    let since = 0;
    let snapshot = seq - 1;
    let offset = 0;
    if (pageToken) {
      const p = decodeToken(pageToken);
      if (!p || p.kind !== 'page') return apiError(res, 400, 'global', 'invalid', 'Invalid page token value.');
      ({ since, snapshot, offset } = p);
    } else if (syncToken) {
      if (q.get('timeMin') || q.get('timeMax') || q.get('orderBy') || q.get('privateExtendedProperty')) {
        return apiError(res, 400, 'global', 'invalid', 'Sync token cannot be used with these parameters.');
      }
      const t = decodeToken(syncToken);
      if (!t || t.kind !== 'sync' || t.calendarId !== calendarId || t.generation !== c.generation) {
        return apiError(res, 410, 'global', 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
      }
      since = t.seq;
    }
    const timeMin = q.get('timeMin') ? Date.parse(q.get('timeMin')!) : -Infinity;
    const timeMax = q.get('timeMax') ? Date.parse(q.get('timeMax')!) : Infinity;
    const showDeleted = since > 0 || q.get('showDeleted') === 'true';
    const prop = q.getAll('privateExtendedProperty').map((p) => p.split('=') as [string, string]);

    const items: EmulatedEvent[] = [];
    const stored = [...c.events.values()].filter((s) => s.seq > since && s.seq <= snapshot).sort((a, b) => a.seq - b.seq);
    for (const s of stored) {
      if (!showDeleted && s.event.status === 'cancelled') continue;
      if (prop.some(([k, v]) => s.event.extendedProperties?.private?.[k] !== v)) continue;
      const shown = present(calendarId, s);
      const expanded = single && s.event.recurrence ? expand(shown) : [shown];
      for (const e of expanded) {
        if (e.status !== 'cancelled' && (instantOf(e.end) <= timeMin || instantOf(e.start) >= timeMax)) continue;
        items.push(e);
      }
    }
    if (q.get('orderBy') === 'startTime') items.sort((a, b) => instantOf(a.start) - instantOf(b.start));
    const page = items.slice(offset, offset + max);
    const more = offset + max < items.length;
    count('GET list');
    json(res, 200, {
      kind: 'calendar#events',
      etag: `"${snapshot}"`,
      summary: calendarId,
      updated: new Date(now()).toISOString(),
      timeZone: 'UTC',
      accessRole: 'owner',
      items: page,
      ...(more
        ? { nextPageToken: encodeToken({ kind: 'page', since, snapshot, offset: offset + max }) }
        : { nextSyncToken: encodeToken({ kind: 'sync', calendarId, seq: snapshot, generation: c.generation }) }),
    });
  }

  function freeBusy(res: ServerResponse, input: Record<string, unknown>) {
    const min = Date.parse(String(input.timeMin));
    const max = Date.parse(String(input.timeMax));
    const out: Record<string, { busy: Array<{ start: string; end: string }> }> = {};
    for (const item of (input.items as Array<{ id: string }> | undefined) ?? []) {
      const busy: Array<{ start: number; end: number }> = [];
      for (const s of cal(item.id).events.values()) {
        if (s.event.status === 'cancelled' || s.event.transparency === 'transparent') continue;
        if (s.event.attendees?.some((a) => a.self && a.responseStatus === 'declined')) continue;
        for (const e of s.event.recurrence ? expand(present(item.id, s)) : [s.event]) {
          const a = Math.max(instantOf(e.start), min);
          const b = Math.min(instantOf(e.end), max);
          if (a < b) busy.push({ start: a, end: b });
        }
      }
      busy.sort((x, y) => x.start - y.start);
      out[item.id] = { busy: busy.map((b) => ({ start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString() })) };
    }
    count('POST freeBusy');
    json(res, 200, { kind: 'calendar#freeBusy', timeMin: input.timeMin, timeMax: input.timeMax, calendars: out });
  }

  function watch(res: ServerResponse, calendarId: string, input: Record<string, unknown>) {
    const id = typeof input.id === 'string' ? input.id : '';
    if (!id || !/^[A-Za-z0-9\-_+/=]{1,64}$/.test(id)) return apiError(res, 400, 'global', 'invalid', 'Invalid channel id.');
    if (channels.has(id)) return apiError(res, 400, 'push', 'channelIdNotUnique', 'Channel id not unique');
    if (input.type !== 'web_hook' || typeof input.address !== 'string') return apiError(res, 400, 'push', 'invalid', 'Invalid channel type.');
    const ttl = Number((input.params as { ttl?: string } | undefined)?.ttl ?? 604_800);
    const ch: Channel = {
      id,
      resourceId: randomBytes(10).toString('hex'),
      calendarId,
      address: input.address,
      token: typeof input.token === 'string' ? input.token : undefined,
      expiration: now() + Math.min(ttl, 2_592_000) * 1000,
      messages: 0,
    };
    channels.set(id, ch);
    count('POST watch');
    json(res, 200, {
      kind: 'api#channel',
      id,
      resourceId: ch.resourceId,
      resourceUri: `${base}/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events?alt=json`,
      ...(ch.token !== undefined ? { token: ch.token } : {}),
      expiration: String(ch.expiration),
    });
    send(ch, 'sync');
  }

  function token(res: ServerResponse, form: URLSearchParams) {
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const scope = codes.get(form.get('code') ?? '');
      if (!scope) return json(res, 400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
      codes.delete(form.get('code')!);
      const refresh = `1//${randomBytes(24).toString('base64url')}`;
      refreshTokens.add(refresh);
      return json(res, 200, { ...access(), refresh_token: refresh, scope });
    }
    if (grant === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? '')) {
        return json(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      }
      return json(res, 200, { ...access(), scope: SCOPE_DEFAULT });
    }
    return json(res, 400, { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${grant ?? ''}` });
  }

  function access() {
    const t = `ya29.${randomBytes(24).toString('base64url')}`;
    // Access tokens live an hour of real time: google-auth-library judges expiry by Date.now().
    accessTokens.set(t, Date.now() + 3_600_000);
    return { access_token: t, expires_in: 3599, token_type: 'Bearer' };
  }

  function consent(url: URL, res: ServerResponse) {
    const redirect = url.searchParams.get('redirect_uri');
    const state = url.searchParams.get('state') ?? '';
    if (!redirect) return json(res, 400, { error: 'invalid_request', error_description: 'Missing redirect_uri' });
    const decision = url.searchParams.get('approve');
    if (decision === '1' || decision === '0') {
      // As Google does: back to the redirect URI with a code, or with error=access_denied.
      const to = new URL(redirect);
      if (decision === '1') to.searchParams.set('code', api.issueCode({ scope: url.searchParams.get('scope') ?? SCOPE_DEFAULT }));
      else to.searchParams.set('error', 'access_denied');
      to.searchParams.set('state', state);
      res.writeHead(302, { location: to.toString() }).end();
      return;
    }
    const link = (v: '1' | '0') => {
      const u = new URL(url);
      u.searchParams.set('approve', v);
      return escapeHtml(u.pathname + u.search);
    };
    const scopes = (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean);
    const explain = (s: string) =>
      s.endsWith('/calendar.events') ? 'See and change events in your calendars' : s.endsWith('/calendar.calendarlist.readonly') ? 'See the list of your calendars' : s;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>Demo calendar — not Google</title><style>${CONSENT_CSS}</style></head><body><main>` +
          `<p class="badge">Demo — this is not Google</p>` +
          `<h1>Demo calendar — not Google</h1>` +
          `<p>This page stands in for Google's sign-in in the Frontdesk demo. No Google account is used; ` +
          `the calendar lives in the demo service's memory and is forgotten when it restarts.</p>` +
          `<h2>Frontdesk asks to</h2><ul>${scopes.map((s) => `<li>${escapeHtml(explain(s))}</li>`).join('')}</ul>` +
          `<p class="actions"><a class="allow" href="${link('1')}">Allow</a> <a href="${link('0')}">Cancel</a></p>` +
          `</main></body></html>`,
      );
  }

  await new Promise<void>((r) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => r()));
  const base = `http://${opts.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;

  return {
    ...api,
    url: base,
    apiRoot: `${base}/`,
    tokenUrl: `${base}/token`,
    authUrl: `${base}/o/oauth2/v2/auth`,
    calls,
    channels: () => [...channels.values()],
    flushPushes: async () => {
      while (pushes.size > 0) await Promise.all([...pushes]);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function merge(ev: EmulatedEvent, patch: Partial<EmulatedEvent>): EmulatedEvent {
  const next = { ...ev, ...patch };
  if (patch.extendedProperties) {
    next.extendedProperties = {
      private: { ...ev.extendedProperties?.private, ...patch.extendedProperties.private },
      shared: { ...ev.extendedProperties?.shared, ...patch.extendedProperties.shared },
    };
  }
  next.id = ev.id;
  return next;
}

type Token =
  | { kind: 'sync'; calendarId: string; seq: number; generation: number }
  | { kind: 'page'; since: number; snapshot: number; offset: number };

const encodeToken = (t: Token) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken(s: string): Token | null {
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Token;
  } catch {
    return null;
  }
}

/** All-day dates are read as UTC midnight here; consumers apply the calendar's zone themselves. */
function instantOf(t: EventTime): number {
  return t.dateTime ? Date.parse(t.dateTime) : Date.parse(`${t.date ?? '1970-01-01'}T00:00:00Z`);
}

const DAY = 86_400_000;

/** RRULE FREQ=DAILY|WEEKLY with INTERVAL, COUNT or UNTIL (no BYDAY): enough for "every Monday lunch". */
function expand(master: EmulatedEvent): EmulatedEvent[] {
  const rule = master.recurrence?.find((r) => r.startsWith('RRULE:'));
  if (!rule) return [master];
  const parts = Object.fromEntries(rule.slice(6).split(';').map((p) => p.split('=') as [string, string]));
  const step = (parts.FREQ === 'WEEKLY' ? 7 : parts.FREQ === 'DAILY' ? 1 : 0) * DAY * Number(parts.INTERVAL ?? 1);
  if (!step) return [master];
  const start = instantOf(master.start);
  const len = instantOf(master.end) - start;
  const countMax = parts.COUNT ? Number(parts.COUNT) : 730;
  const until = parts.UNTIL ? parseUntil(parts.UNTIL) : Infinity;
  const out: EmulatedEvent[] = [];
  for (let i = 0; i < countMax; i++) {
    const s = start + i * step;
    if (s > until) break;
    const allDay = Boolean(master.start.date);
    const fmt = (ms: number): EventTime =>
      allDay ? { date: new Date(ms).toISOString().slice(0, 10) } : { dateTime: new Date(ms).toISOString(), ...(master.start.timeZone ? { timeZone: master.start.timeZone } : {}) };
    const stamp = new Date(s).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const { recurrence: _r, ...rest } = master;
    out.push({
      ...rest,
      id: `${master.id}_${allDay ? stamp.slice(0, 8) : stamp}`,
      recurringEventId: master.id,
      originalStartTime: fmt(s),
      start: fmt(s),
      end: fmt(s + len),
    });
  }
  return out;
}

function parseUntil(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(v);
  if (!m) return Infinity;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 23), +(m[5] ?? 59), +(m[6] ?? 59));
}

const CONSENT_CSS =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f4f5;color:#18181b}' +
  'main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;border:1px solid #d4d4d8}' +
  '.badge{display:inline-block;background:#fef3c7;color:#78350f;border:1px solid #b45309;padding:.1rem .6rem;border-radius:999px;font-weight:600}' +
  'h1{font-size:1.5rem}h2{font-size:1.1rem}.actions a{display:inline-block;margin-right:1rem;padding:.5rem 1.2rem;border-radius:6px;color:#1d4ed8}' +
  '.actions a.allow{background:#1d4ed8;color:#fff;text-decoration:none}a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers }).end(JSON.stringify(body));
}

/** Google's error envelope: `{ error: { errors: [{ domain, reason, message }], code, message } }`. */
function apiError(res: ServerResponse, code: number, domain: string, reason: string, message: string, headers: Record<string, string> = {}) {
  json(res, code, { error: { errors: [{ domain, reason, message }], code, message } }, headers);
}

