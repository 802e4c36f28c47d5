/**
 * A fake SMS provider on loopback, so the real clients are what tests and the demo use. It speaks
 * SMS.ru's `sms/send` (adapters/sms/smsru.ts) and Twilio's Messages API with basic auth
 * (adapters/sms/twilio.ts), keeps every accepted message (a phone's "inbox"), can be switched into
 * an outage (SMS.ru's status_code 220, or HTTP 503) to test retries, and — as Twilio does — POSTs
 * a client's text to the inbound webhook URL, form-encoded and signed with `X-Twilio-Signature`.
 */
import { escapeHtml } from '@frontdesk/shared';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../adapters/sms/twilio-signature.js';

/** `seq` orders sent and received texts on one timeline (the demo's chat page). */
export interface FakeSms { id: string; to: string; text: string; at: number; seq: number }
/** A text a client sent to the provider's number, and what the webhook answered. */
export interface FakeInboundSms { id: string; from: string; text: string; at: number; seq: number; status: number }

export interface SmsEmulator {
  apiUrl: string;
  /** SMS.ru's api_id. */
  apiKey: string;
  /** Twilio's account SID, auth token and number. */
  twilio: { accountSid: string; authToken: string; number: string };
  sent: FakeSms[];
  received: FakeInboundSms[];
  /** Every send request, accepted or not (an outage still counts attempts). */
  attempts: number;
  outage(kind: 'down' | 'http503' | null): void;
  /** Where a client's text is POSTed (the owner's step in Twilio's console: "A message comes in"). */
  setInboundUrl(url: string): void;
  /**
   * A client's phone texts the provider's number: delivered to the inbound webhook as Twilio
   * would. `messageId` lets a test redeliver the same message; `signature` forges one.
   */
  reply(from: string, text: string, opts?: { messageId?: string; signature?: string }): Promise<FakeInboundSms>;
  close(): Promise<void>;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export async function startSmsEmulator(opts: { apiKey?: string; now?: () => number } = {}): Promise<SmsEmulator> {
  const apiKey = opts.apiKey ?? 'demo-sms-key';
  const now = opts.now ?? Date.now;
  const twilio = { accountSid: `AC${'d'.repeat(32)}`, authToken: 'demo-twilio-auth-token-0000000000', number: '+15005550006' };
  let outage: 'down' | 'http503' | null = null;
  let inboundUrl: string | null = null;
  let n = 0;
  let inbound = 0;
  let seq = 0;
  const emu: SmsEmulator = {
    apiUrl: '',
    apiKey,
    twilio,
    sent: [],
    received: [],
    attempts: 0,
    outage: (k) => void (outage = k),
    setInboundUrl: (url) => void (inboundUrl = url),
    async reply(from, text, o = {}) {
      if (!inboundUrl) throw new Error('sms emulator: no inbound webhook URL set');
      const form: Record<string, string> = {
        ToCountry: 'US', SmsMessageSid: '', NumMedia: '0', SmsSid: '', SmsStatus: 'received',
        Body: text, To: twilio.number, NumSegments: '1', MessageSid: o.messageId ?? `SM${hex(++inbound, 32)}`,
        AccountSid: twilio.accountSid, From: `+${from.replace(/\D/g, '')}`, ApiVersion: '2010-04-01',
      };
      const at = now();
      const mySeq = ++seq;
      form.SmsMessageSid = form.MessageSid!;
      form.SmsSid = form.MessageSid!;
      const res = await fetch(inboundUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': o.signature ?? twilioSignature(twilio.authToken, inboundUrl, form) },
        body: new URLSearchParams(form),
      });
      await res.arrayBuffer();
      // Stamped when the client sent it, so it sorts before the answer it caused.
      const row = { id: form.MessageSid!, from: form.From!, text, at, seq: mySeq, status: res.status };
      emu.received.push(row);
      return row;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
  const accept = (to: string, text: string) => {
    const id = `0000${++n}-1000000${n}`;
    emu.sent.push({ id, to, text, at: now(), seq: ++seq });
    return id;
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      emu.attempts++;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/' && req.method === 'GET') {
        // The demo's "phone": every message the fake provider accepted, newest first.
        emu.attempts--;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        const rows = [...emu.sent].reverse().map((m) => `<li><b>+${escapeHtml(m.to)}</b> <small>${new Date(m.at).toISOString()}</small><br>${escapeHtml(m.text)}</li>`).join('');
        res.end(`<!doctype html><meta charset="utf-8"><title>Demo SMS — not a real provider</title><h1>Demo SMS (not a real provider)</h1><ul>${rows || '<li>No messages yet.</li>'}</ul>`);
        return;
      }
      const p = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      // Twilio's Messages API.
      const tw = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
      if (tw && req.method === 'POST') {
        const basic = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`;
        if (decodeURIComponent(tw[1]!) !== twilio.accountSid || req.headers.authorization !== basic) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
        if (outage) return json(503, { code: 20503, message: 'Service unavailable', status: 503 });
        const to = p.get('To') ?? '';
        const body = p.get('Body') ?? '';
        if (!p.get('From') && !p.get('MessagingServiceSid')) return json(400, { code: 21603, message: "The 'From' phone number is required.", status: 400 });
        if (!/^\+\d{7,15}$/.test(to)) return json(400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
        if (!body) return json(400, { code: 21602, message: 'Message body is required.', status: 400 });
        const sid = `SM${hex(n + 1, 32)}`;
        accept(to.slice(1), body);
        emu.sent.at(-1)!.id = sid;
        return json(201, { sid, status: 'queued', to, from: p.get('From'), body, account_sid: twilio.accountSid, num_segments: '1' });
      }
      if (path !== '/sms/send') return json(404, { status: 'ERROR', status_code: -1 });
      if (outage === 'http503') return json(503, {});
      if (p.get('api_id') !== apiKey) return json(200, { status: 'ERROR', status_code: 200, status_text: 'Неправильный api_id' });
      if (outage === 'down') return json(200, { status: 'ERROR', status_code: 220, status_text: 'Сервис временно недоступен, попробуйте чуть позже.' });
      const to = p.get('to') ?? '';
      const text = p.get('msg') ?? '';
      if (!/^\d{7,15}$/.test(to)) return json(200, { status: 'OK', status_code: 100, sms: { [to]: { status: 'ERROR', status_code: 202, status_text: 'Неправильно указан номер телефона получателя' } } });
      if (!text) return json(200, { status: 'ERROR', status_code: 203, status_text: 'Нет текста сообщения' });
      const id = accept(to, text);
      return json(200, { status: 'OK', status_code: 100, sms: { [to]: { status: 'OK', status_code: 100, sms_id: id } }, balance: 100 });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  emu.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return emu;
}
