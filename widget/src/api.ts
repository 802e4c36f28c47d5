/**
 * The booking service client: the only place the widget talks to the network.
 * It speaks tRPC's HTTP protocol (queries as GET ?input=, mutations as POST JSON,
 * no transformer) through a proxy typed as `TRPCClient<AppRouter>`, so every call
 * is checked against the service's router, and adapts it to the flows' `ApiPort`,
 * turning every error into a `Failure` value.
 *
 * Why not @trpc/client's httpLink: its runtime (links, observables, subscriptions)
 * is 4.8 KB gzip, a quarter of the widget's whole 20 KB budget; this is ~0.4 KB.
 */
import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../booking-service/src/api/router';
import type { ApiPort, Failure, Result } from './flow/port';

/**
 * The `error.data` of a tRPC error body (our service adds `fields` and `alternatives`).
 * No body at all (fetch failed, a proxy's HTML page) means the service was not reached.
 * Codes outside `FailureCode` (INTERNAL_SERVER_ERROR…) reach the UI as its generic message.
 */
export function toFailure(data: unknown): Failure {
  const d = data as Partial<Failure> | undefined;
  return d?.code ? { code: d.code } : { code: 'NETWORK' };
}

/** A `TRPCClient<AppRouter>` look-alike: `client.site.get.query(input)`, `client.booking.hold.mutate(input)`. */
export function trpc(url: string, fetcher: typeof fetch = (...a) => fetch(...a)): TRPCClient<AppRouter> {
  const call = async (path: string, kind: string, input: unknown) => {
    const json = JSON.stringify(input);
    const res = await fetcher(
      kind === 'query' ? `${url}/${path}?input=${encodeURIComponent(json)}` : `${url}/${path}`,
      kind === 'query' ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: json },
    );
    const body = (await res.json().catch(() => null)) as { result?: { data: unknown }; error?: { data?: unknown } } | null;
    // Thrown as a value the caller maps: the error's `data`, or nothing for a non-tRPC answer.
    // A plain object rather than an Error: the panel's byte budget, and nothing reads a stack.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (!res.ok || !body?.result) throw { data: body?.error?.data };
    return body.result.data;
  };
  const proxy = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_, key: string) => (key === 'query' || key === 'mutate' ? (input: unknown) => call(path.join('.'), key, input) : proxy([...path, key])),
    });
  return proxy([]) as TRPCClient<AppRouter>;
}

async function run<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (e) {
    return { ok: false, error: toFailure((e as { data?: unknown }).data) };
  }
}

/** @example const api = createApi('https://book.example/'); await api.site({ siteKey: 'demo-salon-spb', lang: 'ru' }) */
export function createApi(base: string, fetcher?: typeof fetch): ApiPort {
  const t = trpc(new URL('trpc', base).href, fetcher);
  return {
    site: (i) => run(() => t.site.get.query(i)),
    send: (i) => run(() => t.conversation.send.mutate(i)),
    get: (i) => run(() => t.conversation.get.query(i)),
    // A lost KPI event must never disturb the visitor: the failure value is dropped.
    event: (i) => void run(() => t.events.record.mutate(i)),
  };
}
