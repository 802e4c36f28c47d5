/**
 * Re-confirmation (issue 17): the last reminder before a visit — the business's shortest reminder
 * lead, 2 h by default — asks a client who was reminded before (an earlier reminder went out for
 * this version of the booking) and has not tapped "Confirm" since once more, phrased as a request
 * ("Please confirm you're coming at 15:00 — Confirm / Reschedule / Cancel"); a client who
 * confirmed gets the plain reminder, and so does one never asked before (booked 3 h ahead, or the
 * first reminder missed in downtime): that reminder is the first ask. Decided when the reminder is sent (the client may confirm
 * between the two reminders), so it rides the reminder's own once-per-(booking, kind, version,
 * channel) record and is never sent twice.
 *
 * Staff see each booking's state: `confirmed` (the client pressed Confirm), `no_answer` (the
 * re-confirmation went out and nothing came back: asked twice), else `pending` (not yet).
 */

export type ConfirmationState = 'confirmed' | 'pending' | 'no_answer';

/** The shortest positive whole-minute lead of the business's reminders, or null when it has none. */
export function reconfirmLead(leads: readonly number[] | null | undefined): number | null {
  const clean = (leads ?? []).filter((n) => Number.isInteger(n) && n > 0);
  return clean.length ? Math.min(...clean) : null;
}

/**
 * Whether a reminder with this lead, sent now, is the re-confirmation request. `sentLeads`: the
 * leads of the reminders already sent for this version of the booking (on any channel).
 */
export function isReconfirmation(leadMin: number | undefined, leads: readonly number[] | null | undefined, visitorConfirmed: boolean, sentLeads: readonly number[]): boolean {
  if (visitorConfirmed || leadMin === undefined) return false;
  return leadMin === reconfirmLead(leads) && sentLeads.some((l) => l > leadMin);
}

/** The lead of a sent reminder from its once-only record's kind (`reminder_1440`, `sms:reminder_120`), else null. */
export function sentReminderLead(kind: string): number | null {
  const m = /(?:^|:)reminder_(\d+)$/.exec(kind);
  return m ? Number(m[1]) : null;
}

export function confirmationState(visitorConfirmed: boolean, reconfirmAsked: boolean): ConfirmationState {
  if (visitorConfirmed) return 'confirmed';
  return reconfirmAsked ? 'no_answer' : 'pending';
}
