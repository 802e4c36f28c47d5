/**
 * The Confirm / Reschedule buttons a reminder carries in Telegram and WhatsApp (issue 16), and
 * Cancel too on a re-confirmation request (issue 17, domain/booking/reconfirm.ts). The
 * button's data names the action and the booking (`r:ok:<id>`, `r:mv:<id>`, `r:no:<id>`: 41 bytes, within
 * Telegram's 64 for callback data and WhatsApp's 256 for a reply id); a press is believed only
 * from the chat the booking's client is linked to (services/channels/reminder-actions.ts).
 */
import type { Lang } from '../messages/types.js';
import { channelWord } from './words.js';

export type ReminderAction = 'confirm' | 'reschedule' | 'cancel';

const CODE: Record<ReminderAction, string> = { confirm: 'ok', reschedule: 'mv', cancel: 'no' };
const ACTION: Record<string, ReminderAction> = { ok: 'confirm', mv: 'reschedule', no: 'cancel' };
const PARSE = /^r:(ok|mv|no):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function reminderActionId(action: ReminderAction, bookingId: string): string {
  return `r:${CODE[action]}:${bookingId}`;
}

export function parseReminderAction(id: string): { action: ReminderAction; bookingId: string } | null {
  const m = PARSE.exec(id);
  return m ? { action: ACTION[m[1]!]!, bookingId: m[2]! } : null;
}

/**
 * The buttons, captioned in the client's language (≤ 20 characters: WhatsApp's button limit; at
 * most 3, WhatsApp's count): Confirm, Reschedule, and Cancel when `cancel` (a re-confirmation).
 */
export function reminderButtons(bookingId: string, lang: Lang, opts: { cancel?: boolean } = {}): Array<{ id: string; title: string }> {
  return [
    { id: reminderActionId('confirm', bookingId), title: channelWord(lang, 'reminderConfirm') },
    { id: reminderActionId('reschedule', bookingId), title: channelWord(lang, 'reminderReschedule') },
    ...(opts.cancel ? [{ id: reminderActionId('cancel', bookingId), title: channelWord(lang, 'reminderCancel') }] : []),
  ];
}
