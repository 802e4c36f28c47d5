/**
 * The embedded default when no SMTP server is configured: mail is written to the `outbox`
 * table (in the same transaction that records it as sent) and shown by the /mailbox page.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import { outbox } from '../db/schema.js';
import type { MailTransport } from './transport.js';

export function createOutboxTransport(clock: Clock): MailTransport {
  return {
    name: 'outbox',
    transactional: true,
    async send(mail, db) {
      await db
        .insert(outbox)
        .values({
          id: randomUUID(),
          messageId: mail.messageId,
          from: mail.from,
          replyTo: mail.replyTo ?? null,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          ics: mail.calendar?.content ?? null,
          createdAt: clock.now(),
        })
        .onConflictDoNothing();
    },
  };
}
