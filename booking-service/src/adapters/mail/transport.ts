/** The mail port: what the send-mail job hands to whichever transport is configured. */
import type { Queryable } from '../db/client.js';

export interface OutgoingMail {
  /** Stable per (subject, kind, version), `<…@domain>`: a resend after a crash carries the same id. */
  messageId: string;
  from: string;
  /** Where answers go when it is not `from` (an inbox reply: the business's own address). */
  replyTo?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string } | undefined;
}

export interface MailTransport {
  readonly name: 'smtp' | 'outbox';
  /**
   * True when `send` writes through the given database handle: the worker then sends inside
   * the transaction that records the message, so the send and its record commit together.
   */
  readonly transactional: boolean;
  send(mail: OutgoingMail, db: Queryable): Promise<void>;
  close?(): Promise<void>;
}
