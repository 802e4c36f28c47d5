/**
 * The sentence an error box shows for a failed call, in the console's language. A database
 * outage (503 SERVICE_UNAVAILABLE, issue 12) reads as a calm, translated "try again shortly",
 * never as the server's English text.
 */
import type { ApiError } from '../api/errors.js';
import { fmt, t } from '../i18n/index.js';

export function errorText(e: ApiError): string {
  const d = t.value.app;
  if (e.code === 'NETWORK') return d.network;
  if (e.code === 'SERVICE_UNAVAILABLE') return d.unavailable;
  if (e.code === 'FORBIDDEN') return d.forbidden;
  if (e.code === 'BAD_REQUEST' && e.fields.length > 0) return `${d.invalid} ${e.fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`;
  return fmt(d.failed, { message: e.message });
}
