import { describe, expect, it } from 'vitest';
import { customer, emptyDraft, serverErrors, validate } from './contact';

describe('validate', () => {
  const d = { ...emptyDraft(), name: 'Анна', consent: true };
  it('accepts a phone or an e-mail', () => {
    expect(validate({ ...d, phone: '+7 (921) 555-01-02' }, { consent: true })).toEqual({});
    expect(validate({ ...d, email: 'anna@example.ru' }, { consent: true })).toEqual({});
  });
  it('leaves formats to the server', () => {
    expect(validate({ ...d, email: 'anna@' }, {})).toEqual({});
  });
  it('needs some way to reach the visitor, and consent where asked', () => {
    expect(validate({ ...d, consent: false }, { consent: true })).toEqual({ phone: 'reach', consent: 'consent' });
  });
});

describe('customer / serverErrors', () => {
  it('trims and drops empty fields', () => {
    expect(customer({ ...emptyDraft(), name: ' Ann ', email: ' a@b.co ' })).toEqual({ name: 'Ann', email: 'a@b.co' });
  });
  it('reads dotted paths', () => {
    expect(serverErrors([{ path: 'customer.email', message: 'x' }, { path: 'contact.name', message: 'y' }])).toEqual({ email: 'email', name: 'required' });
  });
});
