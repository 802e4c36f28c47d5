/**
 * Contact details typed into the chat before the visitor consented ("call me on +7 900 …") are
 * masked before the text is kept: the transcript is stored, and contact details are stored only
 * with consent. After consent the form has them anyway.
 */
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>().,;:!?]{2,}/gu;
// A run of digits with the separators people type; a phone has 7–15 digits.
const PHONE = /\+?\d[\d\s().-]{5,}\d/g;

export function redactContacts(text: string): string {
  return text.replace(EMAIL, '•••').replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15 ? '•••' : m;
  });
}
