/**
 * The knowledge base in a Telegram chat (issue 18): the same engine answers there — the owner's
 * entry for a paraphrased question, the catalog's own answer, with the next step as buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startTelegramEmulator, type TelegramEmulator } from '../src/dev/telegram-emulator.js';
import { channelOutbound } from '../src/services/channels/deliver.js';
import type { ChannelsRuntime } from '../src/services/channels/runtime.js';
import { createHarness, type Harness } from './support/harness.js';
import { ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';

const USER = { id: 555_018, firstName: 'Lena', lastName: 'Park', lang: 'en' };

describe('knowledge base in Telegram', () => {
  let h: Harness;
  let tg: TelegramEmulator;
  let rt: ChannelsRuntime;
  let token: string;
  let owner: ConsoleSessionClient;
  const botLines = () => tg.chat(token, USER.id).filter((l) => l.from === 'bot');

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    token = tg.createBot('barber_kb_bot', 'Barber NYC');
    h = await createHarness('pglite');
    rt = buildChannelsRuntime({ telegramApiRoot: tg.apiRoot, appSecret: h.deps.secret, publicUrl: 'http://invalid' });
    h.deps.outbound = channelOutbound(h.deps, rt);
    const { url } = await h.http({ channels: rt });
    rt.publicUrl = url;
    owner = await signIn(url, ownerOf('demo-barber-nyc'));
    await owner.client.channels.connectTelegram.mutate({ token });
    await owner.client.knowledge.create.mutate({ lang: 'en', question: 'Is there parking?', phrasings: ['Where can I leave my car'], answer: 'Street parking on Bedford Ave; the lot behind us is free after 6 PM.', serviceId: null });
  });
  afterAll(async () => {
    await h?.close();
    await tg?.close();
  });

  it('a paraphrased question gets the owner’s answer with "Ask a person"; a catalog question gets its answer with "Book this"', async () => {
    await tg.userSays(token, USER, '/start');
    expect((await tg.userSays(token, USER, 'where do I park my car?')).status).toBe(200);
    expect(botLines().at(-1)!.text).toContain('Street parking on Bedford Ave; the lot behind us is free after 6 PM.');
    expect(tg.lastKeyboard(token, USER.id)!.buttons.map((b) => b.data)).toContain('o:act:ask');

    await tg.userSays(token, USER, 'how long does a beard trim take?');
    expect(botLines().at(-1)!.text).toContain('Beard trim takes 20 minutes.');
    expect(tg.lastKeyboard(token, USER.id)!.buttons.map((b) => b.data)).toEqual(expect.arrayContaining(['o:act:book', 'o:act:ask']));
  });
});
