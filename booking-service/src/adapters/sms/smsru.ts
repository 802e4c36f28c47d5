/**
 * SMS.ru's HTTP API (https://sms.ru/api/send): `POST <root>/sms/send` with api_id, to, msg,
 * from (optional) and json=1. The answer is `{ status: "OK", sms: { "<phone>": { status,
 * status_code, sms_id } } }`, or `{ status: "ERROR", status_code, status_text }`. Codes we act on:
 * 100 accepted; 220 service temporarily unavailable (retry); 201 out of funds and 230/231/232
 * daily limits (retry later, then fall back); 200 bad api_id, 202 bad number, 204 sender not
 * approved (permanent). Root and key are configuration (SMS_API_URL, SMS_API_KEY).
 */
import { SmsError, type SmsSender } from '../../ports/sms.js';

export interface SmsRuOptions {
  apiUrl: string;
  apiKey: string;
  from?: string | undefined;
  timeoutMs?: number;
}

const RETRYABLE = new Set([201, 220, 230, 231, 232]);

interface Answer {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms?: Record<string, { status?: string; status_code?: number; status_text?: string; sms_id?: string }>;
}

export function smsRuSender(o: SmsRuOptions): SmsSender {
  const url = `${o.apiUrl.replace(/\/+$/, '')}/sms/send`;
  return {
    async send(to, text) {
      const phone = to.replace(/\D/g, '');
      const body = new URLSearchParams({ api_id: o.apiKey, to: phone, msg: text, json: '1', ...(o.from ? { from: o.from } : {}) });
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(o.timeoutMs ?? 15_000) });
      } catch (err) {
        throw new SmsError(`SMS.ru unreachable: ${err instanceof Error ? err.message : String(err)}`, true);
      }
      if (!res.ok) throw new SmsError(`SMS.ru HTTP ${res.status}`, res.status >= 500 || res.status === 429);
      const a = (await res.json().catch(() => ({}))) as Answer;
      const one = a.sms?.[phone];
      if (a.status === 'OK' && one?.status === 'OK' && one.sms_id) return { id: one.sms_id };
      const code = one?.status_code ?? a.status_code ?? 0;
      throw new SmsError(`SMS.ru refused (${code}): ${one?.status_text ?? a.status_text ?? 'unknown'}`, RETRYABLE.has(code));
    },
  };
}
