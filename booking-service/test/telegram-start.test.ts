/**
 * "Get reminders in Telegram" (issue 16) against the Bot API emulator, through grammY: a booking
 * made in the widget offers a t.me deep link with a single-use start token on its card and in the
 * confirmation e-mail; the bot's /start <token> links the chat to the customer and booking (the
 * answer: a confirmation and the booking card), and the next reminder goes to Telegram with
 * e-mail as the copy. A second use from another chat, a forged token and an expired one are
 * refused in words and change nothing; two chats racing for one token link exactly one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { bookings, conversations, customers, outbox, sentMessages, sites, telegramStartTokens } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startTelegramEmulator, type TelegramEmulator } from '../src/dev/telegram-emulator.js';
import { connectTelegram } from '../src/services/channels/connections.js';
import { channelOutbound } from '../src/services/channels/deliver.js';
import type { ChannelsRuntime } from '../src/services/channels/runtime.js';
import { offerTelegramLink } from '../src/services/channels/telegram-start.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { bookInChat, visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const RITA = { id: 610_001, firstName: 'Rita', lang: 'en' };
const EVE = { id: 610_002, firstName: 'Eve', lang: 'en' };
const LINK = /^https:\/\/t\.me\/barber_start_bot\?start=([A-Za-z0-9_-]{32})$/;

describe.each(dbKinds)('“Get reminders in Telegram”: a single-use start token on %s', (kind) => {
  let h: Harness;
  let tg: TelegramEmulator;
  let rt: ChannelsRuntime;
  let token: string;
  let businessId: string;
  let bookingId: string;
  let cardParam: string;

  const botLines = (chat: number) => tg.chat(token, chat).filter((l) => l.from === 'bot').map((l) => l.text);
  const chatOf = async (chat: number) => (await h.deps.db.select().from(conversations).where(and(eq(conversations.channel, 'telegram'), eq(conversations.externalRef, String(chat)))))[0];

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    token = tg.createBot('barber_start_bot', 'Barber NYC');
    h = await createHarness(kind);
    rt = buildChannelsRuntime({ telegramApiRoot: tg.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid' });
    h.deps.outbound = channelOutbound(h.deps, rt);
    const { url } = await h.http({ channels: rt });
    rt.publicUrl = url;
    businessId = (await h.deps.db.select().from(sites).where(eq(sites.siteKey, BARBER)))[0]!.businessId;
    expect(await connectTelegram(h.deps, rt, businessId, token)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await h?.close();
    await tg?.close();
  });

  it('the widget’s booking card carries the deep link; only the token’s hash is stored', async () => {
    const v = visitor(h, BARBER, 'en');
    const card = await bookInChat(v, 'Beard trim', 'Rita Remind', 'rita@example.com');
    bookingId = card.bookingId;
    expect(card.telegramUrl).toMatch(LINK);
    cardParam = LINK.exec(card.telegramUrl!)![1]!;
    const rows = await h.deps.db.select().from(telegramStartTokens);
    expect(rows).toHaveLength(1);
    const booking = (await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;
    expect(rows[0]).toMatchObject({ bookingId, customerId: booking.customerId, expiresAt: booking.endsAt, usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(cardParam);
  });

  it('the confirmation e-mail offers “Get reminders in Telegram” with its own token', async () => {
    await runNow({ ...jobDeps(h, 'outbox'), channels: rt }, h);
    const mail = (await h.deps.db.select().from(outbox).where(like(outbox.subject, 'Booking confirmed%')))[0]!;
    const link = /Get reminders in Telegram: (\S+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toMatch(LINK);
    expect(LINK.exec(link!)![1]).not.toBe(cardParam);
    expect(mail.html).toContain('>Get reminders in Telegram</a>');
    expect(await h.deps.db.select().from(telegramStartTokens)).toHaveLength(2);
  });

  it('/start <token> links the chat: the answer and the card in the client’s language; the next reminder goes to Telegram, e-mail as the copy', async () => {
    expect((await tg.userSays(token, RITA, `/start ${cardParam}`)).status).toBe(200);
    const lines = botLines(RITA.id);
    expect(lines.some((l) => l.startsWith('Done: reminders and changes of your booking will come here, in Telegram.')), lines.join('\n---\n')).toBe(true);
    expect(lines.at(-1)).toMatch(/Beard trim — .*\n[\s\S]*\/manage\?token=/);
    const booking = (await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;
    const customer = (await h.deps.db.select().from(customers).where(eq(customers.id, booking.customerId!)))[0]!;
    expect(customer.preferredChannel).toBe('telegram');
    expect(await chatOf(RITA.id)).toMatchObject({ customerId: customer.id });
    expect((await h.deps.db.select().from(telegramStartTokens).where(eq(telegramStartTokens.usedChat, String(RITA.id))))).toHaveLength(1);

    // The 2-hour reminder (injected clock): in Telegram with Confirm / Reschedule, and by e-mail as a copy.
    h.clock.set(new Date(booking.startsAt.getTime() - 119 * 60_000));
    const before = botLines(RITA.id).length;
    const d = { ...jobDeps(h, 'outbox'), channels: rt };
    await runNow(d, h);
    await runNow(d, h);
    const reminder = tg.chat(token, RITA.id).filter((l) => l.from === 'bot').slice(before).find((l) => /Beard trim/.test(l.text));
    expect(reminder, botLines(RITA.id).slice(before).join('\n')).toBeDefined();
    expect(reminder!.markup).toEqual({ inline_keyboard: [[{ text: 'Confirm', callback_data: `r:ok:${bookingId}` }, { text: 'Reschedule', callback_data: `r:mv:${bookingId}` }]] });
    expect(await h.deps.db.select().from(sentMessages).where(and(eq(sentMessages.subjectId, bookingId), eq(sentMessages.kind, 'telegram:reminder_120')))).toHaveLength(1);
    expect(await h.deps.db.select().from(outbox).where(like(outbox.subject, 'Reminder:%'))).toHaveLength(1);
  });

  it('a second use is refused (another chat: in words, nothing changes; the same chat: told it is done)', async () => {
    await tg.userSays(token, EVE, `/start ${cardParam}`);
    expect(botLines(EVE.id)).toEqual([expect.stringMatching(/^This link has already been used or is no longer valid/)]);
    expect(await chatOf(EVE.id)).toBeUndefined();
    expect((await h.deps.db.select().from(telegramStartTokens).where(eq(telegramStartTokens.usedChat, String(EVE.id))))).toHaveLength(0);

    const n = botLines(RITA.id).length;
    await tg.userSays(token, RITA, `/start ${cardParam}`);
    expect(botLines(RITA.id).slice(n)).toEqual(['This chat already gets the reminders of this booking.']);
  });

  it('a forged token is refused and changes nothing; a replayed update is answered once', async () => {
    const forged = { id: 610_003, firstName: 'Mallory', lang: 'en' };
    await tg.userSays(token, forged, `/start ${'A'.repeat(32)}`);
    await tg.userSays(token, forged, '/start ../../etc');
    expect(botLines(forged.id)).toEqual([expect.stringMatching(/no longer valid/), expect.stringMatching(/no longer valid/)]);
    expect(await chatOf(forged.id)).toBeUndefined();

    // The same update delivered twice (Telegram retries): one answer.
    const update = { update_id: 88_001, message: { message_id: 1, date: 1, chat: { id: forged.id, type: 'private' }, from: { id: forged.id, is_bot: false, first_name: 'Mallory' }, text: `/start ${'B'.repeat(32)}` } };
    expect((await tg.deliver(token, update)).status).toBe(200);
    expect((await tg.deliver(token, update)).status).toBe(200);
    expect(botLines(forged.id)).toHaveLength(3);
  });

  it('an expired token (the booking is over) is refused; two chats racing for one token: exactly one is linked', async () => {
    const booking = (await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;
    const now = h.clock.now();
    const fresh = [await offerTelegramLink(h.deps.db, { businessId, bookingId, customerId: booking.customerId!, endsAt: booking.endsAt }, now)];
    // The customer prefers Telegram now: nothing more is offered to them.
    expect(fresh).toEqual([null]);
    await h.deps.db.update(customers).set({ preferredChannel: null }).where(eq(customers.id, booking.customerId!));
    const a = LINK.exec((await offerTelegramLink(h.deps.db, { businessId, bookingId, customerId: booking.customerId!, endsAt: booking.endsAt }, now))!)![1]!;
    const b = LINK.exec((await offerTelegramLink(h.deps.db, { businessId, bookingId, customerId: booking.customerId!, endsAt: booking.endsAt }, now))!)![1]!;

    const racers = [{ id: 610_010, firstName: 'Ann', lang: 'en' }, { id: 610_011, firstName: 'Bob', lang: 'en' }];
    const answers = await Promise.all(racers.map((u) => tg.userSays(token, u, `/start ${a}`)));
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const linked = await Promise.all(racers.map((u) => chatOf(u.id)));
    expect(linked.filter(Boolean)).toHaveLength(1);
    expect(racers.map((u) => botLines(u.id).some((l) => /no longer valid/.test(l))).filter(Boolean)).toHaveLength(1);

    h.clock.set(new Date(booking.endsAt.getTime() + 1));
    const late = { id: 610_012, firstName: 'Late', lang: 'en' };
    await tg.userSays(token, late, `/start ${b}`);
    expect(botLines(late.id)).toEqual([expect.stringMatching(/no longer valid/)]);
    expect(await chatOf(late.id)).toBeUndefined();
  });
});
