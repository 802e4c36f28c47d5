import { describe, expect, it } from 'vitest';
import { shortName, smsSegments, smsText, type SmsMessageKind } from './sms-text.js';

const KINDS: SmsMessageKind[] = ['booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'reminder', 'reconfirm', 'no_show_followup'];
const facts = { businessName: 'Bedford Barbers', serviceName: 'Haircut + beard', start: Date.UTC(2026, 2, 2, 15, 0), timeZone: 'America/New_York', link: 'https://fd.example/l/Ab3dE5gH9k' };

describe('SMS texts', () => {
  it('counts segments: 160 GSM-7 septets (extension characters count twice), 70 UCS-2 units', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('я'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSegments('я'.repeat(71)).segments).toBe(2);
  });

  it('English messages fit one GSM-7 segment with the time and the link', () => {
    for (const kind of KINDS) {
      const text = smsText(kind, facts, 'en');
      expect(smsSegments(text), text).toMatchObject({ encoding: 'gsm7', segments: 1 });
      expect(text).toContain('March 2, 10:00 AM');
      expect(text).toContain(facts.link);
    }
  });

  it('Russian and Armenian drop the service name before the time or the link, and stay short', () => {
    for (const lang of ['ru', 'hy'] as const) {
      for (const kind of KINDS) {
        const text = smsText(kind, { ...facts, businessName: 'Салон', link: 'https://fd.example/l/Ab3dE5gH9k', timeZone: 'Europe/Moscow' }, lang);
        expect(text).toContain('https://fd.example/l/Ab3dE5gH9k');
        expect(smsSegments(text).segments, text).toBeLessThanOrEqual(2);
      }
    }
    expect(smsSegments(smsText('booking_confirmed', { ...facts, businessName: 'Салон', link: 'https://x.ru/l/Ab3dE5gH9k', timeZone: 'Europe/Moscow' }, 'ru')).segments).toBe(1);
  });

  it('what was agreed is kept: a confirmation, a move and a reminder carry the price and its options where they fit', () => {
    const price = { full: '$95 (Hair coloring: Length: Long; Thick)', amount: '$95' };
    for (const kind of ['booking_confirmed', 'booking_rescheduled', 'reminder'] as const) {
      // Messengers have room: everything.
      expect(smsText(kind, { ...facts, price }, 'en', { oneSegment: false })).toContain('$95 (Hair coloring: Length: Long; Thick)');
      // One SMS: the options give way first; the amount, the time and the link stay.
      const sms = smsText(kind, { ...facts, price }, 'en');
      expect(smsSegments(sms).segments, sms).toBe(1);
      expect(sms).toContain(', $95');
      expect(sms).toContain(facts.link);
    }
    // Cyrillic gets 70 characters: one segment wins over the amount (the link's page shows it); a messenger shows all.
    const ruFacts = { ...facts, businessName: 'Салон', link: 'https://x.ru/l/Ab3dE5gH9k', timeZone: 'Europe/Moscow', price: { full: '7 350 ₽ (Окрашивание: До плеч; Густые)', amount: '7 350 ₽' } };
    expect(smsSegments(smsText('booking_confirmed', ruFacts, 'ru')).segments).toBe(1);
    expect(smsText('booking_confirmed', ruFacts, 'ru', { oneSegment: false })).toContain('7 350 ₽ (Окрашивание: До плеч; Густые)');
    // A cancellation is not about money.
    expect(smsText('booking_cancelled', { ...facts, price }, 'en', { oneSegment: false })).not.toContain('$95');
  });
});

describe('SMS reminders the client can answer', () => {
  it('say "1" / "2" within one segment in en, ru and hy; the link stays where it fits', () => {
    const en = smsText('reminder', facts, 'en', { replies: true });
    expect(en).toContain('Reply 1 to confirm, 2 to reschedule');
    expect(en).toContain(facts.link);
    expect(smsSegments(en)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    for (const lang of ['ru', 'hy'] as const) {
      const text = smsText('reminder', { ...facts, businessName: 'Салон «Невский»', timeZone: 'Europe/Moscow' }, lang, { replies: true });
      expect(smsSegments(text).segments, text).toBe(1);
      expect(text).toMatch(/1.+2/);
      expect(text).toMatch(/\d\d:\d\d/);
    }
    // Other messages and messengers are unchanged.
    expect(smsText('booking_confirmed', facts, 'en', { replies: true })).toBe(smsText('booking_confirmed', facts, 'en'));
    expect(smsText('reminder', facts, 'en', { replies: true, oneSegment: false })).toBe(smsText('reminder', facts, 'en', { oneSegment: false }));
  });
});

describe('a long business name in a short text', () => {
  it('is cut at a word boundary, never leaving half a word or an opening quote without its closing one', () => {
    expect(shortName('Салон красоты «Лотос»', 16)).toBe('Салон красоты');
    expect(shortName('Салон «Невский»', 16)).toBe('Салон «Невский»');
    expect(shortName('Barbershop "Old Town" Brooklyn', 16)).toBe('Barbershop');
    expect(shortName('Beauty-Studio-Supreme-Yerevan', 16)).toBe('Beauty-Studio-Su');
    expect(shortName('Klinika Zdorovye, Nevsky', 16)).toBe('Klinika');
  });

  it('a Russian confirmation of a salon with a long name fits one segment with the time and the link, the name readable', () => {
    const f = { businessName: 'Салон красоты «Лотос»', serviceName: 'Стрижка женская', start: Date.UTC(2026, 11, 9, 12, 0), timeZone: 'Europe/Moscow', link: 'https://fd.ru/l/Ab3dE5gH9k' };
    for (const kind of KINDS) {
      const text = smsText(kind, f, 'ru');
      expect(smsSegments(text).segments, text).toBe(1);
      expect(text).toContain('15:00');
      expect(text).toContain(f.link);
      expect(text, text).not.toMatch(/«[^»]*$/);
    }
    // With a link too long for any one-segment shape, the text takes two segments and keeps the name whole.
    const long = smsText('booking_confirmed', { ...f, link: 'http://localhost:4100/l/Ab3dE5gH9kQw' }, 'ru');
    expect(long).toContain('Салон красоты «Лотос»');
    expect(smsSegments(long).segments).toBe(2);
  });
});
