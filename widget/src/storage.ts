/**
 * The one thing the widget keeps in the browser: which server-held conversation is this
 * visitor's (its id and the token that proves it), in first-party localStorage, written only
 * once the visitor has opened the chat. No contact detail, no transcript: the server holds those.
 */
export interface SavedConversation { id: string; token: string }

export interface ConversationStore {
  load(): SavedConversation | null;
  save(c: SavedConversation): void;
  forget(): void;
  /** Another tab saved or forgot one (the `storage` event). */
  watch(fn: () => void): void;
}

/** Storage can throw (blocked cookies, private mode, quota): the widget then keeps it in memory for the page. */
export function conversationStore(siteKey: string): ConversationStore {
  const key = `frontdesk:${siteKey}:conversation`;
  let memory: SavedConversation | null = null;
  const valid = (v: unknown): v is SavedConversation =>
    !!v && typeof (v as SavedConversation).id === 'string' && typeof (v as SavedConversation).token === 'string';
  return {
    load() {
      try {
        const v: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
        if (valid(v)) return v;
      } catch { /* see above */ }
      return memory;
    },
    save(c) {
      memory = c;
      try {
        localStorage.setItem(key, JSON.stringify({ id: c.id, token: c.token }));
      } catch { /* see above */ }
    },
    forget() {
      memory = null;
      try {
        localStorage.removeItem(key);
      } catch { /* see above */ }
    },
    watch(fn) {
      addEventListener('storage', (e) => e.key === key && fn());
    },
  };
}
