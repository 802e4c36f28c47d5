import { describe, expect, it } from 'vitest';
import { renderMessage } from './render.js';
import type { Lang } from '@frontdesk/shared';
import type { BookingFacts, BusinessFacts, MessageKind } from './types.js';

const clinic: BusinessFacts = { name: '«Ժպիտ» ստոմատոլոգիական կլինիկա', address: 'Երևան, Աբովյան փողոց 24', phone: '+374 10 555 123', timeZone: 'Asia/Yerevan' };
const barber: BusinessFacts = { name: 'Bedford Blade Barbershop', address: '214 Bedford Ave, Brooklyn, NY 11249', phone: null, timeZone: 'America/New_York' };

const facts = (over: Partial<BookingFacts> = {}): BookingFacts => ({
  serviceName: 'Ատամների մաքրում',
  staffName: 'Դոկտ. Արամ Պետրոսյան',
  customerName: 'Անի',
  customerContact: '+374 91 123456',
  start: Date.parse('2026-03-03T07:00:00Z'),
  end: Date.parse('2026-03-03T08:00:00Z'),
  previousStart: null,
  changeDeadline: Date.parse('2026-03-03T05:00:00Z'),
  note: null,
  whatToBring: null,
  cancelReason: null,
  ...over,
});

const links = { manage: 'https://fd.test/manage?token=a.b', ics: 'https://fd.test/booking.ics?token=a.b', confirm: 'https://fd.test/confirm?token=c.d', reschedule: 'https://fd.test/manage?token=a.b&action=reschedule', rebook: 'https://fd.test/rebook?token=e.f' };

