import { afterEach, describe, expect, it } from 'vitest';
import { toApiError } from '../api/errors.js';
import { lang } from '../i18n/index.js';
import { errorText } from './error-text.js';

/** What the console's tRPC endpoint answers while PostgreSQL is unreachable (faults-db-outage.test). */
const outage = () => toApiError({ message: 'Temporarily unavailable; try again shortly', data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, retryAfterSeconds: 2 } });

describe('issue 12: a database outage in the console', () => {
  afterEach(() => {
    lang.value = 'en';
  });

  it('reads as a calm, translated "try again", not the server\'s English text or "something went wrong"', () => {
    for (const l of ['en', 'ru', 'hy'] as const) {
      lang.value = l;
      const text = errorText(outage());
      expect(text).not.toContain('Temporarily unavailable');
      expect(text).toMatch(l === 'en' ? /try again/ : l === 'ru' ? /попробуйте ещё раз/ : /փորձեք կրկին/);
    }
  });

  it('other failures keep their texts', () => {
    lang.value = 'en';
    expect(errorText(toApiError(new TypeError('Failed to fetch')))).toMatch(/could not be reached/);
    expect(errorText(toApiError({ message: 'Boom', data: { code: 'INTERNAL_SERVER_ERROR' } }))).toBe('Something went wrong: Boom');
  });
});
