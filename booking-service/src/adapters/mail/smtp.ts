/**
 * SMTP through nodemailer, configured by one URL (`smtp://user:pass@host:587`,
 * `smtps://…` for implicit TLS). A send resolves when the server has accepted the message
 * (250 after DATA); every failure rejects, and the job queue retries with backoff.
 */
import nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail } from './transport.js';

export interface SmtpOptions {
  /** Give up on a silent server well before the job's lease runs out (ms). */
  timeoutMs?: number;
}

export function createSmtpTransport(url: string, options: SmtpOptions = {}): MailTransport {
  const timeout = options.timeoutMs ?? 20_000;
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: 'smtp',
    transactional: false,
    async send(mail: OutgoingMail) {
      await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.calendar
          ? {
              icalEvent: { method: mail.calendar.method, filename: 'booking.ics', content: mail.calendar.content },
            }
          : {}),
      });
    },
    async close() {
      transporter.close();
    },
  };
}
