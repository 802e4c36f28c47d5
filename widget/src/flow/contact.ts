/** Contact details as typed; every field is kept as the visitor left it. */
export interface Draft { name: string; phone: string; email: string; message: string; consent: boolean }
export type Field = keyof Draft;
/** Why a field is not accepted; the UI words it. `reach` = neither phone nor e-mail. */
export type Invalid = 'required' | 'phone' | 'email' | 'reach' | 'consent';
export type Errors = Partial<Record<Field, Invalid>>;

export const emptyDraft = (): Draft => ({ name: '', phone: '', email: '', message: '', consent: false });

/**
 * Catches what is missing before a round trip. Formats (phone digits, e-mail shape)
 * are the server's to judge: its BAD_REQUEST fields come back through `serverErrors`.
 * @example validate({ ...emptyDraft(), name: 'Ann', phone: '+1 212 555 0100', consent: true }, { consent: true }) // {}
 */
export function validate(d: Draft, need: { consent?: boolean; message?: boolean }): Errors {
  const e: Errors = {};
  if (!d.name.trim()) e.name = 'required';
  if (need.message && !d.message.trim()) e.message = 'required';
  if (!d.phone.trim() && !d.email.trim()) e.phone = 'reach';
  if (need.consent && !d.consent) e.consent = 'consent';
  return e;
}

/** The customer object the API takes: trimmed, empty fields left out. */
export function customer(d: Draft): { name: string; phone?: string; email?: string } {
  const c: { name: string; phone?: string; email?: string } = { name: d.name.trim() };
  if (d.phone.trim()) c.phone = d.phone.trim();
  if (d.email.trim()) c.email = d.email.trim();
  return c;
}

/** Maps the server's BAD_REQUEST field paths ('customer.phone', 'contact.email'…) onto form fields. */
export function serverErrors(fields: { path: string; message: string }[] | undefined): Errors {
  const e: Errors = {};
  for (const f of fields ?? []) {
    const last = f.path.split('.').pop();
    if (last === 'phone') e.phone = 'phone';
    else if (last === 'email') e.email = 'email';
    else if (last === 'name') e.name = 'required';
    else if (last === 'message') e.message = 'required';
    else if (last === 'consent') e.consent = 'consent';
  }
  return e;
}
