import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { ru } from '../i18n/ru.js';
import { hy } from '../i18n/hy.js';
import { bookingHref, messageWord, problemText } from './delivery.js';

describe('delivery problem words (issue 16)', () => {
  it('links to the calendar on the visit’s own day, with the booking open', () => {
    // 23:30 in New York is already the next day in UTC: the business's day wins.
    expect(bookingHref('b-1', '2026-03-04T04:30:00.000Z', 'America/New_York')).toBe('#/calendar?date=2026-03-03&view=day&booking=b-1');
    expect(bookingHref('b 2', '2026-03-03T07:00:00.000Z', 'Europe/Moscow')).toBe('#/calendar?date=2026-03-03&view=day&booking=b+2');
  });

  it('says what went wrong in words an owner reads, in ru, hy and en', () => {
    const fallback = { kind: 'fallback' as const, message: 'reminder', failed: ['whatsapp' as const], sentBy: 'sms' as const };
    const failed = { kind: 'failed' as const, message: 'booking_confirmed', failed: ['whatsapp' as const, 'sms' as const], sentBy: null };
    expect(problemText(ru.delivery, ru.labels.channel, fallback)).toBe('WhatsApp не сработал — отправили по SMS');
    expect(problemText(ru.delivery, ru.labels.channel, failed)).toBe('Не дошло (WhatsApp, SMS) — позвоните клиенту');
    expect(problemText(en.delivery, en.labels.channel, failed)).toBe('Not delivered (WhatsApp, SMS) — call the client');
    expect(problemText(hy.delivery, hy.labels.channel, fallback)).toBe('WhatsApp-ը չաշխատեց — ուղարկվել է SMS-ով');
    expect(messageWord(ru.delivery, 'booking_confirmed')).toBe('Подтверждение записи');
    expect(messageWord(en.delivery, 'something_new')).toBe('Message');
  });
});
