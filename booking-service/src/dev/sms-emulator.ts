/**
 * A fake SMS provider on loopback that speaks SMS.ru's `sms/send` (see adapters/sms/smsru.ts), so
 * the real client is what tests and the demo use. It keeps every accepted message (a phone's
 * "inbox") and can be switched into an outage (status_code 220, or HTTP 503) to test retries.
 */
import { escapeHtml } from '@frontdesk/shared';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSms { id: string; to: string; text: string; at: number }

export interface SmsEmulator {
  apiUrl: string;
  apiKey: string;
  sent: FakeSms[];
  /** Every request, accepted or not (an outage still counts attempts). */
  attempts: number;
  outage(kind: 'down' | 'http503' | null): void;
  close(): Promise<void>;
}

export async function startSmsEmulator(opts: { apiKey?: string; now?: () => number } = {}): Promise<SmsEmulator> {
  const apiKey = opts.apiKey ?? 'demo-sms-key';
  const now = opts.now ?? Date.now;
  let outage: 'down' | 'http503' | null = null;
  let n = 0;
  const emu: SmsEmulator = {
    apiUrl: '',
    apiKey,
    sent: [],
    attempts: 0,
    outage: (k) => void (outage = k),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
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
      if (path !== '/sms/send') return json(404, { status: 'ERROR', status_code: -1 });
      if (outage === 'http503') return json(503, {});
      const p = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (p.get('api_id') !== apiKey) return json(200, { status: 'ERROR', status_code: 200, status_text: 'Неправильный api_id' });
      if (outage === 'down') return json(200, { status: 'ERROR', status_code: 220, status_text: 'Сервис временно недоступен, попробуйте чуть позже.' });
      const to = p.get('to') ?? '';
      const text = p.get('msg') ?? '';
      if (!/^\d{7,15}$/.test(to)) return json(200, { status: 'OK', status_code: 100, sms: { [to]: { status: 'ERROR', status_code: 202, status_text: 'Неправильно указан номер телефона получателя' } } });
      if (!text) return json(200, { status: 'ERROR', status_code: 203, status_text: 'Нет текста сообщения' });
      const id = `0000${++n}-1000000${n}`;
      emu.sent.push({ id, to, text, at: now() });
      return json(200, { status: 'OK', status_code: 100, sms: { [to]: { status: 'OK', status_code: 100, sms_id: id } }, balance: 100 });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  emu.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return emu;
}
