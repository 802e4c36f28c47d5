/**
 * A live SLA clock: re-renders every second from the shared ticker and derives the time left
 * from the server's remainingMs and the local time elapsed since that answer arrived.
 */
import { signal } from '@preact/signals';
import type { InboxItem } from '../api/contract.js';
import { fmt, t } from '../i18n/index.js';
import { formatDuration, remainingAt, slaState } from '../lib/sla.js';

/** Local ms clock ticking once a second while any clock is on screen. */
export const tick = signal(Date.now());
let timer: ReturnType<typeof setInterval> | undefined;
let users = 0;

export function startTicker(): () => void {
  users++;
  if (!timer) timer = setInterval(() => (tick.value = Date.now()), 1000);
  return () => {
    users--;
    if (users === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function SlaClock(props: { item: InboxItem; receivedAt: number }) {
  const d = t.value.inbox;
  const { sla } = props.item;
  const input = { remainingMs: sla.remainingMs, paused: sla.paused, breached: sla.breached, answered: props.item.firstReplyAt !== null };
  const left = remainingAt(input, tick.value - props.receivedAt);
  const state = slaState(input, left);
  const time = formatDuration(left);
  const text =
    state === 'stopped' ? d.answered : state === 'overdue' ? fmt(d.overdue, { time }) : state === 'paused' ? fmt(d.paused, { time }) : fmt(d.left, { time });
  return (
    <span class={`sla sla-${state}`} data-state={state}>
      {text}
    </span>
  );
}
