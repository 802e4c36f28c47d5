/**
 * The Confirm / Reschedule buttons a reminder carries in Telegram and WhatsApp (issue 16). The
 * button's data names the action and the booking (`r:ok:<id>`, `r:mv:<id>`: 41 bytes, within
 * Telegram's 64 for callback data and WhatsApp's 256 for a reply id); a press is believed only
 * from the chat the booking's client is linked to (services/channels/reminder-actions.ts).
 */
import type { Lang } from '../messages/types.js';
import { channelWord } from './words.js';

export type ReminderAction = 'confirm' | 'reschedule';

const CODE: Record<ReminderAction, string> = { confirm: 'ok', reschedule: 'mv' };
const PARSE = /^r:(ok|mv):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function reminderActionId(action: ReminderAction, bookingId: string): string {
  return `r:${CODE[action]}:${bookingId}`;
}

export function parseReminderAction(id: string): { action: ReminderAction; bookingId: string } | null {
  const m = PARSE.exec(id);
  return m ? { action: m[1] === 'ok' ? 'confirm' : 'reschedule', bookingId: m[2]! } : null;
}

/** The two buttons, captioned in the client's language (≤ 20 characters: WhatsApp's button limit). */
export function reminderButtons(bookingId: string, lang: Lang): Array<{ id: string; title: string }> {
  return [
    { id: reminderActionId('confirm', bookingId), title: channelWord(lang, 'reminderConfirm') },
    { id: reminderActionId('reschedule', bookingId), title: channelWord(lang, 'reminderReschedule') },
  ];
}
