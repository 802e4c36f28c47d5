import { describe, expect, it } from 'vitest';
import { whatsappNotice, windowOpen, WINDOW_MS } from './whatsapp-notice.js';

const facts = { kind: 'reminder', text: 'Bedford Blade: see you Haircut March 3, 10:00 AM.\nConfirm or change: https://x/l/abc', businessName: 'Bedford Blade', serviceName: 'Haircut', start: Date.parse('2026-03-03T15:00:00Z'), timeZone: 'America/New_York' };
const templates = { code: 'en_US', reminder: 'appointment_reminder', notice: 'booking_update' };

describe('WhatsApp booking messages and the 24-hour window', () => {
  it('the window is open for 24 hours (less a margin) after the client’s last message, and closed when they never wrote', () => {
    const t = Date.parse('2026-03-02T10:00:00Z');
    expect(windowOpen(t, t + WINDOW_MS - 1)).toBe(true);
    expect(windowOpen(t, t + 24 * 3600_000)).toBe(false);
    expect(windowOpen(null, t)).toBe(false);
  });

  it('inside the window: the message as text', () => {
    expect(whatsappNotice(facts, 'en', true, undefined)).toEqual({ type: 'text', text: { body: facts.text, preview_url: false } });
  });

  it('outside: the reminder template with service, local time and business; other kinds the notice template, one line', () => {
    expect(whatsappNotice(facts, 'en', false, templates)).toEqual({
      type: 'template',
      template: { name: 'appointment_reminder', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Haircut' }, { type: 'text', text: expect.stringMatching(/^March 3, 10:00\sAM$/) }, { type: 'text', text: 'Bedford Blade' }] }] },
    });
    const notice = whatsappNotice({ ...facts, kind: 'booking_cancelled' }, 'en', false, templates);
    expect(notice).toMatchObject({ template: { name: 'booking_update', components: [{ parameters: [{ text: 'Bedford Blade' }, { text: 'Bedford Blade: see you Haircut March 3, 10:00 AM. Confirm or change: https://x/l/abc' }] }] } });
  });

  it('outside without a template for the language: nothing (the next channel takes it)', () => {
    expect(whatsappNotice(facts, 'hy', false, undefined)).toBeNull();
    expect(whatsappNotice({ ...facts, kind: 'booking_confirmed' }, 'en', false, { ...templates, notice: '' })).toBeNull();
  });
});
