import type { Db } from '../adapters/db/client.js';
import type { Clock } from '../ports/clock.js';
import type { ChannelOutbound } from '../ports/channel-outbound.js';
import type { ConversationBus } from '../ports/conversation-bus.js';
import type { ConfigCache } from './config-cache.js';
import type { AssistantConfig } from './assistant/turn.js';
import type { TokenCipher } from '../adapters/google/token-cipher.js';
import type { AssistantModelFactory } from '../ports/assistant.js';

/** What every use case receives. Built once in main.ts (or per test). */
export interface Deps {
  db: Db;
  clock: Clock;
  /** HMAC key for signed links. */
  secret: string;
  /** This service's public origin, e.g. http://localhost:3000: links point here. */
  publicUrl: string;
  /** Caches site/business/service/staff config for a few seconds (services/config-cache.ts); absent = always read. */
  configCache?: ConfigCache | undefined;
  /** Wakes server-push streams after a conversation changed (ports/conversation-bus.ts); absent = no push. */
  bus?: ConversationBus | undefined;
  /** Webhooks may target private and loopback addresses (env WEBHOOKS_ALLOW_PRIVATE: tests, the demo); off = SSRF guard on. */
  webhooksAllowPrivate?: boolean | undefined;
  /** How long a staff reply may stay unseen before it is e-mailed (env REPLY_MAIL_DELAY_SECONDS); absent = a minute. */
  replyMailDelayMs?: number | undefined;
  /** Sends new transcript messages of messenger conversations (Telegram…) to the client's chat; absent = channels off. */
  outbound?: ChannelOutbound | undefined;
  /** The optional AI assistant (env AI_BASE_URL/AI_MODEL/AI_API_KEY; services/assistant); absent = off. */
  assistant?: AssistantConfig | undefined;
  /**
   * The owners' own assistant settings (services/assistant/settings.ts): the channels' cipher seals
   * their keys, `models` builds a client per endpoint; absent = only the env default above.
   */
  assistantRuntime?: { cipher: TokenCipher; models: AssistantModelFactory; timeoutMs: number } | undefined;
}
