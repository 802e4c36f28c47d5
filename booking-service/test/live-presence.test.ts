/**
 * Staff see whether the visitor's chat is open (issue 13, "who is online, where it is cheap"): the
 * console's conversation stream says `event: presence` {online} — true while the visitor's widget
 * holds its stream open, false when it closes — with no database write: the visitor's stream says
 * so on the conversation bus, and a console stream that opens asks (`ping`) and is answered at once.
 * The inbox's business-wide stream does not carry these beats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../src/adapters/bus/memory.js';
import { parseSignal } from '../src/adapters/bus/notify.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor } from './support/visitor.js';
import { openSse, type SseClient } from './support/sse.js';
import { ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';

const BARBER = 'demo-barber-nyc';
const ORIGIN = 'http://localhost:8080';
const presence = (c: SseClient) => c.frames.filter((f) => f.event === 'presence').map((f) => (JSON.parse(f.data) as { online: boolean }).online);

describe('visitor presence in the console', () => {
  let h: Harness;
  let url: string;
  let owner: ConsoleSessionClient;
  const open = new Set<() => void>();

  beforeAll(async () => {
    h = await createHarness('pglite');
    h.deps.bus = createMemoryBus();
    url = (await h.http({ streams: { heartbeatMs: 60_000, open } })).url;
    owner = await signIn(url, ownerOf(BARBER));
  });
  afterAll(async () => {
    for (const end of [...open]) end();
    await h?.close();
  });

  it('online while the widget’s stream is open (whoever connected first), offline when it closes; the inbox stream carries no beats', async () => {
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Can I bring my dog?' });
    await v.send({ type: 'contact', name: 'Pia', contact: 'pia@example.com', consent: true });
    const cookie = { cookie: `fd_session=${owner.cookie}` };
    const inbox = await openSse(`${url}/console/stream`, cookie);

    // Staff first: offline until the visitor's chat opens its stream.
    const staff = await openSse(`${url}/console/conversations/${v.view.conversationId}/stream?after=${v.view.seq}`, cookie);
    await staff.next((f) => f.event === 'presence');
    expect(presence(staff)).toEqual([false]);
    const widget = await openSse(`${url}/conversations/${v.view.conversationId}/stream?token=${v.view.token}&after=${v.view.seq}`, { origin: ORIGIN });
    await staff.next((f) => f.event === 'presence' && f.data.includes('true'));

    // A second console tab opened later learns it at once (its ping is answered).
    const late = await openSse(`${url}/console/conversations/${v.view.conversationId}/stream?after=${v.view.seq}`, cookie);
    await late.next((f) => f.event === 'presence' && f.data.includes('true'));
    expect(presence(late)).toEqual([false, true]);

    widget.close();
    await staff.next((f) => f.event === 'presence' && f.data.includes('false') && presence(staff).length === 3);
    expect(presence(staff)).toEqual([false, true, false]);

    // A message still reaches the inbox stream; presence never did.
    await v.send({ type: 'text', text: 'Hello?' });
    await inbox.next((f) => f.event === 'conversation');
    expect(inbox.frames.filter((f) => f.event === 'conversation').map((f) => (JSON.parse(f.data) as { kind: string }).kind)).toEqual(['messages']);
    for (const c of [staff, late, inbox]) c.close();
  });

  it('the bus carries the presence kinds across processes (NOTIFY wire form)', () => {
    for (const k of ['online', 'offline', 'ping'] as const) expect(parseSignal(JSON.stringify({ b: 'b', c: 'c', s: 3, k }))).toEqual({ businessId: 'b', conversationId: 'c', seq: 3, kind: k });
    expect(parseSignal(JSON.stringify({ b: 'b', c: 'c', s: 3, k: 'shout' }))).toBeNull();
  });
});
