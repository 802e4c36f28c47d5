import { describe, expect, it } from 'vitest';
import { twilioSignature, validTwilioSignature } from './twilio-signature.js';

// Twilio's published examples ("Webhooks security" docs and twilio-php's RequestValidatorTest): auth token 12345.
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOCS = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
const LIB = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };

describe('Twilio webhook signature', () => {
  it('reproduces both published vectors, whatever order the parameters come in', () => {
    expect(twilioSignature('12345', URL, DOCS)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    const shuffled = { To: LIB.To, Digits: LIB.Digits, From: LIB.From, CallSid: LIB.CallSid, Caller: LIB.Caller };
    expect(twilioSignature('12345', URL, shuffled)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('refuses a changed parameter, URL or token, a truncated or missing signature', () => {
    const sig = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';
    expect(validTwilioSignature('12345', URL, DOCS, sig)).toBe(true);
    expect(validTwilioSignature('12345', URL, { ...DOCS, Digits: '9999' }, sig)).toBe(false);
    expect(validTwilioSignature('12345', `${URL}&x=1`, DOCS, sig)).toBe(false);
    expect(validTwilioSignature('54321', URL, DOCS, sig)).toBe(false);
    expect(validTwilioSignature('12345', URL, DOCS, sig.slice(0, -1))).toBe(false);
    expect(validTwilioSignature('12345', URL, DOCS, undefined)).toBe(false);
    expect(validTwilioSignature('12345', URL, DOCS, '')).toBe(false);
  });
});
