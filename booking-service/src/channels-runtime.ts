/**
 * The messenger channels' runtime from validated env (issue 16): grammY's client (loaded on first use) pointed at
 * TELEGRAM_API_ROOT and the WhatsApp Cloud API client pointed at WHATSAPP_API_ROOT (the real
 * services, or loopback emulators in the demo and tests), and the cipher sealing channel credentials. The key is CHANNEL_TOKEN_KEY, or — when unset — derived from the
 * app secret (HMAC), so a demo or a first deployment works without another secret; production
 * should set its own key so the database alone never opens the tokens (see SECURITY.md).
 */
import { createHmac } from 'node:crypto';
import { createTokenCipher, parseKey } from './adapters/google/token-cipher.js';
import { cloudApi } from './adapters/whatsapp/cloud-api.js';
import { smsRuSender } from './adapters/sms/smsru.js';
import { twilioInbound, twilioSender } from './adapters/sms/twilio.js';
import type { ChannelsRuntime } from './services/channels/runtime.js';
import { createPacer } from './services/channels/pacer.js';
import { lazyTelegramBots } from './lazy-adapters.js';
import { pacedBots } from './services/channels/paced-bot.js';
import { pacedWhatsApp, WHATSAPP_LIMITS } from './services/channels/paced-whatsapp.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface ChannelsRuntimeParts {
  telegramApiRoot: string;
  /** Graph API root for WhatsApp (default graph.facebook.com). */
  whatsappApiRoot?: string | undefined;
  whatsappDashboard?: ChannelsRuntime['whatsappDashboard'];
  tokenKey?: string | undefined;
  appSecret: string;
  publicUrl: string;
  demo?: boolean;
  log?: (msg: string, err?: unknown) => void;
  /** The SMS provider: SMS.ru (root URL and api_id) or Twilio (root, account SID, auth token, number); none = no SMS. */
  sms?: SmsProvider | undefined;
  /** Telegram's flood limits (defaults 30/s per bot, 1/s per chat). */
  pacing?: { perBotPerSec?: number; perChatPerSec?: number; marginMs?: number } | undefined;
  /** WhatsApp's limits (defaults: 80/s per business number, 1 per 6 s per client with bursts of 20). */
  whatsappPacing?: { perNumberPerSec?: number; perUserPerSec?: number; userBurst?: number; marginMs?: number } | undefined;
}

export type SmsProvider =
  | { provider?: 'smsru'; apiUrl: string; apiKey: string; from?: string | undefined }
  | { provider: 'twilio'; apiUrl: string; accountSid: string; authToken: string; from: string };

function smsOf(p: SmsProvider | undefined): Pick<ChannelsRuntime, 'sms' | 'smsInbound'> {
  if (!p) return {};
  if (p.provider === 'twilio') return { sms: twilioSender(p), smsInbound: twilioInbound(p.authToken) };
  // SMS.ru: sending only (its callbacks report delivery statuses, not clients' texts).
  return { sms: smsRuSender(p) };
}

export function channelKey(tokenKey: string | undefined, appSecret: string): Buffer {
  return tokenKey ? parseKey(tokenKey) : createHmac('sha256', appSecret).update('frontdesk channel credentials v1').digest();
}

export function buildChannelsRuntime(p: ChannelsRuntimeParts): ChannelsRuntime {
  return {
    // grammY loads when a bot first calls Telegram (lazy-adapters.ts), not at every start.
    telegram: pacedBots(lazyTelegramBots(p.telegramApiRoot), createPacer({ now: Date.now, sleep, marginMs: 50, ...p.pacing }), sleep),
    whatsapp: pacedWhatsApp(cloudApi(p.whatsappApiRoot ?? 'https://graph.facebook.com'), whatsappPacer(p.whatsappPacing), sleep),
    whatsappDashboard: p.whatsappDashboard,
    ...smsOf(p.sms),
    cipher: createTokenCipher(channelKey(p.tokenKey, p.appSecret)),
    publicUrl: p.publicUrl,
    demo: p.demo ?? false,
    log: p.log,
  };
}

function whatsappPacer(o: ChannelsRuntimeParts['whatsappPacing']) {
  const l = { ...WHATSAPP_LIMITS, ...o };
  return createPacer({ now: Date.now, sleep, perBotPerSec: l.perNumberPerSec, perChatPerSec: l.perUserPerSec, chatBurst: l.userBurst, marginMs: o?.marginMs ?? 50 });
}
