/**
 * The "Done when" journey with the 24-hour reminder (issue 16), on Telegram and on
 * WhatsApp against their emulators: a client books through the bot (menu → service → slot →
 * contact → confirmed) on a Saturday evening with Sunday closed, so the first free time is Monday and the 24 h
 * reminder falls due (injected clock); it arrives in the chat with Confirm / Reschedule, and
 * Reschedule moves the booking there. (telegram.test.ts and whatsapp.test.ts walk the same path
 * with the 2-hour reminder.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings, businessClosures, sentMessages, sites } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startTelegramEmulator, type TelegramEmulator } from '../src/dev/telegram-emulator.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../src/dev/whatsapp-emulator.js';
import { connectTelegram } from '../src/services/channels/connections.js';
import { channelOutbound } from '../src/services/channels/deliver.js';
import { connectWhatsApp, verifyTokenOf, whatsappConnection, whatsappWebhookUrl } from '../src/services/channels/whatsapp-connection.js';
import type { ChannelsRuntime } from '../src/services/channels/runtime.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

/** Saturday 28 February 2026, 6:30 PM in New York, Sunday closed: the barbershop's next free time is Monday. */
const SATURDAY_EVENING = '2026-02-28T23:30:00.000Z';
const DAY = 86_400_000;

async function closeSunday(h: Harness): Promise<string> {
  const businessId = (await h.deps.db.select().from(sites).where(eq(sites.siteKey, 'demo-barber-nyc')))[0]!.businessId;
  await h.deps.db.insert(businessClosures).values({ id: 'closed-sunday', businessId, startsOn: '2026-03-01', endsOn: '2026-03-01', note: 'Sunday off' });
  return businessId;
}

