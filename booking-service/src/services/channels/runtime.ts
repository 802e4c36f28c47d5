/**
 * What the channel services need besides Deps, built from env in src/channels-runtime.ts: the
 * Bot API client factory (pointed at TELEGRAM_API_ROOT), the WhatsApp Cloud API client (WHATSAPP_API_ROOT), the cipher that seals channel
 * credentials, and where webhooks reach this service.
 */
import { createHmac } from 'node:crypto';
import type { TokenCipher } from '../../adapters/google/token-cipher.js';
import type { SmsInboundReader, SmsSender } from '../../ports/sms.js';
import type { TelegramBotFactory } from '../../ports/telegram.js';
import type { WhatsAppApiFactory } from '../../ports/whatsapp.js';

export interface ChannelsRuntime {
  telegram: TelegramBotFactory;
  /** The WhatsApp Cloud API client factory (pointed at WHATSAPP_API_ROOT). */
  whatsapp: WhatsAppApiFactory;
  /**
   * The demo only: stands in for the owner's step in Meta's App Dashboard (subscribing the
   * callback URL with the verify token), which the emulator then checks with the handshake.
   */
  whatsappDashboard?: ((s: { phoneNumberId: string; callbackUrl: string; verifyToken: string; appSecret: string }) => Promise<unknown>) | undefined;
  /** The SMS provider (SMS_API_URL + SMS_API_KEY); absent = no SMS. */
  sms?: SmsSender | undefined;
  /** The provider's inbound webhook (`POST /channels/sms/<provider>`), when clients can answer texts. */
  smsInbound?: SmsInboundReader | undefined;
  /** Seals bot tokens / API keys at rest (AES-256-GCM; the connection id is the associated data). */
  cipher: TokenCipher;
  /** Public origin webhooks are registered at (PUBLIC_URL). */
  publicUrl: string;
  /** Labels the emulated channels in the console ("Demo Telegram — not Telegram"). */
  demo: boolean;
  log?: ((msg: string, err?: unknown) => void) | undefined;
}

/**
 * The secret_token a connection's webhook is registered with: derived (HMAC of the app secret),
 * so nothing more is stored, and different per connection. Bot API allows [A-Za-z0-9_-]{1,256}.
 */
export function webhookSecret(appSecret: string, connectionId: string): string {
  return createHmac('sha256', appSecret).update(`channel-webhook:${connectionId}`).digest('base64url');
}

export function telegramWebhookUrl(publicUrl: string, connectionId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/channels/telegram/${encodeURIComponent(connectionId)}`;
}
