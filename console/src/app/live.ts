/**
 * Live updates from the service (Server-Sent Events, same origin, the session cookie): the
 * business-wide stream `/console/stream` says "conversation X changed"; the menu's unread badge
 * and the open inbox refresh on it. EventSource reconnects by itself; a slow poll covers a
 * stream a proxy keeps cutting.
 */
import { signal } from '@preact/signals';
import { api } from '../api/api.js';
import type { UnreadCounts } from '../api/contract.js';

export const unread = signal<UnreadCounts | null>(null);
/** Bumped on every signal: pages that show conversations reload on it. */
export const changes = signal(0);

const POLL_MS = 30_000;
let source: EventSource | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let poll: ReturnType<typeof setInterval> | undefined;

async function refresh(): Promise<void> {
  try {
    unread.value = await api.inbox.unread();
  } catch {
    // Signed out or offline: the badge keeps its last value; the next signal or poll tries again.
  }
}

/** Several signals in a burst cost one read. */
function soon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), 250);
}

export function startLive(): () => void {
  if (source) return stopLive;
  void refresh();
  if (typeof EventSource !== 'undefined') open();
  poll = setInterval(() => void refresh(), POLL_MS);
  return stopLive;
}

/** After an answer that ends an EventSource for good (a 503 during a database outage). */
export const REOPEN_MS = 5_000;
let reopen: ReturnType<typeof setTimeout> | undefined;

function open(): void {
  const s = new EventSource('/console/stream');
  source = s;
  s.addEventListener('conversation', () => {
    changes.value++;
    soon();
  });
  // A dropped connection is retried by the EventSource itself; an HTTP error answer (503 while
  // the database is away) closes it for good, so the inbox would stop being live until a reload.
  s.addEventListener('error', () => {
    if (s.readyState !== EventSource.CLOSED || source !== s) return;
    clearTimeout(reopen);
    reopen = setTimeout(() => {
      if (source === s) {
        open();
        void refresh();
      }
    }, REOPEN_MS);
  });
}

export function stopLive(): void {
  source?.close();
  source = null;
  clearTimeout(reopen);
  clearTimeout(timer);
  clearInterval(poll);
  unread.value = null;
}

/** The number the menu shows: requests nobody has taken plus unread visitor messages. */
export function badgeCount(u: UnreadCounts | null): number {
  return u ? u.open + u.messages : 0;
}

export { refresh as refreshUnread };
