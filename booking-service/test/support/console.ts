/**
 * The staff console over real HTTP, as a browser uses it: a cookie jar for `fd_session` and
 * the CSRF header on mutations. `call` speaks the raw wire format (so tests can walk procedures
 * by name); `client` is the typed tRPC client the console app uses.
 */
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { fetchOnceMore } from './fetch-once-more.js';
import type { ConsoleRouter } from '../../src/api/console/router.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';

export interface WireResult {
  status: number;
  /** `result.data` on success. */
  data?: any;
  /** The formatted error: { message, code, data: { code, httpStatus, reason?, fields?, … } }. */
  error?: { message: string; code: number; data: Record<string, any> };
  headers: Headers;
}

export interface ConsoleSessionClient {
  base: string;
  /** The raw `fd_session=…` value currently held (undefined when signed out). */
  cookie: string | undefined;
  csrf: string | undefined;
  /** Set-Cookie headers of the last response. */
  lastSetCookie: string[];
  call(path: string, input?: unknown, kind?: 'query' | 'mutation', opts?: { csrf?: string | null }): Promise<WireResult>;
  client: ReturnType<typeof createTRPCClient<ConsoleRouter>>;
}

export function consoleSession(base: string): ConsoleSessionClient {
  const s: ConsoleSessionClient = {
    base,
    cookie: undefined,
    csrf: undefined,
    lastSetCookie: [],
    async call(path, input, kind = 'query', opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (s.cookie) headers.cookie = `fd_session=${s.cookie}`;
      const csrf = opts.csrf === undefined ? s.csrf : opts.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
      const url = `${base}/console/trpc/${path}`;
      const res =
        kind === 'query'
          ? await fetch(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
          : await fetch(url, { method: 'POST', headers, body: JSON.stringify(input ?? null) });
      track(res.headers);
      const json = (await res.json()) as { result?: { data: unknown }; error?: WireResult['error'] };
      return { status: res.status, headers: res.headers, ...(json.result ? { data: json.result.data } : {}), ...(json.error ? { error: json.error } : {}) };
    },
    client: undefined as never,
  };
  const track = (h: Headers) => {
    s.lastSetCookie = h.getSetCookie();
    for (const c of s.lastSetCookie) {
      const m = /^fd_session=([^;]*)/.exec(c);
      if (m) s.cookie = m[1] || undefined;
    }
  };
  s.client = createTRPCClient<ConsoleRouter>({
    links: [
      httpLink({
        url: `${base}/console/trpc`,
        headers: () => ({ ...(s.cookie ? { cookie: `fd_session=${s.cookie}` } : {}), ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}) }),
        fetch: async (url, init) => {
          // A keep-alive socket the server closed while idle may be reset under load: once more on a new one.
          const res = await fetchOnceMore(String(url), init);
          track(res.headers);
          return res;
        },
      }),
    ],
  });
  return s;
}

/** Signs in over HTTP and keeps the cookie and CSRF token. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<ConsoleSessionClient> {
  const s = consoleSession(base);
  const me = await s.client.auth.login.mutate({ email, password });
  s.csrf = me.csrfToken;
  return s;
}

export const ownerOf = (siteKey: string) => `owner@${siteKey}.demo`;
export const staffAccount = (staffId: string, siteKey: string) => `${staffId}@${siteKey}.demo`;

/** The tRPC error code of a failed typed call (e.g. 'FORBIDDEN'), with its data. */
export async function consoleFailure(p: Promise<unknown>): Promise<{ code: string; message: string; data: Record<string, any> }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCClientError) {
      const data = (err.data ?? {}) as Record<string, any>;
      return { code: String(data.code), message: err.message, data };
    }
    throw err;
  }
  throw new Error('expected the call to fail');
}