async function reminderDue(h: Harness, rt: ChannelsRuntime, bookingId: string) {
  const b = (await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;
  expect(b.startsAt.getTime() - h.clock.now().getTime()).toBeGreaterThan(DAY);
  h.clock.set(new Date(b.startsAt.getTime() - DAY + 60_000));
  const d = { ...jobDeps(h, 'outbox'), channels: rt };
  await runNow(d, h);
  await runNow(d, h);
  return b;
}

describe('Telegram: book in the bot, the 24 h reminder, Reschedule moves it', () => {
  const USER = { id: 700_001, firstName: 'Lena', lastName: 'Park', lang: 'en' };
  let h: Harness;
  let tg: TelegramEmulator;
  let rt: ChannelsRuntime;
  let token: string;
  const bot = () => tg.chat(token, USER.id).filter((l) => l.from === 'bot');
  const tap = async (pick: (b: { text: string; data: string }) => boolean) => {
    const kb = tg.lastKeyboard(token, USER.id);
    const button = kb?.buttons.find(pick);
    if (!kb || !button) throw new Error(`no such button in ${JSON.stringify(kb?.buttons)}`);
    expect((await tg.userTaps(token, USER, kb.messageId, button.data)).status).toBe(200);
  };

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    token = tg.createBot('journey_24h_bot');
    h = await createHarness('pglite', { now: SATURDAY_EVENING });
    rt = buildChannelsRuntime({ telegramApiRoot: tg.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid' });
    h.deps.outbound = channelOutbound(h.deps, rt);
    rt.publicUrl = (await h.http({ channels: rt })).url;
    const businessId = await closeSunday(h);
    expect(await connectTelegram(h.deps, rt, businessId, token)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await h?.close();
    await tg?.close();
  });

  it('menu → service → slot → contact → confirmed; the confirmation, then the 24 h reminder with Confirm / Reschedule; Reschedule moves the booking', async () => {
    await tg.userSays(token, USER, '/start');
    await tap((b) => b.data === 'o:intent:book');
    await tap((b) => b.data.startsWith('o:svc:'));
    if (tg.lastKeyboard(token, USER.id)!.buttons.some((b) => b.data === 'o:staff:any')) await tap((b) => b.data === 'o:staff:any');
    await tap((b) => b.data.startsWith('o:slot:'));
    await tg.userSharesContact(token, USER, '12125550177');
    if (tg.lastKeyboard(token, USER.id)?.buttons.some((b) => b.data === 'o:act:yes')) await tap((b) => b.data === 'o:act:yes');
    const [booked] = await h.deps.db.select().from(bookings).where(eq(bookings.status, 'confirmed'));
    expect(booked, bot().map((l) => l.text).join('\n')).toBeDefined();

    const before = bot().length;
    await runNow({ ...jobDeps(h, 'outbox'), channels: rt }, h);
    expect(bot().slice(before).map((l) => l.text)).toEqual([expect.stringMatching(/^Bedford Blade Barbershop: booked /)]);

    const b = await reminderDue(h, rt, booked!.id);
    const reminder = bot().slice(before + 1).find((l) => l.markup && 'inline_keyboard' in l.markup);
    expect(reminder, bot().slice(before).map((l) => l.text).join('\n')).toBeDefined();
    expect(reminder!.markup).toEqual({ inline_keyboard: [[{ text: 'Confirm', callback_data: `r:ok:${b.id}` }, { text: 'Reschedule', callback_data: `r:mv:${b.id}` }]] });
    expect(await h.deps.db.select().from(sentMessages).where(eq(sentMessages.kind, 'telegram:reminder_1440'))).toHaveLength(1);

    await tg.userTaps(token, USER, reminder!.messageId, `r:mv:${b.id}`);
    const moves = tg.lastKeyboard(token, USER.id)!.buttons.filter((x) => x.data.startsWith('o:slot:') && !x.data.includes(String(b.startsAt.getTime())));
    expect(moves.length, bot().slice(-3).map((l) => l.text).join('\n')).toBeGreaterThan(0);
    await tap((x) => x.data === moves[0]!.data);
    await tap((x) => x.data === 'o:act:yes');
    const moved = (await h.deps.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!;
    expect(moved.status).toBe('confirmed');
    expect(moved.startsAt.getTime()).not.toBe(b.startsAt.getTime());
  });
});

describe('WhatsApp: book in the chat, the 24 h reminder, Reschedule moves it', () => {
  const USER = { waId: '12125550188', name: 'Omar Reyes' };
  let h: Harness;
  let wa: WhatsAppEmulator;
  let rt: ChannelsRuntime;
  let number: ReturnType<WhatsAppEmulator['createNumber']>;
  const lines = () => wa.chat(number.phoneNumberId, USER.waId).filter((l) => l.from === 'business');
  const tap = async (pick: (c: { id: string; title: string }) => boolean) => {
    const c = wa.lastChoices(number.phoneNumberId, USER.waId).find(pick);
    if (!c) throw new Error(`no such choice in ${JSON.stringify(wa.lastChoices(number.phoneNumberId, USER.waId))}`);
    expect((await wa.userTaps(number.phoneNumberId, USER, c.id)).status).toBe(200);
  };

  beforeAll(async () => {
    h = await createHarness('pglite', { now: SATURDAY_EVENING });
    wa = await startWhatsAppEmulator({ now: () => h.clock.now().getTime() });
    number = wa.createNumber('+1 555 0124', 'Bedford Blade Barbershop');
    rt = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', whatsappApiRoot: wa.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid' });
    h.deps.outbound = channelOutbound(h.deps, rt);
    rt.publicUrl = (await h.http({ channels: rt })).url;
    const businessId = await closeSunday(h);
    const r = await connectWhatsApp(h.deps, rt, businessId, { phoneNumberId: number.phoneNumberId, accessToken: number.accessToken, appSecret: number.appSecret, templates: { en: { code: 'en_US', reminder: 'appointment_reminder', notice: 'booking_update' } } });
    expect(r.ok).toBe(true);
    const conn = (await whatsappConnection(h.deps, businessId))!;
    expect((await wa.subscribe(number.phoneNumberId, whatsappWebhookUrl(rt.publicUrl, conn.id), verifyTokenOf(h.deps.secret, conn.id))).ok).toBe(true);
    wa.approveTemplate(number.phoneNumberId, 'appointment_reminder', 'en_US');
  });
  afterAll(async () => {
    await wa?.close();
    await h?.close();
  });

  it('menu → service → slot → contact → confirmed; the confirmation, then the 24 h reminder with Confirm / Reschedule; Reschedule moves the booking', async () => {
    await wa.userSays(number.phoneNumberId, USER, 'Hi');
    await tap((c) => c.id === 'o:intent:book');
    await tap((c) => c.id.startsWith('o:svc:'));
    if (wa.lastChoices(number.phoneNumberId, USER.waId).some((c) => c.id === 'o:staff:any')) await tap((c) => c.id === 'o:staff:any');
    await tap((c) => c.id.startsWith('o:slot:'));
    await tap((c) => c.id === 'share');
    if (wa.lastChoices(number.phoneNumberId, USER.waId).some((c) => c.id === 'o:act:yes')) await tap((c) => c.id === 'o:act:yes');
    const [booked] = await h.deps.db.select().from(bookings).where(eq(bookings.status, 'confirmed'));
    expect(booked, lines().map((l) => l.text).join('\n')).toBeDefined();

    const before = lines().length;
    await runNow({ ...jobDeps(h, 'outbox'), channels: rt }, h);
    expect(lines().slice(before).map((l) => l.text)).toEqual([expect.stringMatching(/^Bedford Blade Barbershop: booked /)]);

    const b = await reminderDue(h, rt, booked!.id);
    const reminder = lines().slice(before + 1).find((l) => l.choices?.some((c) => c.id === `r:mv:${b.id}`));
    expect(reminder, lines().slice(before).map((l) => `${l.type} ${l.status} ${l.text}`).join('\n')).toBeDefined();
    expect(reminder!.status).toBe('delivered');
    expect(await h.deps.db.select().from(sentMessages).where(eq(sentMessages.kind, 'whatsapp:reminder_1440'))).toHaveLength(1);

    await wa.userTaps(number.phoneNumberId, USER, `r:mv:${b.id}`);
    const moves = wa.lastChoices(number.phoneNumberId, USER.waId).filter((c) => c.id.startsWith('o:slot:') && !c.id.includes(String(b.startsAt.getTime())));
    expect(moves.length, lines().slice(-3).map((l) => l.text).join('\n')).toBeGreaterThan(0);
    await tap((c) => c.id === moves[0]!.id);
    await tap((c) => c.id === 'o:act:yes');
    const moved = (await h.deps.db.select().from(bookings).where(eq(bookings.id, b.id)))[0]!;
    expect(moved.status).toBe('confirmed');
    expect(moved.startsAt.getTime()).not.toBe(b.startsAt.getTime());
  });
});
