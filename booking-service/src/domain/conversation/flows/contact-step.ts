/**
 * The contact form shared by booking and hand-off: a name, ONE "phone or e-mail" field and an
 * explicit consent tick. Nothing typed is kept or echoed until the form is valid AND consented:
 * a refused form leaves no contact detail in the conversation (only which fields to fix).
 */
import { contactText, parseContact, parseName } from '../contact.js';
import type { ConsentedContact, FieldErrors } from '../state.js';
import type { Turn } from '../turn.js';

export interface ContactInput {
  name?: string | undefined;
  contact?: string | undefined;
  consent: boolean;
}

export function askForContact(t: Turn, purpose: 'book' | 'handoff' | 'waitlist'): void {
  t.go({ at: 'contact', purpose });
}

export function validContact(t: Turn, input: ContactInput, purpose: 'book' | 'handoff' | 'waitlist'): ConsentedContact | null {
  const name = parseName(input.name);
  const contact = parseContact(input.contact ?? '');
  const errors: FieldErrors = {};
  if (!name) errors.name = true;
  if (!contact) errors.contact = true;
  if (!input.consent) errors.consent = true;
  if (!name || !contact || !input.consent) {
    t.go({ at: 'contact', purpose, errors });
    return null;
  }
  t.visitor(`${name}, ${contactText(contact)}`);
  t.state.contact = { name, contact, consentAt: t.ctx.now };
  return t.state.contact;
}
