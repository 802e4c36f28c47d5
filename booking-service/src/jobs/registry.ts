/**
 * Every background job kind and the handler that runs it: the one table. A job's `kind` is
 * looked up here exactly (no prefixes), so a kind nobody handles fails loudly at its first run
 * and a reader sees every job the service has on one screen. Each handler completes its own job
 * (adapters/job-queue) — usually in the transaction that does its work.
 */
import type { JobRow } from '../adapters/job-queue/queue.js';
import { escalateHandoff } from './escalate-handoff.js';
import type { JobDeps } from './deps.js';
import { googleBrokenNotice, googleSync, googleTick, googleWrite } from './calendar-sync.js';
import { sendConsoleMail } from './console-mail.js';
import { sendBookingMail } from './send-mail.js';
import { purgeTranscripts } from './purge-transcripts.js';
import { sendConversationReplyMail } from './conversation-reply-mail.js';
import { deliverWebhook } from './deliver-webhook.js';
import { sendChannelNotice } from './notify-channel.js';
import { sendFollowUp } from './follow-up.js';
import { pushBookingCard } from './booking-card.js';
import { expireWaitlistEntry, expireWaitlistOffer, offerFreedRangeJob, offerFreedTime, sendWaitlistOffer } from './waitlist.js';
import { releaseUnconfirmedSlots } from './release-unconfirmed.js';
import { sendSmsReply } from './sms-reply.js';
import { summariseHandoff } from './handoff-summary.js';

export type JobHandler = (deps: JobDeps, job: JobRow, now: Date) => Promise<void>;
export type JobTable = Readonly<Record<string, JobHandler>>;

export const JOB_HANDLERS = {
  // Messages about a booking (services/notifications/enqueue.ts: `mail.<message kind>`).
  'mail.booking_confirmed': sendBookingMail,
  'mail.booking_rescheduled': sendBookingMail,
  'mail.booking_cancelled': sendBookingMail,
  'mail.reminder': sendBookingMail,
  'mail.no_show_followup': sendBookingMail,
  'mail.feedback_request': sendBookingMail,
  'mail.staff_new_booking': sendBookingMail,
  'mail.staff_rescheduled': sendBookingMail,
  'mail.staff_cancelled': sendBookingMail,
  'mail.staff_handoff': sendBookingMail,
  // The same messages on the client's messenger or by SMS (services/channels/notify.ts: `notify.<message kind>`).
  'notify.booking_confirmed': sendChannelNotice,
  'notify.booking_rescheduled': sendChannelNotice,
  'notify.booking_cancelled': sendChannelNotice,
  'notify.reminder': sendChannelNotice,
  'notify.no_show_followup': sendChannelNotice,
  // Google Calendar (services/calendar-sync/enqueue.ts).
  'gcal.sync': googleSync,
  'gcal.write': googleWrite,
  'gcal.tick': googleTick,
  'gcal.broken': googleBrokenNotice,
  // The console's own mail (services/console/mail.ts) and the inbox's SLA escalation.
  'console.mail': sendConsoleMail,
  'inbox.escalate': escalateHandoff,
  // Conversation transcripts past retention, daily (services/conversation/retention.ts).
  'conversation.purge': purgeTranscripts,
  // A staff reply the visitor has not seen a minute later goes by e-mail (services/conversation/reply-mail.ts).
  'conversation.reply-mail': sendConversationReplyMail,
  // A booking changed outside its chat shows there as it is now (services/conversation/booking-push.ts).
  'conversation.booking-card': pushBookingCard,
  // Outbound webhooks, one job per message (services/webhooks/enqueue.ts, deliver.ts).
  'webhook.deliver': deliverWebhook,
  // Follow-ups of leads: nudge, quote, silent day 1/3/7 (services/follow-ups/schedule.ts, deliver.ts).
  'followup.send': sendFollowUp,
  // The waiting list: a freed time offered one person at a time (services/waitlist/offers.ts).
  'waitlist.offer': offerFreedTime,
  // A busy Google Calendar event removed: the free slots inside its range (services/waitlist/freed-range.ts).
  'waitlist.offer-range': offerFreedRangeJob,
  'waitlist.expire-offer': expireWaitlistOffer,
  'waitlist.send': sendWaitlistOffer,
  'waitlist.expire-entry': expireWaitlistEntry,
  // Release unconfirmed slots N hours before, a sweep every 5 minutes (services/reconfirm/release.ts).
  'booking.release-unconfirmed': releaseUnconfirmedSlots,
  // The answer to a client's SMS reply ("1" / "2"), queued with the inbound record (services/channels/sms-inbound.ts).
  'sms.reply': sendSmsReply,
  // The assistant's one-paragraph summary of a hand-off for staff (services/assistant/handoff-summary.ts).
  'assistant.handoff-summary': summariseHandoff,
} satisfies JobTable;

export type JobKind = keyof typeof JOB_HANDLERS;

/** The handler of a kind in `table`, or undefined (an own key only: `toString` is no job). */
export function handlerOf(table: JobTable, kind: string): JobHandler | undefined {
  return Object.hasOwn(table, kind) ? table[kind] : undefined;
}
