import { describe, expect, it } from 'vitest';
import { createApi } from './api';

/** A fetch that records each request and answers like tRPC (or fails, when told to). */
function recorder(answer: (url: string) => Response = () => Response.json({ result: { data: { ok: true } } })) {
  const seen: { url: string; body: unknown }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    const u = new URL(url);
    const body = init?.body ? JSON.parse(init.body as string) : JSON.parse(u.searchParams.get('input') ?? 'null');
    seen.push({ url: u.pathname, body });
    return answer(url);
  }) as typeof fetch;
  return { seen, fetcher };
}

describe('createApi', () => {
  it('sends the conversation id with the calls of a conversation, not with manage-link calls', async () => {
    const { seen, fetcher } = recorder();
    const api = createApi('https://book.test/', 'conv-1', fetcher);
    await api.slots({ siteKey: 's', serviceId: 'x', from: '2026-06-10' });
    await api.hold({ siteKey: 's', serviceId: 'x', start: '2026-06-10T14:00:00Z' });
    await api.confirm({ holdToken: 'h', customer: { name: 'A', phone: '1234567' }, consent: true, lang: 'en', idempotencyKey: 'k-123456' });
    await api.quote({ siteKey: 's', treeId: 't', answers: {}, lang: 'en' });
    await api.interpret({ siteKey: 's', text: 'hi', lang: 'en' });
    await api.handoff({ siteKey: 's', message: 'm', contact: { name: 'A', phone: '1234567' }, lang: 'en' });
    await api.booking({ manageToken: 'tok' });
    const ids = seen.map((s) => [s.url, (s.body as { conversationId?: string }).conversationId]);
    expect(ids).toEqual([
      ['/trpc/slots.find', 'conv-1'],
      ['/trpc/booking.hold', 'conv-1'],
      ['/trpc/booking.confirm', 'conv-1'],
      ['/trpc/quote.evaluate', 'conv-1'],
      ['/trpc/chat.interpret', 'conv-1'],
      ['/trpc/handoff.request', 'conv-1'],
      ['/trpc/booking.get', undefined],
    ]);
  });

  it('fires events.record and swallows its failure (a lost KPI event never bothers the visitor)', async () => {
    const { seen, fetcher } = recorder(() => new Response('nope', { status: 500 }));
    const api = createApi('https://book.test/', 'conv-2', fetcher);
    expect(api.event({ siteKey: 's', kind: 'intent_chosen', intent: 'prices' })).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ url: '/trpc/events.record', body: { siteKey: 's', kind: 'intent_chosen', intent: 'prices', conversationId: 'conv-2' } }]);
  });
});
