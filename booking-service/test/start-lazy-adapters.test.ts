/**
 * Telegram's and the assistant's clients load on first use (src/lazy-adapters.ts), and then
 * behave as the adapters themselves: the bot's calls reach the Bot API (the emulator), a model
 * answers through the OpenAI-compatible client (the fake provider), a check sorts its failure.
 * That nothing loads them at start is checked on the import graph (src/main.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAiProvider, type FakeAiProvider } from '../src/dev/fake-ai-provider.js';
import { startTelegramEmulator, type TelegramEmulator } from '../src/dev/telegram-emulator.js';
import { lazyAssistantModels, lazyTelegramBots } from '../src/lazy-adapters.js';
import { isUnauthorized } from '../src/adapters/telegram/bot-api.js';

describe('adapters loaded on first use', () => {
  let tg: TelegramEmulator;
  let ai: FakeAiProvider;
  beforeAll(async () => {
    tg = await startTelegramEmulator();
    ai = await startFakeAiProvider();
  });
  afterAll(async () => {
    await tg?.close();
    await ai?.close();
  });

  it('a Telegram bot calls the Bot API as grammY does, and its refusals are grammY\'s errors', async () => {
    const token = tg.createBot('lazy_start_bot', 'Lazy Start');
    const bot = lazyTelegramBots(tg.apiRoot)(token);
    expect(await bot.getMe()).toMatchObject({ username: 'lazy_start_bot', firstName: 'Lazy Start' });
    const refused = await lazyTelegramBots(tg.apiRoot)(`123456:${'B'.repeat(35)}`).getMe().catch((e: unknown) => e);
    expect(isUnauthorized(refused)).toBe(true);
  });

  it('an assistant model answers through the OpenAI client, named before it loads; a check says what went wrong', async () => {
    const model = lazyAssistantModels.model({ baseURL: ai.baseURL, model: 'lazy-1', apiKey: 'k' });
    expect(model.name).toBe('lazy-1');
    ai.script([{ reply: 'hello', tokens: 7 }]);
    const step = await model.step([{ role: 'user', content: 'hi' }], [], AbortSignal.timeout(10_000));
    expect(step).toMatchObject({ content: 'hello', tokens: 7 });
    const check = await lazyAssistantModels.check({ baseURL: 'http://127.0.0.1:1/v1', model: 'x', apiKey: 'k' }, AbortSignal.timeout(10_000));
    expect(check).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
