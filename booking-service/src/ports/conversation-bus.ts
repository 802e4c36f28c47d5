/**
 * "Something new in a conversation": the signal that wakes server-push streams (the widget's SSE,
 * the console inbox) in every service process. It carries no content: a listener reads the new
 * messages from the database (services/conversation/transcript.ts), so a lost or repeated signal
 * costs a read, never a message.
 *
 * Adapters: in-process (one process, the embedded database) and PostgreSQL LISTEN/NOTIFY (several
 * processes); publish is called after the transaction that appended the messages committed.
 */
export interface ConversationSignal {
  businessId: string;
  conversationId: string;
  /** The conversation's last transcript seq after the change. */
  seq: number;
  /**
   * What changed: new messages, or only the typing/online state. Presence is stateless: an open
   * visitor stream says `online` when it opens and at each heartbeat and `offline` when it closes;
   * a staff stream that opens asks with `ping` and every visitor stream answers `online` at once.
   */
  kind: 'messages' | 'typing' | 'online' | 'offline' | 'ping';
}

export interface ConversationBus {
  publish(signal: ConversationSignal): Promise<void>;
  /** Listen to one conversation, or to every conversation of a business (the console inbox). */
  subscribe(
    topic: { conversationId: string } | { businessId: string },
    listener: (signal: ConversationSignal) => void,
  ): () => void;
  close(): Promise<void>;
}
