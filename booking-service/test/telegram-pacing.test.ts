/**
 * Bursts to Telegram are paced, not dropped: the emulator enforces flood control (here 5/s per bot
 * and 1/s per chat, so the test is short; production paces at 30/s) and refuses what goes over
 * it with 429; the paced client delivers every message (spaced to the limit; a rare 429 from
 * latency jitter is waited out with retry_after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startTelegramEmulator, type TelegramEmulator } from '../src/dev/telegram-emulator.js';

describe('Telegram pacing against the emulator’s flood control', () => {
  let tg: TelegramEmulator;
  beforeAll(async () => {
    tg = await startTelegramEmulator({ perBotPerSec: 5, perChatPerSec: 1 });
  });
  afterAll(async () => {
    await tg?.close();
  });

  it('a burst of 12 chats plus 3 messages to one chat: all delivered in order, within the limits', async () => {
    const token = tg.createBot('pacing_bot');
    const rt = buildChannelsRuntime({ telegramApiRoot: tg.apiRoot, appSecret: 'x'.repeat(40), publicUrl: 'http://localhost', pacing: { perBotPerSec: 5, perChatPerSec: 1, marginMs: 250 } });
    const bot = rt.telegram(token);
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => bot.sendMessage(String(1000 + i), `Reminder ${i}`)),
      ...[1, 2, 3].map((n) => bot.sendMessage('42', `Line ${n}`)),
    ]);
    // Paced to the limit (a 250 ms margin here: the test machine is busy); a 429 from latency jitter (cold connections on a busy
    // machine) is waited out with retry_after: nothing is dropped either way.
    expect(tg.throttled()).toBeLessThan(15);
    const sends = tg.sends(token);
    expect(sends).toHaveLength(15);
    for (const s of sends) expect(sends.filter((x) => x.at > s.at - 1000 && x.at <= s.at).length).toBeLessThanOrEqual(5);
    expect(tg.chat(token, 42).map((l) => l.text)).toEqual(['Line 1', 'Line 2', 'Line 3']);
  });

  it('without pacing the same burst hits flood control (the emulator is strict)', async () => {
    const token = tg.createBot('unpaced_bot');
    const rt = buildChannelsRuntime({ telegramApiRoot: tg.apiRoot, appSecret: 'x'.repeat(40), publicUrl: 'http://localhost', pacing: { perBotPerSec: 1000, perChatPerSec: 1000 } });
    const before = tg.throttled();
    await Promise.allSettled(Array.from({ length: 12 }, (_, i) => rt.telegram(token).sendMessage(String(2000 + i), 'x')));
    expect(tg.throttled()).toBeGreaterThan(before);
  });
});
