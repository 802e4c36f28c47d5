/**
 * Live push across service processes (issue 13): two real services on one PostgreSQL database; a
 * change written through one reaches an SSE client connected to the other (LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/db.js';
import { startService, type RunningService } from './support/spawn-service.js';
import { openSse } from './support/sse.js';
import { ownerOf, signIn } from './support/console.js';
import type { ConversationView } from '../src/domain/conversation/protocol.js';

const BARBER = 'demo-barber-nyc';

async function send(base: string, body: Record<string, unknown>): Promise<ConversationView> {
  const res = await fetch(`${base}/trpc/conversation.send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: BARBER, lang: 'en', ...body }) });
  const json = (await res.json()) as { result: { data: ConversationView } };
  return json.result.data;
}

describe.runIf(process.env.DATABASE_URL)('live push: two service processes on PostgreSQL', () => {
  let database: TestDatabase;
  let a: RunningService;
  let b: RunningService;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.url!, SEED_DEMO: 'true', APP_SECRET: 'x'.repeat(40), DB_POOL_SIZE: '4', JOBS: 'false' };
    // One after the other: both seed the same database.
    a = await startService(env);
    b = await startService(env);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it('a message written through process A reaches a stream on process B within 2 s', async () => {
    let v = await send(a.url, { after: 0, event: { type: 'choose', optionId: 'intent:human' } });
    const stream = await openSse(`${b.url}/conversations/${v.conversationId}/stream?token=${v.token}&after=${v.seq}`);
    expect(stream.status).toBe(200);
    await stream.next((f) => f.event === 'status');
    const started = Date.now();
    v = await send(a.url, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'text', text: 'Through A' } });
    const f = await stream.next((x) => x.event === 'message' && JSON.parse(x.data).text === 'Through A', 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(Number(f.id)).toBe(JSON.parse(f.data).seq);
    stream.close();
  });

  it('a staff reply sent through the console on A reaches the visitor’s widget stream on B', async () => {
    let v = await send(a.url, { after: 0, event: { type: 'choose', optionId: 'intent:human' } });
    v = await send(a.url, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'text', text: 'A question for a person' } });
    v = await send(a.url, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'contact', name: 'Ari', contact: 'ari@example.com', consent: true } });
    const card = v.messages.find((m) => m.card?.kind === 'handoff')!.card!;
    const stream = await openSse(`${b.url}/conversations/${v.conversationId}/stream?token=${v.token}&after=${v.seq}`);
    await stream.next((f) => f.event === 'status');
    const owner = await signIn(a.url, ownerOf(BARBER));
    const started = Date.now();
    await owner.client.inbox.reply.mutate({ id: card.kind === 'handoff' ? card.handoffId : '', body: 'Hello from process A' });
    const f = await stream.next((x) => x.event === 'message' && JSON.parse(x.data).from === 'staff', 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.parse(f.data)).toMatchObject({ text: 'Hello from process A', from: 'staff' });
    stream.close();
  });
});
