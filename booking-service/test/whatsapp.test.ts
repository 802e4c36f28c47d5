/**
 * WhatsApp end to end against the loopback Cloud API emulator, through the real client
 * (adapters/whatsapp/cloud-api.ts): the owner connects a number (token and app secret sealed),
 * Meta's verification handshake, signed webhooks (forged signatures refused, a replayed message
 * played once), and a client books through reply buttons and list messages (menu → service →
 * slot → contact → confirmed) and gets the confirmation on WhatsApp.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { bookings, businesses, channelConnections, conversationMessages, conversations, customers, sentMessages, sites } from '../src/adapters/db/schema.js';
import { cloudApi } from '../src/adapters/whatsapp/cloud-api.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../src/dev/whatsapp-emulator.js';
import { WhatsAppError } from '../src/ports/whatsapp.js';
import { channelOutbound } from '../src/services/channels/deliver.js';
import type { ChannelsRuntime } from '../src/services/channels/runtime.js';
import { connectWhatsApp, whatsappConnection } from '../src/services/channels/whatsapp-connection.js';
import { hubSignature } from '../src/services/channels/whatsapp-signature.js';
import { createHarness, type Harness } from './support/harness.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';
import { jobDeps, runNow } from './support/jobs.js';

const USER = { waId: '12125550177', name: 'Maya Levin' };

describe('WhatsApp Cloud API client against the emulator (adapter contract)', () => {
  let wa: WhatsAppEmulator;
  beforeAll(async () => {
    wa = await startWhatsAppEmulator();
  });
  afterAll(async () => wa?.close());

  it('reads the number, sends text, buttons, lists and approved templates; refusals are WhatsAppErrors with Graph codes', async () => {
    const n = wa.createNumber('+1 555 0100', 'Bedford Blade');
    const api = cloudApi(wa.apiRoot)({ phoneNumberId: n.phoneNumberId, accessToken: n.accessToken });
    expect(await api.phoneNumber()).toEqual({ id: n.phoneNumberId, displayPhoneNumber: '+1 555 0100', verifiedName: 'Bedford Blade' });
    // Nobody has written to this number: the 24-hour window is closed.
    const sent = await api.send(USER.waId, { type: 'text', text: { body: 'Hello' } });
    expect(sent.messageId).toMatch(/^wamid\./);
    await api.send(USER.waId, { type: 'interactive', interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } } });
    await api.send(USER.waId, { type: 'interactive', interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Choose', sections: [{ rows: [{ id: 'r1', title: 'Row', description: 'd' }] }] } } });
    const tooMany = await api.send(USER.waId, { type: 'interactive', interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply' as const, reply: { id, title: id } })) } } }).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(WhatsAppError);
    expect(tooMany).toMatchObject({ status: 400, code: 100 });
    const unknownTemplate = await api.send(USER.waId, { type: 'template', template: { name: 'nope', language: { code: 'en' } } }).catch((e: unknown) => e);
    expect(unknownTemplate).toMatchObject({ code: 132001 });
    wa.approveTemplate(n.phoneNumberId, 'appointment_reminder', 'en_US');
    await api.send(USER.waId, { type: 'template', template: { name: 'appointment_reminder', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Haircut' }] }] } });
    // Outside the window a free-form message is accepted by the API but never delivered; a template is.
    expect(wa.chat(n.phoneNumberId, USER.waId).map((l) => [l.type, l.status])).toEqual([
      ['text', 'failed'], ['interactive:button', 'failed'], ['interactive:list', 'failed'], ['template', 'delivered'],
    ]);
    const badToken = cloudApi(wa.apiRoot)({ phoneNumberId: n.phoneNumberId, accessToken: 'EAAwrong' });
    const refused = await badToken.phoneNumber().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WhatsAppError);
    expect((refused as WhatsAppError).unauthorized).toBe(true);
    wa.failNext(500);
    const down = await api.send(USER.waId, { type: 'text', text: { body: 'x' } }).catch((e: unknown) => e);
    expect((down as WhatsAppError).retryable).toBe(true);
  });
});

describe('WhatsApp channel against the emulator', () => {
  let h: Harness;
  let wa: WhatsAppEmulator;
  let rt: ChannelsRuntime;
  let number: ReturnType<WhatsAppEmulator['createNumber']>;
  let businessId: string;
  let owner: ConsoleSessionClient;

  const rows = async () => ({
    conversations: (await h.deps.db.select({ n: count() }).from(conversations))[0]!.n,
    messages: (await h.deps.db.select({ n: count() }).from(conversationMessages))[0]!.n,
  });
  const businessLines = () => wa.chat(number.phoneNumberId, USER.waId).filter((l) => l.from === 'business');
  const tap = async (pick: (c: { id: string; title: string }) => boolean) => {
    const choices = wa.lastChoices(number.phoneNumberId, USER.waId);
    const c = choices.find(pick);
    if (!c) throw new Error(`no such choice in ${JSON.stringify(choices)}`);
    const r = await wa.userTaps(number.phoneNumberId, USER, c.id);
    expect(r.status).toBe(200);
    return r;
  };

  beforeAll(async () => {
    h = await createHarness('pglite');
    wa = await startWhatsAppEmulator({ now: () => h.clock.now().getTime() });
    number = wa.createNumber('+1 555 0123', 'Bedford Blade Barbershop');
    rt = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', whatsappApiRoot: wa.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid' });
    h.deps.outbound = channelOutbound(h.deps, rt);
    const { url } = await h.http({ channels: rt });
    rt.publicUrl = url;
    owner = await signIn(url, ownerOf('demo-barber-nyc'));
    businessId = (await h.deps.db.select().from(sites).where(eq(sites.siteKey, 'demo-barber-nyc')))[0]!.businessId;
  });
  afterAll(async () => {
    await wa?.close();
    await h?.close();
  });

  it('the owner connects the number: bad fields are a 400 naming them; token and app secret are sealed; staff may not', async () => {
    const input = { phoneNumberId: number.phoneNumberId, accessToken: number.accessToken, appSecret: number.appSecret, templates: {} };
    expect(await consoleFailure(owner.client.channels.connectWhatsApp.mutate({ ...input, accessToken: 'EAAwrong' }))).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'accessToken' }] } });
    expect(await consoleFailure(owner.client.channels.connectWhatsApp.mutate({ ...input, phoneNumberId: 'abc' }))).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'phoneNumberId' }] } });
    expect(await consoleFailure(owner.client.channels.connectWhatsApp.mutate({ ...input, templates: { ru: { code: 'ru-RU', reminder: '', notice: '' } } }))).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'templates.ru.code' }] } });
    const barber = await signIn(rt.publicUrl, staffAccount('barber-marcus', 'demo-barber-nyc'));
    expect(await consoleFailure(barber.client.channels.connectWhatsApp.mutate(input))).toMatchObject({ code: 'FORBIDDEN' });

    const r = await owner.client.channels.connectWhatsApp.mutate({ ...input, templates: { en: { code: 'en_US', reminder: 'appointment_reminder', notice: 'booking_update' } } });
    const view = r.channels.find((c) => c.channel === 'whatsapp');
    expect(view).toMatchObject({ connected: true, displayPhoneNumber: '+1 555 0123', verifiedName: 'Bedford Blade Barbershop', templates: { en: { code: 'en_US', reminder: 'appointment_reminder', notice: 'booking_update' } } });
    const status = JSON.stringify(await owner.client.channels.status.query());
    expect(status).not.toContain(number.accessToken);
    expect(status).not.toContain(number.appSecret);
    const row = (await h.deps.db.select().from(channelConnections).where(eq(channelConnections.channel, 'whatsapp')))[0]!;
    expect(row.secretSealed).not.toContain(number.accessToken);
    expect(view && 'callbackUrl' in view ? view.callbackUrl : null).toBe(`${rt.publicUrl}/channels/whatsapp/${row.id}`);

    // Changing only the templates keeps the sealed credentials.
    expect((await connectWhatsApp(h.deps, rt, businessId, { phoneNumberId: number.phoneNumberId, templates: { en: { code: 'en_US', reminder: 'appointment_reminder', notice: 'booking_update' } } })).ok).toBe(true);
  });

  it('answers Meta’s verification handshake only with the verify token', async () => {
    const view = (await owner.client.channels.status.query()).channels.find((c) => c.channel === 'whatsapp')!;
    if (view.channel !== 'whatsapp') throw new Error('no whatsapp view');
    const url = view.callbackUrl!;
    expect(await wa.subscribe(number.phoneNumberId, url, 'wrong-token')).toEqual({ ok: false, status: 403 });
    const noMode = await fetch(`${url}?hub.challenge=1&hub.verify_token=${encodeURIComponent(view.verifyToken!)}`);
    expect(noMode.status).toBe(403);
    const other = await fetch(`${rt.publicUrl}/channels/whatsapp/no-such?hub.mode=subscribe&hub.challenge=1&hub.verify_token=${encodeURIComponent(view.verifyToken!)}`);
    expect(other.status).toBe(403);
    expect(await wa.subscribe(number.phoneNumberId, url, view.verifyToken!)).toEqual({ ok: true, status: 200 });
  });

  it('a client books through WhatsApp: menu → service → slot → contact → confirmed, with buttons and lists', async () => {
    expect((await wa.userSays(number.phoneNumberId, USER, 'Hi')).status).toBe(200);
    expect(wa.lastChoices(number.phoneNumberId, USER.waId).map((c) => c.id)).toContain('o:intent:book');
    await tap((c) => c.id === 'o:intent:book');
    const services = wa.lastChoices(number.phoneNumberId, USER.waId).filter((c) => c.id.startsWith('o:svc:'));
    expect(services.length).toBeGreaterThan(0);
    await tap((c) => c.id === services[0]!.id);
    if (wa.lastChoices(number.phoneNumberId, USER.waId).some((c) => c.id === 'o:staff:any')) await tap((c) => c.id === 'o:staff:any');
    const slots = wa.lastChoices(number.phoneNumberId, USER.waId).filter((c) => c.id.startsWith('o:slot:'));
    expect(slots.length).toBeGreaterThan(0);
    // More than three choices: a list message.
    expect(businessLines().at(-1)!.type).toBe('interactive:list');
    await tap((c) => c.id === slots[0]!.id);
    const ask = businessLines().at(-1)!;
    expect(ask.text).toContain('By sending them you agree');
    await tap((c) => c.id === 'share');
    if (wa.lastChoices(number.phoneNumberId, USER.waId).some((c) => c.id === 'o:act:yes')) await tap((c) => c.id === 'o:act:yes');

    const booked = await h.deps.db.select().from(bookings).where(eq(bookings.status, 'confirmed'));
    expect(booked, businessLines().map((l) => l.text).join('\n---\n')).toHaveLength(1);
    const conv = (await h.deps.db.select().from(conversations).where(eq(conversations.channel, 'whatsapp')))[0]!;
    expect(conv).toMatchObject({ externalRef: USER.waId, outcome: 'booked', contactPhone: `+${USER.waId}`, contactName: 'Maya Levin' });
    if (process.env.DUMP_CHAT) console.log(wa.chat(number.phoneNumberId, USER.waId).map((l) => `[${l.from} ${l.type} ${l.status}] ${l.text} ${l.choices ? JSON.stringify(l.choices).slice(0, 300) : ''}`).join('\n'));
    expect(businessLines().some((l) => l.text.includes('/manage?token='))).toBe(true);
    expect(businessLines().every((l) => l.status === 'delivered')).toBe(true);

    // Booked in WhatsApp: WhatsApp is now the client's channel; the confirmation goes there once.
    const customer = (await h.deps.db.select().from(customers).where(eq(customers.id, conv.customerId!)))[0]!;
    expect(customer.preferredChannel).toBe('whatsapp');
    const before = businessLines().length;
    const d = { ...jobDeps(h, 'outbox'), channels: rt };
    await runNow(d, h);
    await runNow(d, h);
    expect(businessLines().slice(before).map((l) => l.text)).toEqual([expect.stringMatching(/^Bedford Blade Barbershop: booked Haircut, March 2, 10:00\sAM, \$\d+\. Change: http.*\/manage\?token=/)]);
  });

  it('outside the 24-hour window the reminder goes as the approved template, once, with Confirm / Reschedule quick replies; Reschedule moves the booking in the chat', async () => {
    wa.approveTemplate(number.phoneNumberId, 'appointment_reminder', 'en_US');
    // A change window the 2-hour reminder is still inside (Reschedule is offered then).
    await h.deps.db.update(businesses).set({ cancellationWindowMin: 60 }).where(eq(businesses.id, businessId));
    const booking = (await h.deps.db.select().from(bookings).where(eq(bookings.status, 'confirmed')))[0]!;
    // The client last wrote more than a day before the 2-hour reminder falls due.
    await h.deps.db.update(conversations).set({ lastVisitorAt: new Date(booking.startsAt.getTime() - 27 * 3600_000) }).where(eq(conversations.channel, 'whatsapp'));
    h.clock.set(new Date(booking.startsAt.getTime() - 119 * 60_000));
    const before = businessLines().length;
    const d = { ...jobDeps(h, 'outbox'), channels: rt };
    await runNow(d, h);
    await runNow(d, h);
    const sent = businessLines().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'template', status: 'delivered', template: { name: 'appointment_reminder', language: 'en_US', parameters: ['Haircut', expect.stringMatching(/^March 2, 10:00\sAM$/), 'Bedford Blade Barbershop'] } });
    expect(await h.deps.db.select().from(sentMessages).where(eq(sentMessages.kind, 'whatsapp:reminder_120'))).toHaveLength(1);
    // Its quick replies are Confirm / Reschedule: tapping Confirm records "I'll be there" and thanks the client.
    expect(sent[0]!.template!.payloads).toEqual([`r:ok:${booking.id}`, `r:mv:${booking.id}`]);
    expect((await wa.userTaps(number.phoneNumberId, USER, `r:ok:${booking.id}`)).status).toBe(200);
    expect(businessLines().at(-1)!.text).toMatch(/^Thank you! See you Monday, March 2 at 10:00\sAM\.$/);
    expect((await h.deps.db.select().from(bookings).where(eq(bookings.id, booking.id)))[0]!.visitorConfirmedAt).not.toBeNull();

    // Reschedule on the same reminder: the free times (a list), one picked and confirmed moves the booking.
    expect((await wa.userTaps(number.phoneNumberId, USER, `r:mv:${booking.id}`)).status).toBe(200);
    const moves = wa.lastChoices(number.phoneNumberId, USER.waId).filter((c) => c.id.startsWith('o:slot:') && !c.id.includes(String(booking.startsAt.getTime())));
    expect(moves.length, businessLines().slice(-3).map((l) => l.text).join('\n')).toBeGreaterThan(0);
    await tap((c) => c.id === moves[0]!.id);
    await tap((c) => c.id === 'o:act:yes');
    const moved = (await h.deps.db.select().from(bookings).where(eq(bookings.id, booking.id)))[0]!;
    expect(moved.status).toBe('confirmed');
    expect(moved.startsAt.getTime()).not.toBe(booking.startsAt.getTime());
    expect(moved.version).toBeGreaterThan(booking.version);
    // The move is announced on the client's channel too (notify.booking_rescheduled), once.
    const n = businessLines().length;
    await runNow(d, h);
    await runNow(d, h);
    expect(businessLines().slice(n).map((l) => l.text)).toEqual([expect.stringMatching(/^Bedford Blade Barbershop: moved Haircut to /)]);
  });

  it('refuses forged webhooks (bad or missing signature: 401) and plays a redelivered message once', async () => {
    const stranger = { waId: '12125550999', name: 'Eve' };
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'waba', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: number.phoneNumberId }, contacts: [{ wa_id: stranger.waId, profile: { name: 'Eve' } }], messages: [{ from: stranger.waId, id: 'wamid.forged', timestamp: '1', type: 'text', text: { body: 'hi' } }] } }] }],
    };
    const before = await rows();
    expect((await wa.deliver(number.phoneNumberId, body, hubSignature(JSON.stringify(body), 'not-the-app-secret'))).status).toBe(401);
    expect((await wa.deliver(number.phoneNumberId, body, null)).status).toBe(401);
    const row = (await whatsappConnection(h.deps, businessId))!;
    const raw = JSON.stringify(body);
    // Signed right, but for another connection's URL.
    const other = await fetch(`${rt.publicUrl}/channels/whatsapp/no-such`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, number.appSecret) }, body: raw });
    expect(other.status).toBe(401);
    // The signature covers the raw bytes: the same JSON re-spaced does not pass.
    const respaced = await fetch(`${rt.publicUrl}/channels/whatsapp/${row.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, number.appSecret) }, body: JSON.stringify(body, null, 1) });
    expect(respaced.status).toBe(401);
    expect(await rows()).toEqual(before);

    const sent = await wa.userSays(number.phoneNumberId, USER, 'how much is a haircut?');
    const afterFirst = await rows();
    const lines = wa.chat(number.phoneNumberId, USER.waId).length;
    expect(afterFirst.messages).toBeGreaterThan(before.messages);
    const again = await wa.deliver(number.phoneNumberId, sent.body);
    expect(again.status).toBe(200);
    expect(await rows()).toEqual(afterFirst);
    expect(wa.chat(number.phoneNumberId, USER.waId).length).toBe(lines);
  });

  it('a hand-off from WhatsApp is answered from the console inbox, and the answer arrives in WhatsApp', async () => {
    await wa.userSays(number.phoneNumberId, USER, 'menu');
    const menu = wa.lastChoices(number.phoneNumberId, USER.waId);
    if (menu.some((c) => c.id === 'menu')) await tap((c) => c.id === 'menu');
    await tap((c) => c.id === 'o:intent:human');
    for (let i = 0; i < 4 && !(await owner.client.inbox.list.query({ status: 'open' })).items.length; i++) {
      const last = businessLines().at(-1)!;
      if (last.choices?.some((c) => c.id === 'share')) await wa.userSays(number.phoneNumberId, USER, 'Maya +1 212 555 0177');
      else await wa.userSays(number.phoneNumberId, USER, 'Can I bring my dog?');
    }
    const item = (await owner.client.inbox.list.query({ status: 'open' })).items[0];
    expect(item, businessLines().map((l) => l.text).join('\n---\n')).toBeDefined();
    await owner.client.inbox.reply.mutate({ id: item!.id, body: 'Of course, dogs are welcome!' });
    expect(businessLines().at(-1)!.text).toBe('Jordan Reyes: Of course, dogs are welcome!');
  });

  it('"delete my data" in WhatsApp: the bot asks, the yes erases, and "your data is deleted" still reaches the chat (nothing of the chat is kept)', async () => {
    const conv = (await h.deps.db.select().from(conversations).where(eq(conversations.channel, 'whatsapp')))[0]!;
    expect(conv.externalRef).toBe(USER.waId);
    await wa.userSays(number.phoneNumberId, USER, 'Please delete my data');
    expect(wa.lastChoices(number.phoneNumberId, USER.waId).map((c) => c.id), businessLines().slice(-2).map((l) => l.text).join('\n')).toContain('o:act:yes');
    const n = businessLines().length;
    await tap((c) => c.id === 'o:act:yes');
    expect(businessLines().slice(n).map((l) => l.text)).toEqual(['Done: your data is deleted. This chat is closed; if you write again, a new one starts.']);
    const after = (await h.deps.db.select().from(conversations).where(eq(conversations.id, conv.id)))[0]!;
    expect([after.externalRef, after.contactPhone, after.status]).toEqual([null, null, 'closed']);
    expect(await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, conv.id))).toEqual([]);
  });
});
