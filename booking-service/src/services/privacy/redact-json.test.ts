import { describe, expect, it } from 'vitest';
import { REDACTED, redactJson } from './redact-json.js';

const n = { contacts: ['ann@example.com', '+1 555 0100'], names: ['Ann Lee'] };

describe('redactJson', () => {
  it('removes contacts inside strings and names that are the whole value, at any depth', () => {
    const body = { type: 'booking.created', data: { customer: { name: 'ann lee ', email: 'ANN@example.com', phone: '+1 555 0100' }, note: 'call Ann at ann@example.com', service: 'Annual check-up' }, list: ['Ann Lee', 3, null] };
    expect(redactJson(body, n)).toEqual({
      type: 'booking.created',
      data: { customer: { name: REDACTED, email: REDACTED, phone: REDACTED }, note: REDACTED, service: 'Annual check-up' },
      list: [REDACTED, 3, null],
    });
  });

  it('returns the same value when nothing matched (the caller skips the write)', () => {
    const body = { data: { name: 'Bob', tags: ['x'] } };
    expect(redactJson(body, n)).toBe(body);
  });

  it('ignores empty needles (a person without a phone)', () => {
    expect(redactJson({ a: 'anything' }, { contacts: [''], names: ['  '] })).toEqual({ a: 'anything' });
  });
});
