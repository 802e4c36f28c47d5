import { describe, expect, it } from 'vitest';
import type { Prompt } from '../conversation/protocol.js';
import { renderForWhatsApp, replyEvent, WA_LIMITS } from './whatsapp-render.js';

const sender = { waId: '37491123456', name: 'Ani' };

describe('WhatsApp rendering', () => {
  it('up to three short choices: reply buttons on the last message, the visitor’s own words not echoed', () => {
    const out = renderForWhatsApp(
      [{ seq: 1, at: '', from: 'visitor', text: 'Cancel' }, { seq: 2, at: '', from: 'bot', text: 'Cancel this booking?' }],
      { kind: 'choice', menu: true, options: [{ id: 'act:yes', label: 'Yes' }, { id: 'act:no', label: 'No' }] },
      'en',
    );
    expect(out).toEqual([{ type: 'interactive', interactive: { type: 'button', body: { text: 'Cancel this booking?' }, action: { buttons: [{ type: 'reply', reply: { id: 'o:act:yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'o:act:no', title: 'No' } }] } } }]);
  });

  it('more choices, or ones with details: a list of at most ten rows, titles and descriptions cut to the limits', () => {
    const options = Array.from({ length: 12 }, (_, i) => ({ id: `svc:${i}`, label: `A very long service name number ${i}`, detail: `$${i} · 30 min` }));
    const out = renderForWhatsApp([{ seq: 1, at: '', from: 'bot', text: 'Which service?' }], { kind: 'choice', menu: false, options }, 'ru');
    expect(out).toHaveLength(1);
    const i = out[0]!;
    if (i.type !== 'interactive' || i.interactive.type !== 'list') throw new Error('expected a list');
    const rows = i.interactive.action.sections[0]!.rows;
    expect(rows).toHaveLength(WA_LIMITS.rows);
    expect(rows.every((r) => r.title.length <= WA_LIMITS.rowTitle)).toBe(true);
    expect(rows[0]).toEqual({ id: 'o:svc:0', title: 'A very long service nam…', description: '$0 · 30 min' });
    expect(i.interactive.action.button).toBe('Выбрать');
  });

  it('a message too long for an interactive body goes as text, and the choices follow on their own', () => {
    const long = 'x'.repeat(WA_LIMITS.body + 1);
    const out = renderForWhatsApp([{ seq: 1, at: '', from: 'bot', text: long }], { kind: 'choice', menu: true, options: [{ id: 'a', label: 'A' }] }, 'hy');
    expect(out.map((o) => o.type)).toEqual(['text', 'interactive']);
    expect(out[1]).toMatchObject({ interactive: { body: { text: 'Մենյու' } } });
  });

  it('slots: times first, then other days, "more" and the menu — never more than ten rows', () => {
    const prompt: Prompt = {
      kind: 'slots', timeZone: 'Asia/Yerevan', zoneName: 'Երևանի ժամանակով', day: null, more: true, nextFreeDay: null,
      slots: Array.from({ length: 9 }, (_, i) => ({ id: `slot:${i}`, start: new Date(Date.UTC(2026, 2, 2, 6, i * 15)).toISOString(), end: '', staffName: 'Ani' })),
      days: Array.from({ length: 7 }, (_, i) => ({ date: `2026-03-0${i + 2}`, free: true })),
    };
    const out = renderForWhatsApp([{ seq: 1, at: '', from: 'bot', text: 'Free times:' }], prompt, 'en');
    const i = out[0]!;
    if (i.type !== 'interactive' || i.interactive.type !== 'list') throw new Error('expected a list');
    const ids = i.interactive.action.sections[0]!.rows.map((r) => r.id);
    expect(ids).toHaveLength(10);
    expect(ids.slice(0, 5)).toEqual(['o:slot:0', 'o:slot:1', 'o:slot:2', 'o:slot:3', 'o:slot:4']);
    expect(ids.slice(-2)).toEqual(['more', 'menu']);
    expect(ids.filter((x) => x.startsWith('d:'))).toHaveLength(3);
  });

  it('a contact form offers “Use my number”, which answers it with WhatsApp’s own number and profile name', () => {
    const prompt: Prompt = { kind: 'contact', fields: ['name', 'contact'], consent: { required: true, text: 'I agree.' }, submit: 'Book' };
    const out = renderForWhatsApp([], prompt, 'en');
    expect(out[0]).toMatchObject({ type: 'interactive', interactive: { type: 'button', body: { text: expect.stringContaining('By sending them you agree: I agree.') }, action: { buttons: [{ reply: { id: 'share', title: 'Use my number' } }] } } });
    expect(replyEvent('share', prompt, sender)).toEqual({ type: 'contact', name: 'Ani', contact: '+37491123456', consent: true });
  });

  it('reply ids are the same as Telegram’s callback data', () => {
    expect(replyEvent('o:svc:cut', null, sender)).toEqual({ type: 'choose', optionId: 'svc:cut' });
    expect(replyEvent('d:2026-03-04', null, sender)).toEqual({ type: 'day', date: '2026-03-04' });
    expect(replyEvent('menu', null, sender)).toEqual({ type: 'menu' });
    expect(replyEvent('whatever', null, sender)).toBeNull();
  });
});
