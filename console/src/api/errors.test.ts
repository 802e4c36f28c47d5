import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, toApiError } from './errors.js';

describe('toApiError', () => {
  it('reads code, reason, fields and retry time from a tRPC error', () => {
    const e = toApiError({ message: 'Too many', data: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 42 } });
    expect(e).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 42 });
    const v = toApiError({ message: 'bad', data: { code: 'BAD_REQUEST', fields: [{ path: 'name', message: 'required' }], reason: 'X' } });
    expect(v.fields).toEqual([{ path: 'name', message: 'required' }]);
    expect(v.reason).toBe('X');
  });

  it('calls anything without tRPC data a network failure', () => {
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toApiError(null).code).toBe('NETWORK');
  });

  it('passes ApiErrors through', () => {
    const e = new ApiError('CONFLICT', 'x');
    expect(toApiError(e)).toBe(e);
  });
});

describe('fieldErrors', () => {
  const fields = [
    { path: 'trees.0.title.en', message: 'too long' },
    { path: 'trees.0.titles', message: 'other' },
    { path: 'trees.0.title', message: 'blank' },
  ];
  it('matches the path and its children, not siblings sharing a prefix', () => {
    expect(fieldErrors(fields, 'trees.0.title')).toEqual(['too long', 'blank']);
  });
});
