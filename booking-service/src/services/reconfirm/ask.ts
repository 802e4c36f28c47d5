/**
 * Whether a reminder about to be sent is the re-confirmation request (domain/booking/reconfirm.ts),
 * read from the reminders already sent for this version of the booking (`sent_messages`, the
 * once-only records of every channel). Used by the e-mail and the messenger/SMS sender alike.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/db/client.js';
import { sentMessages } from '../../adapters/db/schema.js';
import { isReconfirmation, sentReminderLead } from '../../domain/booking/reconfirm.js';
import type { BookingContext } from '../notifications/context.js';
import type { MailJobPayload } from '../notifications/enqueue.js';

export async function asksOnceMore(db: Queryable, c: BookingContext, p: MailJobPayload): Promise<boolean> {
  if (p.message !== 'reminder' || c.booking.visitorConfirmedAt !== null) return false;
  const sent = await db.select({ kind: sentMessages.kind }).from(sentMessages)
    .where(and(eq(sentMessages.subjectId, c.booking.id), eq(sentMessages.version, p.version)));
  const leads = sent.map((r) => sentReminderLead(r.kind)).filter((l): l is number => l !== null);
  return isReconfirmation(p.leadMin, c.business.reminderLeadsMin, false, leads);
}
