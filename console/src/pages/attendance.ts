/**
 * Marking attendance in the booking panel. A mark sends the client a message (a no-show note, a
 * "how was it" request), so pressing "Attended", "No-show" or "Undo the mark" only asks; the
 * change is sent after the staff member's "Yes, mark it", and "No" leaves everything as it was.
 * Pure: the panel keeps the pending mark in its state and calls the API with what `markStep` sends.
 */
import type { Dict } from '../i18n/en.js';

export type Mark = 'attended' | 'no_show' | 'confirmed';

/** The buttons a booking offers: none before it starts (`null`: say why), then the marks it can change to. */
export function markChoices(status: string, started: boolean): Mark[] | null {
  const marked = status === 'attended' || status === 'no_show';
  if (status !== 'confirmed' && !marked) return [];
  if (!started) return null;
  return [...(status !== 'attended' ? (['attended'] as const) : []), ...(status !== 'no_show' ? (['no_show'] as const) : []), ...(marked ? (['confirmed'] as const) : [])];
}

export type MarkAction = { type: 'choose'; mark: Mark } | { type: 'no' } | { type: 'yes' };

/** The question now pending, and the mark to send to the server (only on "yes" to a pending question). */
export function markStep(pending: Mark | null, action: MarkAction): { pending: Mark | null; send: Mark | null } {
  if (action.type === 'choose') return { pending: action.mark, send: null };
  if (action.type === 'no') return { pending: null, send: null };
  return { pending, send: pending };
}

/** The question asked for a mark, in the console's language. */
export function markQuestion(d: Dict['calendar'], mark: Mark): string {
  return mark === 'attended' ? d.confirmAttended : mark === 'no_show' ? d.confirmNoShow : d.confirmUndoMark;
}

/** The button that asks it. */
export function markLabel(d: Dict['calendar'], mark: Mark): string {
  return mark === 'attended' ? d.attended : mark === 'no_show' ? d.noShow : d.undoMark;
}
