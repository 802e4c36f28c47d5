/**
 * "Send what is new in this conversation to the client's messenger" (issue 16): the one way the
 * transcript reaches a Telegram / WhatsApp / SMS chat, whoever wrote it — the bot's answers to an
 * inbound message and staff replies from the console alike. Call it after the transaction that
 * appended the messages committed (like `ConversationBus.publish`). The implementation keeps a
 * per-conversation cursor, so a repeated or concurrent call sends nothing twice; widget
 * conversations are a no-op (the widget reads its own transcript).
 */
export interface ChannelOutbound {
  deliver(conversation: { businessId: string; conversationId: string }): Promise<void>;
}
