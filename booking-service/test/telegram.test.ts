/**
 * Telegram end to end against the loopback Bot API emulator, through grammY (the same client code
 * that talks to Telegram): the owner connects a bot by its token (sealed at rest, webhook with a
 * secret_token), a Telegram user books through the bot with inline keyboards (menu → service →
 * slot → contact → confirmed), forged and replayed webhooks are refused and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { bookings, businesses, channelConnections, conversationMessages, conversations, customers, sites } from '../src/adapters/db/schema.js';
import { jobDeps, runNow } from './support/jobs.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startTelegramEmulator, type TelegramEmulator } from '../src/dev/telegram-emulator.js';
import { channelOutbound } from '../src/services/channels/deliver.js';
import { connectTelegram, disconnectTelegram, telegramConnection } from '../src/services/channels/connections.js';
import type { ChannelsRuntime } from '../src/services/channels/runtime.js';
import { createHarness, type Harness } from './support/harness.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';

const USER = { id: 555_001, firstName: 'Maya', lastName: 'Levin', lang: 'en' };

describe('Telegram bot against the emulator', () => {
  let h: Harness;
  let tg: TelegramEmulator;
  let rt: ChannelsRuntime;
  let token: string;
  let businessId: string;
  let owner: ConsoleSessionClient;

  const rows = async () => ({
    conversations: (await h.deps.db.select({ n: count() }).from(conversations))[0]!.n,
    messages: (await h.deps.db.select({ n: count() }).from(conversationMessages))[0]!.n,
  });
  const botLines = () => tg.chat(token, USER.id).filter((l) => l.from === 'bot');
  const tap = async (pick: (b: { text: string; data: string }) => boolean) => {
    const kb = tg.lastKeyboard(token, USER.id);
    const button = kb?.buttons.find(pick);
    if (!kb || !button) throw new Error(`no such button in ${JSON.stringify(kb?.buttons)}`);
    const r = await tg.userTaps(token, USER, kb.messageId, button.data);
    expect(r.status).toBe(200);
    return r;
  };

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    token = tg.createBot('barber_nyc_bot', 'Barber NYC');
    h = await createHarness('pglite');
    rt = buildChannelsRuntime({ telegramApiRoot: tg.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid' });
    h.deps.outbound = channelOutbound(h.deps, rt);
    const { url } = await h.http({ channels: rt });
    rt.publicUrl = url;
    owner = await signIn(url, ownerOf('demo-barber-nyc'));
    businessId = (await h.deps.db.select().from(sites).where(eq(sites.siteKey, 'demo-barber-nyc')))[0]!.businessId;
  });
  afterAll(async () => {
    await h?.close();
    await tg?.close();
  });

  it('the owner connects the bot in the console: unknown or malformed tokens are a 400 naming the field; the token is sealed, the webhook has a secret; staff may not', async () => {
    const unknown = await consoleFailure(owner.client.channels.connectTelegram.mutate({ token: '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }));
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'token' }] } });
    const malformed = await consoleFailure(owner.client.channels.connectTelegram.mutate({ token: 'not a token' }));
    expect(malformed).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'token' }] } });
    const barber = await signIn(rt.publicUrl, staffAccount('barber-marcus', 'demo-barber-nyc'));
    expect(await consoleFailure(barber.client.channels.connectTelegram.mutate({ token }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await connectTelegram(h.deps, rt, businessId, 'not a token')).toMatchObject({ ok: false, details: { field: 'token' } });

    const r = await owner.client.channels.connectTelegram.mutate({ token });
    expect(r.channels[0]).toMatchObject({ connected: true, username: 'barber_nyc_bot', link: 'https://t.me/barber_nyc_bot' });
    expect(JSON.stringify(await owner.client.channels.status.query())).not.toContain(token);
    const row = (await h.deps.db.select().from(channelConnections))[0]!;
    expect(row.secretSealed).not.toContain(token.split(':')[1]);
    expect(rt.cipher.open(row.secretSealed, row.id)).toBe(token);
    const hook = tg.webhookOf(token)!;
    expect(hook.url).toBe(`${rt.publicUrl}/channels/telegram/${row.id}`);
    expect(hook.secret).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('a Telegram user books through the bot: menu → service → slot → contact → confirmed', async () => {
    expect((await tg.userSays(token, USER, '/start')).status).toBe(200);
    expect(botLines().at(-1)!.text).toMatch(/Ask me for prices/);
    expect(tg.lastKeyboard(token, USER.id)!.buttons.map((b) => b.data)).toContain('o:intent:book');
    await tap((b) => b.data === 'o:intent:book');
    // The service list, as buttons with price and duration.
    const services = tg.lastKeyboard(token, USER.id)!.buttons.filter((b) => b.data.startsWith('o:svc:'));
    expect(services.length).toBeGreaterThan(0);
    await tap((b) => b.data === services[0]!.data);
    if (tg.lastKeyboard(token, USER.id)!.buttons.some((b) => b.data === 'o:staff:any')) await tap((b) => b.data === 'o:staff:any');
    const slots = tg.lastKeyboard(token, USER.id)!.buttons.filter((b) => b.data.startsWith('o:slot:'));
    expect(slots.length).toBeGreaterThan(0);
    await tap((b) => b.data === slots[0]!.data);
    // The contact form in a chat: the consent in words, and a one-time "Share my phone number" keyboard.
    const ask = botLines().at(-1)!;
    expect(ask.text).toContain('By sending them you agree');
    expect(ask.markup).toMatchObject({ keyboard: [[{ text: 'Share my phone number', request_contact: true }]] });
    expect((await tg.userSharesContact(token, USER, '12125550123')).status).toBe(200);
    if (tg.lastKeyboard(token, USER.id)?.buttons.some((b) => b.data === 'o:act:yes')) await tap((b) => b.data === 'o:act:yes');

    const booked = (await h.deps.db.select().from(bookings).where(eq(bookings.status, 'confirmed')));
    expect(booked).toHaveLength(1);
    const conv = (await h.deps.db.select().from(conversations).where(eq(conversations.channel, 'telegram')))[0]!;
    expect(conv).toMatchObject({ externalRef: String(USER.id), outcome: 'booked', contactPhone: '+12125550123', contactName: 'Maya Levin' });
    expect(booked[0]!.conversationId).toBe(conv.id);
    if (process.env.DUMP_CHAT) console.log(tg.chat(token, USER.id).map((l) => `[${l.from}] ${l.text} ${l.markup ? JSON.stringify(l.markup).slice(0, 300) : ''}`).join('\n'));
    const card = botLines().find((l) => l.text.includes('/manage?token='));
    expect(card, botLines().map((l) => l.text).join('\n---\n')).toBeDefined();

    // Booked in Telegram: Telegram is now the client's channel, and the confirmation job sends there (once).
    const customer = (await h.deps.db.select().from(customers).where(eq(customers.id, conv.customerId!)))[0]!;
    expect(customer.preferredChannel).toBe('telegram');
    const before = botLines().length;
    const d = { ...jobDeps(h, 'outbox'), channels: rt };
    await runNow(d, h);
    await runNow(d, h);
    expect(botLines().slice(before).map((l) => l.text)).toEqual([expect.stringMatching(/^Bedford Blade Barbershop: booked Haircut, March 2, 10:00\sAM, \$\d+\. Change: http.*\/manage\?token=/)]);
  });

  it('the reminder carries Confirm and Reschedule: Confirm thanks the client, Reschedule moves the booking in the chat; another chat may not', async () => {
    // A change window the 2-hour reminder is still inside.
    await h.deps.db.update(businesses).set({ cancellationWindowMin: 60 }).where(eq(businesses.id, businessId));
    const booking = (await h.deps.db.select().from(bookings).where(eq(bookings.status, 'confirmed')))[0]!;
    h.clock.set(new Date(booking.startsAt.getTime() - 119 * 60_000));
    const before = botLines().length;
    const d = { ...jobDeps(h, 'outbox'), channels: rt };
    await runNow(d, h);
    await runNow(d, h);
    const reminder = botLines().slice(before).find((l) => l.text.includes('see you'));
    expect(reminder, botLines().slice(before).map((l) => l.text).join('\n')).toBeDefined();
    expect(reminder!.markup).toEqual({ inline_keyboard: [[{ text: 'Confirm', callback_data: `r:ok:${booking.id}` }, { text: 'Reschedule', callback_data: `r:mv:${booking.id}` }]] });

    // A stranger's chat sending the same data (a crafted callback): refused in words, nothing changes.
    const stranger = { id: 999_222, firstName: 'Eve', lang: 'en' };
    await tg.deliver(token, { update_id: 77_001, callback_query: { id: 'forged', from: { id: stranger.id, is_bot: false, first_name: 'Eve' }, chat_instance: '1', data: `r:mv:${booking.id}`, message: { message_id: 1, date: 1, chat: { id: stranger.id, type: 'private' }, text: 'x' } } });
    expect(tg.chat(token, stranger.id).filter((l) => l.from === 'bot').map((l) => l.text)).toEqual([expect.stringMatching(/can no longer be changed here/)]);

    expect((await tg.userTaps(token, USER, reminder!.messageId, `r:ok:${booking.id}`)).status).toBe(200);
    expect(botLines().at(-1)!.text).toMatch(/^Thank you! See you Monday, March 2 at 10:00\sAM\.$/);
    expect((await h.deps.db.select().from(bookings).where(eq(bookings.id, booking.id)))[0]!.visitorConfirmedAt).not.toBeNull();

    await tg.userTaps(token, USER, reminder!.messageId, `r:mv:${booking.id}`);
    // The free times for the same barber (the booking's own time is among them: pick another).
    const moves = tg.lastKeyboard(token, USER.id)!.buttons.filter((b) => b.data.startsWith('o:slot:') && !b.data.includes(String(booking.startsAt.getTime())));
    expect(moves.length, botLines().slice(-3).map((l) => l.text).join('\n')).toBeGreaterThan(0);
    await tap((b) => b.data === moves[0]!.data);
    await tap((b) => b.data === 'o:act:yes');
    const moved = (await h.deps.db.select().from(bookings).where(eq(bookings.id, booking.id)))[0]!;
    expect(moved.status).toBe('confirmed');
    expect(moved.startsAt.getTime()).not.toBe(booking.startsAt.getTime());
    expect(moved.version).toBeGreaterThan(booking.version);
    // The move is announced on the client's channel too (notify.booking_rescheduled), once.
    const n = botLines().length;
    await runNow(d, h);
    await runNow(d, h);
    expect(botLines().slice(n).map((l) => l.text)).toEqual([expect.stringMatching(/^Bedford Blade Barbershop: moved Haircut to /)]);
  });

  it('typed text goes through the same engine (no buttons needed)', async () => {
    const before = botLines().length;
    await tg.userSays(token, USER, 'how much is a haircut?');
    expect(botLines().length).toBeGreaterThan(before);
  });

  it('refuses a forged webhook (wrong or missing secret: 401) and a replayed update; neither changes anything', async () => {
    const row = (await telegramConnection(h.deps, businessId))!;
    const stranger = { id: 999_111, firstName: 'Eve', lang: 'en' };
    const update = { update_id: 42, message: { message_id: 1, date: 1, chat: { id: stranger.id, type: 'private' }, from: { id: stranger.id, is_bot: false, first_name: 'Eve' }, text: '/start' } };
    const before = await rows();
    expect((await tg.deliver(token, update, 'forged-secret')).status).toBe(401);
    expect((await tg.deliver(token, update, null)).status).toBe(401);
    const other = await fetch(`${rt.publicUrl}/channels/telegram/no-such-connection`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': tg.webhookOf(token)!.secret! }, body: JSON.stringify(update) });
    expect(other.status).toBe(401);
    expect(await rows()).toEqual(before);
    expect(tg.chat(token, stranger.id)).toEqual([]);

    // The genuine update once; the same update_id again (Telegram's redelivery) changes nothing.
    const sent = await tg.userSays(token, USER, 'hello');
    const afterFirst = await rows();
    const linesAfterFirst = tg.chat(token, USER.id).length;
    const again = await tg.deliver(token, sent.update);
    expect(again.status).toBe(200);
    expect(await rows()).toEqual(afterFirst);
    expect(tg.chat(token, USER.id).length).toBe(linesAfterFirst);
    expect(row.status).toBe('ok');
  });

  it('a hand-off from Telegram is answered from the console inbox, and the answer arrives in Telegram', async () => {
    await tg.userSays(token, USER, '/menu');
    await tap((b) => b.data === 'o:intent:human');
    for (let i = 0; i < 4 && !(await owner.client.inbox.list.query({ status: 'open' })).items.length; i++) {
      const last = botLines().at(-1)!;
      if (last.markup && 'keyboard' in last.markup) await tg.userSays(token, USER, 'Maya +1 212 555 0123');
      else await tg.userSays(token, USER, 'Can I bring my dog?');
    }
    const item = (await owner.client.inbox.list.query({ status: 'open' })).items[0];
    expect(item, botLines().map((l) => l.text).join('\n---\n')).toBeDefined();
    await owner.client.inbox.reply.mutate({ id: item!.id, body: 'Of course, dogs are welcome!' });
    expect(botLines().at(-1)!.text).toBe('Jordan Reyes: Of course, dogs are welcome!');
    // Delivered once: a second delivery attempt sends nothing.
    const n = botLines().length;
    await h.deps.outbound!.deliver({ businessId, conversationId: (await h.deps.db.select().from(conversations).where(eq(conversations.channel, 'telegram')))[0]!.id });
    expect(botLines().length).toBe(n);
  });

  it('"delete my data" in Telegram: the bot asks, the yes erases, and "your data is deleted" still reaches the chat (nothing of the chat is kept)', async () => {
    const conv = (await h.deps.db.select().from(conversations).where(eq(conversations.channel, 'telegram')))[0]!;
    expect(conv.externalRef).toBe(String(USER.id));
    await tg.userSays(token, USER, 'Please delete my data');
    expect(botLines().at(-1)!.text, botLines().slice(-3).map((l) => l.text).join('\n')).toMatch(/delete/i);
    const n = botLines().length;
    await tap((b) => b.data === 'o:act:yes');
    expect(botLines().slice(n).map((l) => l.text)).toEqual(['Done: your data is deleted. This chat is closed; if you write again, a new one starts.']);
    const after = (await h.deps.db.select().from(conversations).where(eq(conversations.id, conv.id)))[0]!;
    expect([after.externalRef, after.contactPhone, after.status]).toEqual([null, null, 'closed']);
    expect(await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, conv.id))).toEqual([]);
    // Writing again starts a new conversation in the same chat.
    await tg.userSays(token, USER, '/start');
    expect(botLines().at(-1)!.text).toMatch(/Ask me for prices/);
    expect((await h.deps.db.select().from(conversations).where(eq(conversations.externalRef, String(USER.id)))).map((c) => c.id)).not.toContain(conv.id);
  });

  it('disconnects: the webhook is removed and the row goes', async () => {
    await disconnectTelegram(h.deps, rt, businessId);
    expect(tg.webhookOf(token)).toBeNull();
    expect(await telegramConnection(h.deps, businessId)).toBeUndefined();
  });
});
