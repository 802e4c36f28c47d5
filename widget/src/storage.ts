import type { Saved } from './flow/conversation';

/** A conversation is picked up again for this long after the last change. */
const CHAT_TTL_MS = 24 * 60 * 60 * 1000;
/** Manage links of bookings made here; kept for the "My booking" button. */
const KEEP_TOKENS = 5;

// Storage can throw (blocked cookies, private mode, quota): the widget then simply forgets.
function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}
function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* see above */
  }
}

/** The site's conversation in first-party localStorage, stamped so stale ones are dropped. */
export function savedChat(siteKey: string, now: () => number): Saved {
  const key = `frontdesk:${siteKey}:chat`;
  let memory: unknown = null;
  if (!siteKey) return { load: () => memory, save: (s) => void (memory = s) };
  return {
    load() {
      const s = read(key) as { at?: number; data?: unknown } | null;
      return s?.at && now() - s.at < CHAT_TTL_MS ? s.data : null;
    },
    save: (data) => write(key, { at: now(), data }),
  };
}

export function savedTokens(siteKey: string): { list: () => string[]; add: (t: string) => void } {
  const key = `frontdesk:${siteKey}:bookings`;
  const list = () => {
    const v = read(key);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return { list, add: (t) => write(key, [...list().filter((x) => x !== t), t].slice(-KEEP_TOKENS)) };
}
