/**
 * Where a visitor goes on after passing the owner's questions (flows/qualify.ts): a service's →
 * the booking, straight to the nearest times; an intent's → what they asked for, as they asked it
 * (the quote, a service's price, the hand-off form). A file of its own because it calls the flows
 * that call qualify.ts, which keeps the imports free of a cycle.
 */
import type { Turn } from '../turn.js';
import { afterQualified, chooseService, startBooking } from './booking.js';
import { startHandoff } from './handoff.js';
import { pickTree, priceOfService, startQuote } from './quote.js';

export function goOn(t: Turn): void {
  const s = t.state.qualify;
  const then = s?.intent ? s.then : undefined;
  if (!then) {
    if (t.state.booking?.serviceId) return afterQualified(t);
    return s?.serviceId ? startBooking(t, { serviceId: s.serviceId }) : undefined;
  }
  switch (then.kind) {
    case 'quote':
      return startQuote(t);
    case 'tree':
      return pickTree(t, then.treeId, then.preset);
    case 'price':
      return priceOfService(t, then.serviceId);
    case 'handoff':
      return startHandoff(t, { intent: 'human', message: then.message ?? undefined });
  }
}

/** "Book … instead" (the smaller package): within the booking under way, else a new one. */
export function bookInstead(t: Turn, serviceId: string): void {
  if (t.state.booking) return chooseService(t, serviceId);
  startBooking(t, { serviceId });
}
