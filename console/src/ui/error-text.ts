/**
 * The sentence an error box shows for a failed call, in the console's language. A database
 * outage (503 SERVICE_UNAVAILABLE, issue 12) reads as a calm, translated "try again shortly",
 * never as the server's English text.
 */
import type { ApiError } from '../api/errors.js';
import { fieldText } from '../api/field-text.js';
import { fmt, lang, t } from '../i18n/index.js';

export function errorText(e: ApiError): string {
  const d = t.value.app;
  if (e.code === 'NETWORK') return d.network;
  if (e.code === 'SERVICE_UNAVAILABLE') return d.unavailable;
  if (e.code === 'FORBIDDEN') return d.forbidden;
  // The fields show their own messages beside them; here only what was wrong, once each, in words.
  if (e.code === 'BAD_REQUEST' && e.fields.length > 0) return `${d.invalid} ${[...new Set(e.fields.map((f) => fieldText(f.message, t.value, lang.value === 'en')))].join(' ')}`;
  return fmt(d.failed, { message: e.message });
}
