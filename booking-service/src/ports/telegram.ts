/**
 * The slice of the Telegram Bot API the service uses, per bot (adapters/telegram/ implements it
 * with grammY against `TELEGRAM_API_ROOT`: Telegram, or the loopback emulator in tests/demo).
 */
import type { TelegramMarkup } from '../domain/channels/telegram-render.js';

export interface TelegramBot {
  getMe(): Promise<{ id: number; username: string; firstName: string }>;
  setWebhook(url: string, secretToken: string): Promise<void>;
  deleteWebhook(): Promise<void>;
  sendMessage(chatId: string, text: string, markup?: TelegramMarkup): Promise<{ messageId: number }>;
  answerCallbackQuery(callbackQueryId: string, text?: string): Promise<void>;
}

export type TelegramBotFactory = (token: string) => TelegramBot;
