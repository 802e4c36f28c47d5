/**
 * The conversation bus inside one process (ports/conversation-bus.ts): the embedded database
 * serves one process, so a signal only has to reach this process's streams. The PostgreSQL
 * adapter (./notify.ts) uses it too, to fan a received NOTIFY out to local listeners.
 */
import type { ConversationBus, ConversationSignal } from '../../ports/conversation-bus.js';

type Listener = (signal: ConversationSignal) => void;

/** Local fan-out: listeners by topic key (`c:<conversationId>`, `b:<businessId>`). */
export function createFanOut() {
  const topics = new Map<string, Set<Listener>>();
  const call = (key: string, signal: ConversationSignal) => {
    for (const l of topics.get(key) ?? []) {
      // One failing listener (a stream whose socket broke mid-write) must not starve the others.
      try {
        l(signal);
      } catch {
        /* the stream cleans itself up on close */
      }
    }
  };
  return {
    deliver(signal: ConversationSignal): void {
      call(`c:${signal.conversationId}`, signal);
      call(`b:${signal.businessId}`, signal);
    },
    subscribe(topic: { conversationId: string } | { businessId: string }, listener: Listener): () => void {
      const key = 'conversationId' in topic ? `c:${topic.conversationId}` : `b:${topic.businessId}`;
      let set = topics.get(key);
      if (!set) topics.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && topics.get(key) === set) topics.delete(key);
      };
    },
    /** Listeners now registered (tests, and the bus's own bookkeeping). */
    size(): number {
      let n = 0;
      for (const s of topics.values()) n += s.size;
      return n;
    },
    clear(): void {
      topics.clear();
    },
  };
}

export function createMemoryBus(): ConversationBus & { listeners(): number } {
  const fan = createFanOut();
  return {
    publish(signal) {
      // Asynchronously, like a real bus: the publisher's code after publish never races its listeners.
      setImmediate(() => fan.deliver(signal));
      return Promise.resolve();
    },
    subscribe: (topic, listener) => fan.subscribe(topic, listener),
    listeners: () => fan.size(),
    close() {
      fan.clear();
      return Promise.resolve();
    },
  };
}
