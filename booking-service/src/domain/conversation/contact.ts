/**
 * A visitor's contact as typed into ONE "phone or e-mail" field: which of the two it is, whether
 * it is acceptable, and a normalised form to match returning visitors by. The same rules as the
 * public API's customer schema (api/inputs.ts): 7–15 digits for a phone, name@domain for e-mail.
 */

export type ContactPoint = { phone: string; email?: undefined } | { email: string; phone?: undefined };

/** Visible text only: a name may not carry control characters (mail header injection). */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** PostgreSQL text holds neither U+0000 nor (as UTF-8) a lone surrogate. */
const NOT_STORABLE = /[\u0000\ud800-\udfff]/u;
const PHONE = /^\+?[0-9\s().-]{6,31}$/;
// Deliberately plain: one @, a dot in the domain, no spaces. Deliverability is proven by the code.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@.]{2,}$/;

export const NAME_MAX = 100;

/** @example parseContact(' Ann@Example.com ') // → { email: 'ann@example.com' } */
export function parseContact(raw: string): ContactPoint | null {
  const t = raw.trim();
  if (t.length === 0 || t.length > 254 || NOT_STORABLE.test(t)) return null;
  if (t.includes('@')) return EMAIL.test(t) ? { email: t.toLowerCase() } : null;
  if (!PHONE.test(t)) return null;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? { phone: t } : null;
}

/** A trimmed name, or null when it is empty, too long or carries control characters. */
export function parseName(raw: string | undefined): string | null {
  const t = (raw ?? '').trim();
  if (t.length === 0 || t.length > NAME_MAX || CONTROL.test(t) || NOT_STORABLE.test(t)) return null;
  return t;
}

/** The form two spellings of one contact share: digits of a phone ("+7 (900) 1…" = "7900 1…"), a lower-cased e-mail. */
export function normaliseContact(c: ContactPoint): string {
  return c.email !== undefined ? `email:${c.email.trim().toLowerCase()}` : `phone:${c.phone.replace(/\D/g, '')}`;
}

/** "an•••@example.com", "+7 •••• ••67": enough for the visitor to recognise, too little to harvest. */
export function maskContact(c: ContactPoint): string {
  if (c.email !== undefined) {
    const [user = '', domain = ''] = c.email.split('@');
    return `${user.slice(0, Math.min(2, Math.max(1, user.length - 1)))}•••@${domain}`;
  }
  const digits = c.phone.replace(/\D/g, '');
  return `${c.phone.trim().startsWith('+') ? '+' : ''}${digits.slice(0, 1)} •••• ••${digits.slice(-2)}`;
}

export function contactText(c: ContactPoint): string {
  return c.email ?? c.phone;
}
