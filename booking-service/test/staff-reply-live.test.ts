/**
 * A staff reply turns the conversation live in the engine too (issue 13): a visitor who wandered
 * back to the menu while waiting, then types, is talking to the person who answered — the bot
 * does not answer over them. Before, only the status column turned live and the bot replied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { conversations, jobs, users } from '../src/adapters/db/schema.js';
import { replyToHandoff } from '../src/services/console/inbox.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const BIZ = 'biz-barber-nyc';
const ORIGIN = 'http://localhost:8080';

describe.each(dbKinds)('staff reply → engine live on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the visitor’s next words go to staff only, even after they opened the menu while waiting; the e-mail fallback waits as configured', async () => {
    const [owner] = await h.deps.db.select().from(users).where(and(eq(users.businessId, BIZ), eq(users.role, 'owner')));
    const session = { sessionHash: 'x', userId: owner!.id, businessId: BIZ, role: 'owner' as const, staffId: null, email: owner!.email, name: owner!.name, lang: 'en' as const, csrfToken: 'x' };
    const v = visitor(h, BARBER, 'en', { origin: ORIGIN });
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Is parking free?' });
    await v.send({ type: 'contact', name: 'Kim', contact: 'kim@example.com', consent: true });
    const card = v.view.messages.find((m) => m.card?.kind === 'handoff')!.card!;
    if (card.kind !== 'handoff') throw new Error();
    // Waiting, the visitor goes back to the menu: the bot has the step again.
    await v.send({ type: 'menu' });
    expect(v.view.prompt.kind).toBe('choice');

    const [before] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId));
    // The e-mail fallback's wait is configurable (env REPLY_MAIL_DELAY_SECONDS; the e2e journey uses seconds).
    h.deps.replyMailDelayMs = 5_000;
    expect((await replyToHandoff(h.deps, session, card.handoffId, 'Yes, behind the shop. Anything else?')).ok).toBe(true);
    const [row] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId));
    expect(row!.status).toBe('live');
    expect(row!.state).toMatchObject({ status: 'live', step: { at: 'live' } });
    expect(row!.version).toBeGreaterThan(before!.version);
    const [mail] = await h.deps.db.select().from(jobs).where(eq(jobs.kind, 'conversation.reply-mail'));
    expect(mail!.runAt.getTime() - h.clock.now().getTime()).toBe(5_000);

    const answer = await v.send({ type: 'text', text: 'How much is a haircut?' });
    // The staff reply (new to this tab) and the visitor's own message: no bot answer over the person.
    expect(answer.messages.map((m) => m.from)).toEqual(['staff', 'visitor']);
    expect(answer.prompt.kind).toBe('text');
    expect(answer.live).toBe(true);
  });
});