const KINDS: MessageKind[] = ['booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'reminder', 'no_show_followup', 'feedback_request', 'staff_new_booking', 'staff_rescheduled', 'staff_cancelled'];

describe('renderMessage', () => {
  it.each((['ru', 'hy', 'en'] as Lang[]).flatMap((lang) => KINDS.map((kind) => [lang, kind] as const)))('%s %s: subject, text and HTML with the business and no placeholders left', (lang, kind) => {
    const m = renderMessage({ kind, lang, business: clinic, booking: facts({ previousStart: Date.parse('2026-03-02T07:00:00Z') }), links });
    expect(m.subject).toContain(clinic.name);
    expect(m.subject).not.toMatch(/[\r\n]/);
    for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/\{\w+\}/);
    expect(m.text).toContain(clinic.name);
    expect(m.html).toContain('Աբովյան');
    expect(m.html).toContain(`lang="${lang}"`);
  });

  it('writes the time in the business zone and language', () => {
    const hy = renderMessage({ kind: 'booking_confirmed', lang: 'hy', business: clinic, booking: facts(), links });
    expect(hy.text).toContain('11:00'); // 07:00Z in Yerevan (UTC+4)
    expect(hy.text).toContain('Բարև Ձեզ, Անի։');
    expect(hy.subject).toContain('Ամրագրումը հաստատված է');
    // New York switches to daylight time on 8 March 2026: 14:00Z is 10:00 EDT, 15:00Z was 10:00 EST.
    const en = renderMessage({ kind: 'reminder', lang: 'en', business: barber, booking: facts({ start: Date.parse('2026-03-09T14:00:00Z'), serviceName: 'Haircut' }), links });
    expect(en.text).toContain('10:00 AM');
    expect(en.text).toContain('Monday, March 9');
  });

  it.each(['ru', 'hy', 'en'] as Lang[])('%s: a re-confirmation asks "please confirm you are coming at <time>" with Confirm / Reschedule / Cancel', (lang) => {
    const m = renderMessage({ kind: 'reminder', lang, business: clinic, booking: facts(), links: { ...links, cancel: links.manage }, reconfirm: true });
    const plain = renderMessage({ kind: 'reminder', lang, business: clinic, booking: facts(), links });
    expect(m.subject).toContain('11:00'); // 07:00Z in Yerevan
    expect(m.subject).not.toBe(plain.subject);
    expect(m.subject).toMatch({ en: /Please confirm you're coming at 11:00/, ru: /Подтвердите, что придёте в 11:00/, hy: /հաստատել, որ կգաք ժամը 11:00/ }[lang]);
    for (const part of [m.subject, m.text, m.html]) expect(part).not.toMatch(/\{\w+\}/);
    expect(m.html).toContain('href="https://fd.test/confirm?token=c.d"');
    expect(m.html).toContain('href="https://fd.test/manage?token=a.b&amp;action=reschedule"');
    expect(m.html).toContain('href="https://fd.test/manage?token=a.b"');
    expect(m.text).toContain({ en: 'Cancel booking', ru: 'Отменить запись', hy: 'Չեղարկել' }[lang]);
  });

  it('carries the manage link on confirmations, confirm + reschedule on reminders, rebook after a no-show', () => {
    const c = renderMessage({ kind: 'booking_confirmed', lang: 'ru', business: clinic, booking: facts(), links });
    expect(c.html).toContain('href="https://fd.test/manage?token=a.b"');
    expect(c.text).toContain('https://fd.test/booking.ics?token=a.b');
    const r = renderMessage({ kind: 'reminder', lang: 'ru', business: clinic, booking: facts(), links });
    expect(r.html).toContain('href="https://fd.test/confirm?token=c.d"');
    expect(r.html).toContain('href="https://fd.test/manage?token=a.b&amp;action=reschedule"');
    expect(r.text).toContain('Подтверждаю, приду: https://fd.test/confirm?token=c.d');
    const n = renderMessage({ kind: 'no_show_followup', lang: 'en', business: clinic, booking: facts(), links });
    expect(n.html).toContain('href="https://fd.test/rebook?token=e.f"');
  });

  it('escapes visitor text in HTML and keeps it out of headers', () => {
    const evil = facts({ customerName: '<img src=x onerror=alert(1)>\r\nBcc: victim@example.com', note: '"><script>x()</script>' });
    const m = renderMessage({ kind: 'staff_new_booking', lang: 'en', business: clinic, booking: evil, links });
    expect(m.html).not.toContain('<img src=x');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toContain('Bcc: victim@example.com'); // harmless once on one line
  });

  it('never emits a non-http link', () => {
    const m = renderMessage({ kind: 'booking_confirmed', lang: 'en', business: clinic, booking: facts(), links: { manage: 'javascript:alert(1)' } });
    expect(m.html).not.toContain('javascript:');
  });
});

describe('words through ICU MessageFormat', () => {
  const salon: BusinessFacts = { name: 'Салон «Лаванда»', address: 'СПб', phone: '+7 812 555-01-23', timeZone: 'Europe/Moscow' };
  it('declines the weekday after "до": "до понедельника", never "до понедельник"', () => {
    // 2026-03-02 is a Monday; 10:00 in Moscow.
    const m = renderMessage({ kind: 'booking_confirmed', lang: 'ru', business: salon, booking: facts({ changeDeadline: Date.parse('2026-03-02T07:00:00Z') }), links });
    expect(m.text).toContain('можно до понедельника, 2 марта, 10:00.');
    expect(m.text).not.toMatch(/до понедельник[^а]/);
    const sat = renderMessage({ kind: 'reminder', lang: 'ru', business: { ...salon, phone: null }, booking: facts({ changeDeadline: Date.parse('2026-03-07T07:00:00Z') }), links });
    expect(sat.text).toContain('до субботы, 7 марта, 10:00.');
  });

  it('writes Armenian label pauses with «՝», not a colon', () => {
    const m = renderMessage({ kind: 'booking_confirmed', lang: 'hy', business: clinic, booking: facts(), links });
    expect(m.text).toContain('Ծառայություն՝ Ատամների մաքրում');
    expect(m.text).not.toMatch(/[\u0531-\u0587]: /);
  });
});

describe('renderMessage: “Get reminders in Telegram” (issue 16)', () => {
  const telegram = 'https://t.me/zhpit_clinic_bot?start=AbCdEfGhIjKlMnOpQrStUvWxYz012345';
  it.each([
    ['ru', 'Получать напоминания в Telegram'],
    ['hy', 'Ստանալ հիշեցումները Telegram-ում'],
    ['en', 'Get reminders in Telegram'],
  ] as const)('%s: the confirmation offers the deep link as a button and a text line', (lang, label) => {
    const m = renderMessage({ kind: 'booking_confirmed', lang, business: clinic, booking: facts(), links: { ...links, telegram } });
    expect(m.text).toContain(telegram);
    expect(m.text.split('\n').find((l) => l.includes(telegram))).toMatch(new RegExp(`^${label}`));
    expect(m.html).toContain(`href="${telegram}"`);
    expect(m.html).toContain(`>${label}</a>`);
  });

  it('no Telegram link, no button', () => {
    const m = renderMessage({ kind: 'booking_confirmed', lang: 'en', business: clinic, booking: facts(), links });
    expect(m.text).not.toContain('Telegram');
    expect(m.html).not.toContain('Telegram');
  });
});
