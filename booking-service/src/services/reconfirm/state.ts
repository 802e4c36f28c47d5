/**
 * Each booking's confirmation state as staff see it (domain/booking/reconfirm.ts): confirmed by
 * the client, not yet, or no answer — the re-confirmation went out (an earlier reminder and the
 * last one were both sent for the booking's current version) and the client has not confirmed.
 * One query for a whole calendar range: the once-only records of the reminders sent.
 */
import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { sentMessages } from '../../adapters/db/schema.js';
import { confirmationState, reconfirmLead, sentReminderLead, type ConfirmationState } from '../../domain/booking/reconfirm.js';

export async function confirmationStates(
  db: Queryable,
  leads: readonly number[],
  rows: ReadonlyArray<{ id: string; version: number; visitorConfirmedAt: Date | null }>,
): Promise<Map<string, ConfirmationState>> {
  const last = reconfirmLead(leads);
  const open = rows.filter((r) => r.visitorConfirmedAt === null).map((r) => r.id);
  const sent = last === null || open.length === 0 ? [] : await db.select({ id: sentMessages.subjectId, kind: sentMessages.kind, version: sentMessages.version }).from(sentMessages).where(inArray(sentMessages.subjectId, open));
  const out = new Map<string, ConfirmationState>();
  for (const r of rows) {
    const leadsSent = sent.filter((s) => s.id === r.id && s.version === r.version).map((s) => sentReminderLead(s.kind)).filter((l): l is number => l !== null);
    const asked = last !== null && leadsSent.includes(last) && leadsSent.some((l) => l > last);
    out.set(r.id, confirmationState(r.visitorConfirmedAt !== null, asked));
  }
  return out;
}
