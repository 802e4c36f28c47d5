import { describe, expect, it } from 'vitest';
import { callbackEvent, renderForTelegram, textEvent } from './telegram-render.js';
import { CHANNEL_WORDS } from './words.js';
import type { Prompt } from '../conversation/protocol.js';
import { parseContact } from '../conversation/contact.js';

const isContact = (raw: string) => parseContact(raw) !== null;
const contactPrompt: Prompt = { kind: 'contact', fields: ['name', 'contact'], consent: { required: true, text: 'I agree.' }, submit: 'Book' };

describe('Telegram rendering', () => {
  it('puts the prompt on the last message as an inline keyboard, skipping the visitor’s own words', () => {
    const out = renderForTelegram(
      [{ seq: 1, at: '', from: 'visitor', text: 'Book' }, { seq: 2, at: '', from: 'bot', text: 'Which service?' }],
      { kind: 'choice', menu: false, options: [{ id: 'svc:cut', label: 'Haircut', detail: '$45' }] },
      'en',
    );
    expect(out).toEqual([{ text: 'Which service?', markup: { inline_keyboard: [[{ text: 'Haircut · $45', callback_data: 'o:svc:cut' }], [{ text: 'Menu', callback_data: 'menu' }]] } }]);
  });

  it('leaves out a button whose data would pass Telegram’s 64 bytes', () => {
    const out = renderForTelegram([{ seq: 1, at: '', from: 'bot', text: 'Pick' }], { kind: 'choice', menu: true, options: [{ id: `svc:${'x'.repeat(70)}`, label: 'Long' }, { id: 'svc:a', label: 'A' }] }, 'en');
    expect(out[0]!.markup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'o:svc:a' }]] });
  });

  it('slots as local times in rows of three, other days and "more"', () => {
    const prompt: Prompt = {
      kind: 'slots', timeZone: 'America/New_York', zoneName: 'Eastern Time', day: '2026-03-02', more: true, nextFreeDay: null,
      slots: [0, 1, 2, 3].map((i) => ({ id: `slot:${i}`, start: new Date(Date.UTC(2026, 2, 2, 15, i * 15)).toISOString(), end: '', staffName: null })),
      days: [{ date: '2026-03-02', free: true }, { date: '2026-03-03', free: true }],
    };
    const kb = (renderForTelegram([], prompt, 'en')[0]!.markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    expect(kb[0]!.map((b) => b.text)).toEqual(['10:00 AM', '10:15 AM', '10:30 AM']);
    expect(kb[1]!.map((b) => b.text)).toEqual(['10:45 AM']);
    expect(kb.flat().map((b) => b.callback_data)).toEqual(expect.arrayContaining(['more', 'd:2026-03-03', 'menu']));
  });

  it('reads button data and typed contact details back as visitor events', () => {
    expect(callbackEvent('o:slot:1:x')).toEqual({ type: 'choose', optionId: 'slot:1:x' });
    expect(callbackEvent('d:2026-03-03')).toEqual({ type: 'day', date: '2026-03-03' });
    expect(callbackEvent('menu')).toEqual({ type: 'menu' });
    expect(callbackEvent('evil')).toBeNull();
    expect(textEvent('Anna Petrova +7 900 123-45-67', contactPrompt, isContact)).toEqual({ type: 'contact', name: 'Anna Petrova', contact: '+7 900 123-45-67', consent: true });
    expect(textEvent('anna@example.com, Anna', contactPrompt, isContact)).toEqual({ type: 'contact', name: 'Anna', contact: 'anna@example.com', consent: true });
    expect(textEvent('tomorrow at 5', contactPrompt, isContact)).toEqual({ type: 'text', text: 'tomorrow at 5' });
    expect(textEvent('12 34 56', { kind: 'code', length: 6, sentTo: 'a•••@x.com' }, isContact)).toEqual({ type: 'code', code: '123456' });
  });

  it('has every chrome word in ru, hy and en', () => {
    expect(Object.keys(CHANNEL_WORDS.ru).sort()).toEqual(Object.keys(CHANNEL_WORDS.en).sort());
    expect(Object.keys(CHANNEL_WORDS.hy).sort()).toEqual(Object.keys(CHANNEL_WORDS.en).sort());
  });

  it('a booking card carries the agreed price and the options chosen for it (issue 11)', () => {
    const card = {
      kind: 'booking', bookingId: 'b1', status: 'confirmed', start: '2026-06-10T14:00:00Z', end: '2026-06-10T15:00:00Z', timeZone: 'Europe/Moscow',
      serviceName: 'Окрашивание волос', staffName: 'Анна', address: 'Невский 1', whatToBring: null,
      price: { price: { kind: 'fixed', amount: 7350, currency: 'RUB' }, summary: 'Окрашивание волос: До плеч; Однотонное; Густые', display: '7 350 ₽' },
      changeableUntil: null, icsUrl: 'https://x/ics', manageUrl: 'https://x/manage',
    } as const;
    const text = renderForTelegram([{ seq: 1, at: '', from: 'bot', text: 'Готово', card }], null, 'ru')[0]!.text;
    expect(text).toContain('7 350 ₽');
    expect(text).toContain('До плеч; Однотонное; Густые');
  });
});
