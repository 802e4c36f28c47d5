/**
 * A loopback emulator of the parts of the Telegram Bot API that Frontdesk uses, so the real
 * client (grammY's `Api`, pointed here by TELEGRAM_API_ROOT) is tested and demoed without
 * Telegram. Faithful to the public reference where we rely on it:
 * - `POST /bot<token>/<method>` with a JSON (or form) body, answered `{ ok: true, result }` or
 *   `{ ok: false, error_code, description }` (401 "Unauthorized" for an unknown token, 400 for
 *   bad parameters, 429 with `parameters.retry_after` when a limit is hit);
 * - getMe, setWebhook (url, secret_token — [A-Za-z0-9_-]{1,256}), deleteWebhook, getWebhookInfo,
 *   sendMessage (text ≤ 4096; reply_markup inline_keyboard with callback_data ≤ 64 bytes,
 *   keyboard with request_contact, remove_keyboard), answerCallbackQuery;
 * - updates POSTed to the webhook as Telegram does: JSON, header X-Telegram-Bot-Api-Secret-Token,
 *   update_id increasing per bot; a non-2xx answer is what Telegram would redeliver.
 * Limits (for the pacing tests): more than `perChatPerSec` messages to one chat in a second, or
 * `perBotPerSec` per bot, are refused with 429 like Telegram's flood control; faults can be injected.
 * People are simulated with `userSays`, `userTaps`, `userSharesContact`; `chat()` shows a chat.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatedUser { id: number; firstName: string; lastName?: string; lang?: string }

export interface ChatLine {
  messageId: number;
  from: 'bot' | 'user';
  text: string;
  /** The reply_markup the bot sent with it. */
  markup?: Record<string, unknown> | undefined;
  at: number;
}

interface Bot {
  id: number;
  username: string;
  firstName: string;
  webhook: { url: string; secret?: string | undefined } | null;
  nextUpdateId: number;
  nextMessageId: number;
  chats: Map<number, ChatLine[]>;
  /** Send instants (ms), for the flood-control check and the pacing tests. */
  sends: Array<{ chatId: number; at: number }>;
}

export interface WebhookDelivery { status: number; updateId: number; update: Record<string, unknown> }

export interface TelegramEmulator {
  /** The API root to configure (TELEGRAM_API_ROOT), e.g. http://127.0.0.1:41234 */
  apiRoot: string;
  /** A new bot, as BotFather would make it: its token. */
  createBot(username: string, firstName?: string): string;
  revoke(token: string): void;
  webhookOf(token: string): { url: string; secret?: string | undefined } | null;
  userSays(token: string, user: EmulatedUser, text: string): Promise<WebhookDelivery>;
  userTaps(token: string, user: EmulatedUser, messageId: number, data: string): Promise<WebhookDelivery>;
  userSharesContact(token: string, user: EmulatedUser, phone: string): Promise<WebhookDelivery>;
  /** POST an update as given (a replay, or a forged secret with `secret`). */
  deliver(token: string, update: Record<string, unknown>, secret?: string | null): Promise<WebhookDelivery>;
  chat(token: string, chatId: number): ChatLine[];
  /** The last bot message that carries an inline keyboard, and its buttons by caption. */
  lastKeyboard(token: string, chatId: number): { messageId: number; buttons: Array<{ text: string; data: string }> } | null;
  sends(token: string): Array<{ chatId: number; at: number }>;
  /** How many sends flood control refused (429) so far. */
  throttled(): number;
  /** The next `count` calls of `method` answer `status` (e.g. 500, 429). */
  failNext(method: string, status: number, count?: number): void;
  close(): Promise<void>;
}

export interface TelegramEmulatorOptions {
  port?: number;
  /** Flood control as Telegram documents it: about 1 message/s per chat, 30/s per bot. */
  perChatPerSec?: number;
  perBotPerSec?: number;
  now?: () => number;
  /** The demo: any well-formed token is a bot (made on first use), so an owner can paste one from the demo page. */
  autoBots?: boolean;
}

const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

