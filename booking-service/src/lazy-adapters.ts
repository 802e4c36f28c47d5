/**
 * Adapters whose client library loads on first use, not at start: grammY (Telegram) and the
 * `openai` client. Every start builds the channels' and the assistant's runtime, but most
 * processes never call Telegram or a model, and each library costs 5–15 MiB of RSS and tens of
 * ms of CPU to load (BENCHMARKS.md: start-up). The ports are asynchronous, so the first call
 * imports the adapter and later calls reuse it; behaviour is the adapter's own.
 */
import type { AssistantEndpoint, AssistantModel, AssistantModelFactory } from './ports/assistant.js';
import type { TelegramBot, TelegramBotFactory } from './ports/telegram.js';

const telegramAdapter = () => import('./adapters/telegram/bot-api.js');
const openAiAdapter = () => import('./adapters/openai/assistant-model.js');

/** grammyBots(apiRoot), loaded when a bot first calls Telegram. */
export function lazyTelegramBots(apiRoot: string): TelegramBotFactory {
  return (token) => {
    let bot: Promise<TelegramBot> | undefined;
    const real = () => (bot ??= telegramAdapter().then((m) => m.grammyBots(apiRoot)(token)));
    return {
      getMe: async () => (await real()).getMe(),
      setWebhook: async (url, secretToken) => (await real()).setWebhook(url, secretToken),
      deleteWebhook: async () => (await real()).deleteWebhook(),
      sendMessage: async (chatId, text, markup) => (await real()).sendMessage(chatId, text, markup),
      answerCallbackQuery: async (id, text) => (await real()).answerCallbackQuery(id, text),
    };
  };
}

/** openAiModel / checkOpenAiEndpoint, loaded when a model is first asked or checked. */
export const lazyAssistantModels: AssistantModelFactory = {
  model(endpoint: AssistantEndpoint): AssistantModel {
    let model: Promise<AssistantModel> | undefined;
    return {
      name: endpoint.model,
      step: async (messages, tools, signal) => (await (model ??= openAiAdapter().then((m) => m.openAiModel(endpoint)))).step(messages, tools, signal),
    };
  },
  check: async (endpoint, signal) => (await openAiAdapter()).checkOpenAiEndpoint(endpoint, signal),
};
