import { describe, expect, it } from 'vitest';
import { createApi } from './api';

/** A fetch that records each request and answers like tRPC (or fails, when told to). */
function recorder(answer: (url: string) => Response = () => Response.json({ result: { data: { ok: true } } })) {
  const seen: { url: string; method: string; body: unknown }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    const u = new URL(url);
    const body = init?.body ? JSON.parse(init.body as string) : JSON.parse(u.searchParams.get('input') ?? 'null');
    seen.push({ url: u.pathname, method: init?.method ?? 'GET', body });
    return answer(url);
  }) as typeof fetch;
  return { seen, fetcher };
}

describe('createApi', () => {
  it('plays a turn as a mutation and resumes as a query', async () => {
    const { seen, fetcher } = recorder();
    const api = createApi('https://book.test/', fetcher);
    const event = { type: 'choose', optionId: 'intent:book' } as const;
    await api.send({ siteKey: 's', lang: 'en', after: 0, event });
    await api.get({ conversationId: 'c', token: 't', after: 3 });
    expect(seen).toEqual([
      { url: '/trpc/conversation.send', method: 'POST', body: { siteKey: 's', lang: 'en', after: 0, event } },
      { url: '/trpc/conversation.get', method: 'GET', body: { conversationId: 'c', token: 't', after: 3 } },
    ]);
  });

  it('turns a tRPC error into its code, and anything else into NETWORK', async () => {
    const api = createApi('https://book.test/', recorder(() => Response.json({ error: { data: { code: 'NOT_FOUND' } } }, { status: 404 })).fetcher);
    expect(await api.get({ conversationId: 'c', token: 't', after: 0 })).toEqual({ ok: false, error: { code: 'NOT_FOUND' } });
    const down = createApi('https://book.test/', recorder(() => new Response('<html>', { status: 502 })).fetcher);
    expect(await down.get({ conversationId: 'c', token: 't', after: 0 })).toEqual({ ok: false, error: { code: 'NETWORK' } });
  });

  it('fires events.record and swallows its failure (a lost KPI event never bothers the visitor)', async () => {
    const { seen, fetcher } = recorder(() => new Response('nope', { status: 500 }));
    const api = createApi('https://book.test/', fetcher);
    expect(api.event({ siteKey: 's', kind: 'widget_opened', conversationId: 'c-2' })).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ url: '/trpc/events.record', method: 'POST', body: { siteKey: 's', kind: 'widget_opened', conversationId: 'c-2' } }]);
  });
});