export async function startTelegramEmulator(opts: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  const now = opts.now ?? Date.now;
  const perChat = opts.perChatPerSec ?? Infinity;
  const perBot = opts.perBotPerSec ?? Infinity;
  const bots = new Map<string, Bot>();
  const faults = new Map<string, { status: number; count: number }>();
  let nextBotId = 7_000_000_000;
  let throttled = 0;

  const botOf = (token: string) => {
    const b = bots.get(token);
    if (!b) throw new Error(`emulator: unknown bot token`);
    return b;
  };
  const linesOf = (b: Bot, chatId: number) => {
    let lines = b.chats.get(chatId);
    if (!lines) b.chats.set(chatId, (lines = []));
    return lines;
  };

  type Answer = { status: number; body: Record<string, unknown> };
  const okAnswer = (result: unknown): Answer => ({ status: 200, body: { ok: true, result } });
  const err = (code: number, description: string, parameters?: Record<string, unknown>): Answer => ({ status: code, body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) } });

  function validMarkup(m: unknown): string | null {
    if (m === undefined) return null;
    if (!m || typeof m !== 'object') return 'reply_markup: expected an object';
    const ik = (m as { inline_keyboard?: unknown }).inline_keyboard;
    if (ik !== undefined) {
      if (!Array.isArray(ik)) return "Bad Request: field \"inline_keyboard\" must be an Array";
      for (const row of ik) {
        if (!Array.isArray(row)) return 'Bad Request: inline keyboard rows must be Arrays';
        for (const b of row as Array<{ text?: unknown; callback_data?: unknown; url?: unknown }>) {
          if (typeof b.text !== 'string' || b.text === '') return 'Bad Request: text buttons are unallowed in the inline keyboard';
          if (b.callback_data !== undefined && (typeof b.callback_data !== 'string' || Buffer.byteLength(b.callback_data) > 64 || b.callback_data === '')) return 'Bad Request: BUTTON_DATA_INVALID';
        }
      }
    }
    return null;
  }

  function call(token: string, method: string, p: Record<string, unknown>): Answer {
    const fault = faults.get(method);
    if (fault && fault.count > 0) {
      fault.count--;
      return fault.status === 429 ? err(429, 'Too Many Requests: retry after 1', { retry_after: 1 }) : err(fault.status, 'Internal Server Error');
    }
    if (!bots.has(token) && opts.autoBots && /^\d{5,20}:[A-Za-z0-9_-]{30,60}$/.test(token)) {
      bots.set(token, { id: nextBotId, username: `demo_${nextBotId++ % 1000}_bot`, firstName: 'Demo bot', webhook: null, nextUpdateId: 100_000, nextMessageId: 1, chats: new Map(), sends: [] });
    }
    const b = bots.get(token);
    if (!b) return err(401, 'Unauthorized');
    switch (method) {
      case 'getMe':
        return okAnswer({ id: b.id, is_bot: true, first_name: b.firstName, username: b.username, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'setWebhook': {
        if (typeof p.url !== 'string' || !/^https?:\/\//.test(p.url)) return err(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        if (p.secret_token !== undefined && (typeof p.secret_token !== 'string' || !SECRET.test(p.secret_token))) return err(400, 'Bad Request: secret token contains unallowed characters');
        b.webhook = { url: p.url, secret: p.secret_token };
        return okAnswer(true);
      }
      case 'deleteWebhook':
        b.webhook = null;
        return okAnswer(true);
      case 'getWebhookInfo':
        return okAnswer({ url: b.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
      case 'sendMessage': {
        const chatId = Number(p.chat_id);
        if (!Number.isSafeInteger(chatId)) return err(400, 'Bad Request: chat not found');
        if (typeof p.text !== 'string' || p.text.trim() === '') return err(400, 'Bad Request: message text is empty');
        if (p.text.length > 4096) return err(400, 'Bad Request: message is too long');
        const markup = typeof p.reply_markup === 'string' ? (JSON.parse(p.reply_markup) as unknown) : p.reply_markup;
        const bad = validMarkup(markup);
        if (bad) return err(400, bad);
        const t = now();
        const recent = b.sends.filter((s) => s.at > t - 1000);
        if (recent.filter((s) => s.chatId === chatId).length >= perChat || recent.length >= perBot) {
          throttled++;
          return err(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
        }
        b.sends.push({ chatId, at: t });
        const messageId = b.nextMessageId++;
        linesOf(b, chatId).push({ messageId, from: 'bot', text: p.text, markup: markup as Record<string, unknown> | undefined, at: t });
        return okAnswer({ message_id: messageId, date: Math.floor(t / 1000), chat: { id: chatId, type: 'private' }, text: p.text, ...(markup ? { reply_markup: markup } : {}) });
      }
      case 'answerCallbackQuery':
        return typeof p.callback_query_id === 'string' ? okAnswer(true) : err(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      default:
        return err(404, 'Not Found');
    }
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!raw) return {};
    if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(raw));
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (a: Answer) => {
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    };
    if (!m) return send(err(404, 'Not Found'));
    readBody(req).then(
      (p) => send(call(decodeURIComponent(m[1]!), m[2]!, p)),
      () => send(err(400, 'Bad Request: can\'t parse JSON')),
    );
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fromOf = (u: EmulatedUser) => ({ id: u.id, is_bot: false, first_name: u.firstName, ...(u.lastName ? { last_name: u.lastName } : {}), ...(u.lang ? { language_code: u.lang } : {}) });

  async function deliver(token: string, update: Record<string, unknown>, secret?: string | null): Promise<WebhookDelivery> {
    const b = botOf(token);
    if (!b.webhook) throw new Error('emulator: the bot has no webhook');
    const s = secret === undefined ? b.webhook.secret : secret;
    const res = await fetch(b.webhook.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(s ? { 'x-telegram-bot-api-secret-token': s } : {}) }, body: JSON.stringify(update) });
    await res.text();
    return { status: res.status, updateId: update.update_id as number, update };
  }

  function userMessage(b: Bot, user: EmulatedUser, fields: Record<string, unknown>, text: string) {
    const messageId = b.nextMessageId++;
    linesOf(b, user.id).push({ messageId, from: 'user', text, at: now() });
    return { update_id: b.nextUpdateId++, message: { message_id: messageId, date: Math.floor(now() / 1000), chat: { id: user.id, type: 'private', first_name: user.firstName }, from: fromOf(user), ...fields } };
  }

  return {
    apiRoot,
    createBot(username, firstName = username) {
      const id = nextBotId++;
      const token = `${id}:${randomBytes(26).toString('base64url').slice(0, 35)}`;
      bots.set(token, { id, username, firstName, webhook: null, nextUpdateId: 100_000, nextMessageId: 1, chats: new Map(), sends: [] });
      return token;
    },
    revoke: (token) => void bots.delete(token),
    webhookOf: (token) => botOf(token).webhook,
    userSays: (token, user, text) => {
      const b = botOf(token);
      return deliver(token, userMessage(b, user, { text }, text));
    },
    userSharesContact: (token, user, phone) => {
      const b = botOf(token);
      return deliver(token, userMessage(b, user, { contact: { phone_number: phone, first_name: user.firstName, ...(user.lastName ? { last_name: user.lastName } : {}), user_id: user.id } }, `📞 ${phone}`));
    },
    userTaps: (token, user, messageId, data) => {
      const b = botOf(token);
      const msg = linesOf(b, user.id).find((l) => l.messageId === messageId);
      return deliver(token, {
        update_id: b.nextUpdateId++,
        callback_query: { id: randomBytes(8).toString('hex'), from: fromOf(user), chat_instance: String(user.id), data, ...(msg ? { message: { message_id: messageId, date: Math.floor(msg.at / 1000), chat: { id: user.id, type: 'private' }, text: msg.text } } : {}) },
      });
    },
    deliver,
    chat: (token, chatId) => [...linesOf(botOf(token), chatId)],
    lastKeyboard(token, chatId) {
      const line = linesOf(botOf(token), chatId).filter((l) => l.from === 'bot' && l.markup && 'inline_keyboard' in l.markup).at(-1);
      if (!line) return null;
      const rows = (line.markup as { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> }).inline_keyboard;
      return { messageId: line.messageId, buttons: rows.flat().map((x) => ({ text: x.text, data: x.callback_data ?? '' })) };
    },
    sends: (token) => [...botOf(token).sends],
    throttled: () => throttled,
    failNext(method, status, count = 1) {
      faults.set(method, { status, count });
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
