/**
 * The inbox's SLA clock. The server sends `remainingMs` (working milliseconds left, negative
 * once overdue) as of `serverNow`; the console counts it down locally every second from the
 * moment the answer arrived, so the clock needs no synchronised time, only elapsed time.
 * While `paused` (outside the business's working hours) the clock stands still, and once the
 * first reply went out it is stopped for good.
 */
export type SlaState = 'running' | 'soon' | 'overdue' | 'paused' | 'stopped';

/** Under five minutes left is shown as urgent (the hot target is 5 min in total). */
export const SOON_MS = 5 * 60_000;

export interface SlaInput {
  remainingMs: number;
  paused: boolean;
  breached: boolean;
  /** The first human reply went out: the SLA is settled. */
  answered: boolean;
}

/** Milliseconds left `elapsedMs` after the answer arrived. */
export function remainingAt(sla: SlaInput, elapsedMs: number): number {
  if (sla.paused || sla.answered) return sla.remainingMs;
  return sla.remainingMs - Math.max(0, elapsedMs);
}

export function slaState(sla: SlaInput, remaining: number): SlaState {
  if (sla.answered) return 'stopped';
  if (remaining < 0 || sla.breached) return 'overdue';
  if (sla.paused) return 'paused';
  return remaining < SOON_MS ? 'soon' : 'running';
}

/**
 * "4:05", "1:02:03", "2 d 03:00:00": hours and days only when needed, seconds always, so the
 * clock visibly ticks. Negative amounts are formatted by magnitude (the state says "overdue").
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600) % 24;
  const d = Math.floor(total / 86_400);
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${two(h)}:${two(m)}:${two(s)}`;
  if (h > 0) return `${h}:${two(m)}:${two(s)}`;
  return `${m}:${two(s)}`;
}
