/**
 * A Telegram bot whose sends keep the flood limits (pacer.ts) and, if Telegram still answers 429,
 * waits its `retry_after` and tries again (a few times) — a burst is slowed, not dropped.
 */
import type { TelegramBot, TelegramBotFactory } from '../../ports/telegram.js';
import type { Pacer } from './pacer.js';

const MAX_429_RETRIES = 3;

export function pacedBots(make: TelegramBotFactory, pacer: Pacer, sleep: (ms: number) => Promise<void>): TelegramBotFactory {
  return (token) => {
    const bot = make(token);
    const botId = token.split(':')[0] ?? token;
    const paced: TelegramBot = {
      ...bot,
      async sendMessage(chatId, text, markup) {
        await pacer.wait(botId, chatId);
        for (let attempt = 0; ; attempt++) {
          try {
            return await bot.sendMessage(chatId, text, markup);
          } catch (err) {
            const e = err as { error_code?: number; parameters?: { retry_after?: number } };
            if (e.error_code !== 429 || attempt >= MAX_429_RETRIES) throw err;
            // Waits in place (no new slot), so the chat's messages keep their order.
            await sleep(Math.min(60, e.parameters?.retry_after ?? 1) * 1000);
          }
        }
      },
    };
    return paced;
  };
}
