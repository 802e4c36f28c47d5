/**
 * Twilio's webhook signature (`X-Twilio-Signature`): base64 of HMAC-SHA1, keyed with the account's
 * auth token, over the full URL Twilio requested (scheme, host, path, query) followed by every
 * POST parameter, sorted by name, as name + value with nothing between. Compared in constant time.
 * Checked against Twilio's published example in twilio-signature.test.ts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = url + Object.keys(params).sort().map((k) => k + params[k]).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function validTwilioSignature(authToken: string, url: string, params: Record<string, string>, signature: string | undefined): boolean {
  if (typeof signature !== 'string' || signature.length === 0) return false;
  const want = Buffer.from(twilioSignature(authToken, url, params));
  const got = Buffer.from(signature);
  return got.length === want.length && timingSafeEqual(got, want);
}
