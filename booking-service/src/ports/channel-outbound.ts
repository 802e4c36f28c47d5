/**
 * "Send what is new in this conversation to the client's messenger" (issue 16): the one way the
 * transcript reaches a Telegram / WhatsApp / SMS chat, whoever wrote it — the bot's answers to an
 * inbound message and staff replies from the console alike. Call it after the transaction that
 * appended the messages committed (like `ConversationBus.publish`). The implementation keeps a
 * per-conversation cursor, so a repeated or concurrent call sends nothing twice; widget
 * conversations are a no-op (the widget reads its own transcript).
 */
import type { ConversationChannel, Lang, TranscriptMessage } from '../domain/conversation/protocol.js';

export interface ChannelOutbound {
  deliver(conversation: { businessId: string; conversationId: string; farewell?: Farewell | undefined }): Promise<void>;
}

/**
 * The last answer to a messenger chat whose conversation was just erased ("delete my data"
 * confirmed there): the transcript and the chat id are gone from the database, so the turn hands
 * over its own answer and the chat id, held in memory for this one send and stored nowhere.
 * `deliver` then sends these messages instead of reading the transcript.
 */
export interface Farewell {
  channel: Exclude<ConversationChannel, 'widget'>;
  chat: string;
  lang: Lang;
  messages: TranscriptMessage[];
}
