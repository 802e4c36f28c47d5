/**
 * Twilio Programmable Messaging: outbound `POST <root>/2010-04-01/Accounts/{AccountSid}/Messages.json`
 * (form: To, Body, and From — a Twilio number — or MessagingServiceSid `MG…`), HTTP basic auth
 * with the account SID and auth token; 201 answers `{ sid: "SM…", status: "queued" }`, a refusal
 * `{ code, message, status }`. 429 and 5xx are worth retrying; another 4xx (21211 bad number,
 * 21610 the client sent STOP, 20003 bad credentials) is permanent. Inbound: Twilio POSTs each text
 * to the number's "A message comes in" webhook, form-encoded (MessageSid, From, To, Body…), signed
 * with `X-Twilio-Signature` (twilio-signature.ts). Root, SID and token are configuration
 * (SMS_API_URL, SMS_ACCOUNT_SID, SMS_API_KEY).
 */
import { SmsError, type SmsInboundReader, type SmsSender } from '../../ports/sms.js';
import { validTwilioSignature } from './twilio-signature.js';

export interface TwilioOptions {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** A Twilio number (+15551234567) or a Messaging Service SID (MG…). */
  from: string;
  timeoutMs?: number;
}

interface Answer { sid?: string; code?: number; message?: string }

/** E.164 as Twilio wants it: + and the digits (numbers are stored as the client typed them). */
export const e164 = (phone: string) => `+${phone.replace(/\D/g, '')}`;

export function twilioSender(o: TwilioOptions): SmsSender {
  const url = `${o.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(o.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64')}`;
  return {
    acceptsReplies: true,
    async send(to, text) {
      const body = new URLSearchParams({ To: e164(to), Body: text, ...(o.from.startsWith('MG') ? { MessagingServiceSid: o.from } : { From: o.from }) });
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', body, headers: { authorization: auth, accept: 'application/json' }, signal: AbortSignal.timeout(o.timeoutMs ?? 15_000) });
      } catch (err) {
        throw new SmsError(`Twilio unreachable: ${err instanceof Error ? err.message : String(err)}`, true);
      }
      const a = (await res.json().catch(() => ({}))) as Answer;
      if (res.ok && typeof a.sid === 'string') return { id: a.sid };
      throw new SmsError(`Twilio refused (HTTP ${res.status}${a.code ? `, ${a.code}` : ''}): ${a.message ?? 'unknown'}`, res.status === 429 || res.status >= 500);
    },
  };
}

/** Twilio's inbound webhook: believed only with a valid signature over the URL it was registered at. */
export function twilioInbound(authToken: string): SmsInboundReader {
  return {
    provider: 'twilio',
    read({ url, form, header }) {
      if (!validTwilioSignature(authToken, url, form, header('x-twilio-signature'))) return null;
      // A delivery-status callback (MessageStatus) signed alike is not a client's text.
      const id = form.MessageSid ?? form.SmsSid;
      if (!id || !form.From || form.MessageStatus !== undefined) return 'ignored';
      return { id, from: form.From, text: form.Body ?? '' };
    },
  };
}
