/**
 * Words and links for a message to a client that did not arrive the usual way (issue 16): pure,
 * the dictionary and time zone passed in, so the dashboard's list and its test share them.
 */
import { utcToZoned } from '@frontdesk/shared';
import type { Dict } from '../i18n/en.js';
import { fmt } from '../i18n/index.js';

// 'email': after a messenger failure with no SMS, the e-mail copy is what reached the client (whatsapp-status.ts).
type Channel = 'telegram' | 'whatsapp' | 'sms' | 'email';

export interface ProblemLike {
  kind: 'failed' | 'fallback';
  message: string;
  failed: readonly Channel[];
  sentBy: Channel | null;
}

/** The calendar on the visit's day (in the business's zone) with the booking's panel open. */
export function bookingHref(bookingId: string, startsAt: string, timeZone: string): string {
  const day = utcToZoned(Date.parse(startsAt), timeZone).date;
  return `#/calendar?${new URLSearchParams({ date: day, view: 'day', booking: bookingId }).toString()}`;
}

/** Which message, in words ("Reminder"); one we have no word for yet is "Message". */
export function messageWord(d: Dict['delivery'], message: string): string {
  const words = d.messages as Record<string, string>;
  return Object.hasOwn(words, message) ? words[message]! : words.other!;
}

/** "Not delivered (WhatsApp, SMS) — call the client" / "WhatsApp did not work — sent by SMS". */
export function problemText(d: Dict['delivery'], channel: Record<Channel, string>, p: ProblemLike): string {
  const names = (list: readonly Channel[]) => list.map((c) => channel[c]).join(d.or);
  return p.kind === 'failed' || !p.sentBy
    ? fmt(d.failedLine, { channels: names(p.failed) })
    : fmt(d.fallbackLine, { failed: names(p.failed), sentBy: channel[p.sentBy] });
}
