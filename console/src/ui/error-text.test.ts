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

describe('issue 14: invalid input in a ru/hy console', () => {
  afterEach(() => {
    lang.value = 'en';
  });

  it('names what is wrong in the console’s language, without paths or the server’s English', () => {
    const bad = () =>
      toApiError({
        message: 'Invalid input',
        data: { code: 'BAD_REQUEST', fields: [{ path: 'durationMin', message: 'Too small: expected number to be >=5' }, { path: 'hours.1.0.end', message: 'end must be after start' }] },
      });
    lang.value = 'ru';
    expect(errorText(bad())).toBe('Исправьте отмеченные поля. Не меньше 5. Конец должен быть позже начала.');
    lang.value = 'hy';
    expect(errorText(bad())).not.toMatch(/[A-Za-z]{3}/);
  });
});
