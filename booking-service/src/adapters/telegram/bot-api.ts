/**
 * The Telegram Bot API through grammY's client (`Api`), with the API root from configuration
 * (`TELEGRAM_API_ROOT`): Telegram itself, or the loopback emulator (src/dev/telegram-emulator.ts)
 * in tests and the demo — the same client code either way.
 */
import { Api, GrammyError } from 'grammy';
import type { TelegramBot, TelegramBotFactory } from '../../ports/telegram.js';

export { GrammyError };

export function grammyBots(apiRoot: string, timeoutSeconds = 15): TelegramBotFactory {
  return (token) => {
    const api = new Api(token, { apiRoot: apiRoot.replace(/\/+$/, ''), timeoutSeconds });
    const bot: TelegramBot = {
      async getMe() {
        const me = await api.getMe();
        return { id: me.id, username: me.username, firstName: me.first_name };
      },
      async setWebhook(url, secretToken) {
        await api.setWebhook(url, { secret_token: secretToken, allowed_updates: ['message', 'callback_query'], drop_pending_updates: false });
      },
      async deleteWebhook() {
        await api.deleteWebhook();
      },
      async sendMessage(chatId, text, markup) {
        const m = await api.sendMessage(chatId, text, markup ? { reply_markup: markup } : {});
        return { messageId: m.message_id };
      },
      async answerCallbackQuery(id, text) {
        await api.answerCallbackQuery(id, text ? { text } : {});
      },
    };
    return bot;
  };
}

/** Telegram refused the token (revoked in BotFather, mistyped): the connection is broken, retrying will not help. */
export function isUnauthorized(err: unknown): boolean {
  return err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404);
}
