/**
 * The inbox shows where each client wrote (issue 16, "One inbox"): every request carries its
 * conversation's channel (a request without a chat — the widget's form — is the widget's), the
 * list filters by channel, and the conversation's lead card names it. Another business's
 * Telegram request is never listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, handoffs, users } from '../src/adapters/db/schema.js';
import { createConsoleCaller } from '../src/api/console/router.js';
import { createSession, loadSession } from '../src/services/console/sessions.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const SALON = 'biz-salon-spb';

async function consoleAs(h: Harness, user: { id: string; businessId: string; email: string; name: string; role: 'owner' | 'staff' }) {
  await h.deps.db.insert(users).values({ ...user, lang: 'ru' }).onConflictDoNothing();
  const { token } = await createSession(h.deps, user.id);
  const session = await loadSession(h.deps, token);
  return createConsoleCaller({ deps: h.deps, ip: '127.0.0.1', session, csrfHeader: session!.csrfToken, cookies: { setSession() {}, clearSession() {} } });
}

/** A messenger conversation that asked for a person, as a channel turn leaves it. */
async function messengerRequest(h: Harness, businessId: string, id: string, channel: 'telegram' | 'whatsapp', name: string) {
  const now = h.clock.now();
  await h.deps.db.insert(conversations).values({
    id: `conv-${id}`, businessId, channel, externalRef: `${id}-chat`, tokenHash: `hash-${id}`, lang: 'ru', status: 'waiting', state: {},
    contactName: name, consentAt: now, createdAt: now, updatedAt: now,
  });
  await h.deps.db.insert(handoffs).values({
    id: `handoff-${id}`, businessId, message: 'Можно с собакой?', contactName: name, lang: 'ru', expectedReplyBy: new Date(now.getTime() + 3_600_000),
    conversationId: `conv-${id}`, createdAt: now,
  });
}

describe.each(dbKinds)('inbox by channel on %s', (kind) => {
  let h: Harness;
  let staff: Awaited<ReturnType<typeof consoleAs>>;

  beforeAll(async () => {
    h = await createHarness(kind, { now: '2026-03-02T08:00:00Z' });
    staff = await consoleAs(h, { id: 'u-chan-staff', businessId: SALON, email: 'katya@chan.test', name: 'Катя', role: 'staff' });
    await messengerRequest(h, SALON, 'tg', 'telegram', 'Мария');
    await messengerRequest(h, SALON, 'wa', 'whatsapp', 'Анна');
    await messengerRequest(h, 'biz-barber-nyc', 'other', 'telegram', 'Someone else');
    // The widget's form: a request without a server-side chat.
    await h.caller().handoff.request({ siteKey: 'demo-salon-spb', message: 'Перезвоните', contact: { name: 'Ольга', phone: '+7 900 111-22-33' }, lang: 'ru', intent: 'human' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every request carries its channel; the form request is the widget’s', async () => {
    const items = (await staff.inbox.list({})).items;
    expect(Object.fromEntries(items.map((i) => [i.contact.name, i.channel]))).toEqual({ Мария: 'telegram', Анна: 'whatsapp', Ольга: 'widget' });
    expect((await staff.inbox.get({ id: 'handoff-tg' })).channel).toBe('telegram');
  });

  it('filters by channel (with the status filter too); another business’s Telegram request never shows', async () => {
    expect((await staff.inbox.list({ channel: 'telegram' })).items.map((i) => i.id)).toEqual(['handoff-tg']);
    expect((await staff.inbox.list({ status: 'open', channel: 'whatsapp' })).items.map((i) => i.id)).toEqual(['handoff-wa']);
    expect((await staff.inbox.list({ status: 'closed', channel: 'whatsapp' })).items).toEqual([]);
    expect((await staff.inbox.list({ channel: 'widget' })).items.map((i) => i.contact.name)).toEqual(['Ольга']);
    expect((await staff.inbox.list({ channel: 'sms' })).items).toEqual([]);
  });

  it('an unknown channel is a 400 naming the field', async () => {
    const f = await failureOf(staff.inbox.list({ channel: 'pigeon' as never }));
    expect(f).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'channel' }] } });
  });

  it('the conversation’s lead card names the channel', async () => {
    expect((await staff.inbox.conversation({ conversationId: 'conv-tg' })).lead.channel).toBe('telegram');
  });
});
