import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World, type SiteKey } from '../../../../test/support/engine-world.js';
import type { Lang } from '../../messages/types.js';
import { asksToErase } from './erase.js';

function chat(site: SiteKey = 'demo-barber-nyc', lang: Lang = 'en') {
  return new Chat(new World(demoContext(site)), lang);
}

describe('asksToErase: "delete my data" in words, in ru / hy / en', () => {
  it.each([
    'Удалите мои данные',
    'удалите, пожалуйста, все мои данные',
    'Прошу удалить мои персональные данные',
    'сотрите мой номер телефона',
    'удалите информацию обо мне',
    'забудьте меня',
    'Please delete my data',
    'can you erase all my personal information?',
    'Remove my phone number please',
    'delete everything about me',
    'forget me',
    'I want to use my right to be forgotten',
    'Ջնջեք իմ տվյալները',
    'խնդրում եմ ջնջել իմ անձնական տվյալները',
    'Մոռացեք ինձ',
  ])('hears %j', (text) => {
    expect(asksToErase(text)).toBe(true);
  });

  it.each([
    'удалите мою запись на завтра',
    'отмените запись',
    'delete my booking',
    'cancel my appointment',
    'how much is a haircut?',
    'my data plan is slow',
    'ջնջեք իմ գրանցումը',
    'Մոռացա ժամը',
  ])('does not hear %j (a booking or anything else)', (text) => {
    expect(asksToErase(text)).toBe(false);
  });
});

describe('delete my data, asked in the chat', () => {
  it('explains once what is deleted, asks yes/no, and only then asks the service to erase', () => {
    const c = chat();
    c.text('Please delete my data');
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'Please delete my data' });
    expect(c.said).toEqual([
      'Delete your data? I’ll delete this conversation and the name and contact you gave in it. The business keeps only figures without your name (how many bookings, not whose). This can’t be undone.',
    ]);
    expect(c.prompt).toEqual({ kind: 'confirm', question: 'Delete my data?', yes: { id: 'act:yes', label: 'Yes, delete' }, no: { id: 'act:no', label: 'No, keep it' } });
    expect(c.world.effects).toEqual([]);
    c.choose('act:yes');
    expect(c.world.effects).toEqual([{ kind: 'erase' }]);
    expect(c.said).toEqual(['Done: your data is deleted. This chat is closed; if you write again, a new one starts.']);
    expect(c.state).toMatchObject({ status: 'closed', step: { at: 'closed' }, contact: null });
  });

  it('names the bookings made here that get cancelled, in Russian and Armenian too', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.hold('salon-haircut-women');
    c.send({ type: 'contact', name: 'Анна', contact: 'anna@example.com', consent: true });
    expect(c.state.manage.made).toHaveLength(1);
    c.text('удалите мои данные');
    expect(c.said[0]).toContain('и отменю запись, сделанную здесь, если она ещё впереди');
    // A typed yes answers the question on screen.
    c.text('да');
    expect(c.world.effects.at(-1)).toEqual({ kind: 'erase' });
    expect(c.said).toEqual(['Готово: ваши данные удалены. Этот разговор закрыт; если напишете снова, начнётся новый.']);

    const h = chat('demo-clinic-yerevan', 'hy');
    h.text('Ջնջեք իմ տվյալները');
    expect(h.prompt).toMatchObject({ kind: 'confirm', question: 'Ջնջե՞լ իմ տվյալները։' });
    h.choose('act:no');
    expect(h.said).toEqual(['Լավ, ոչինչ չի ջնջվել։']);
    expect(h.world.effects).toEqual([]);
  });

  it('"no" deletes nothing and goes back to the step the visitor was at, asking its question again', () => {
    const c = chat();
    c.choose('intent:book');
    expect(c.state.step.at).toBe('service');
    c.text('delete my data');
    c.text('no');
    expect(c.said).toEqual(['OK, nothing is deleted.', 'Which service would you like?']);
    expect(c.state.step).toMatchObject({ at: 'service' });
    expect(c.world.effects).toEqual([]);
    // Asked twice while the question is on screen: still one question, and "no" still goes back there.
    c.text('delete my data');
    c.text('delete my data');
    c.choose('act:no');
    expect(c.state.step.at).toBe('service');
  });

  it('is heard while a person is answering (the bot asks; staff are not left to do it)', () => {
    const c = chat();
    c.choose('intent:human');
    c.text('Do you have parking?');
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    c.state.step = { at: 'live' };
    c.text('ok thanks');
    expect(c.said).toEqual([]);
    c.text('please delete my data');
    expect(c.prompt.kind).toBe('confirm');
    c.choose('act:no');
    expect(c.said).toEqual(['OK, nothing is deleted.']);
    expect(c.state.step.at).toBe('live');
  });

  it('a failed erase says so and keeps the question, so "yes" again retries', () => {
    const c = chat();
    c.text('delete my data');
    c.world.failNext = 'erase';
    c.choose('act:yes');
    expect(c.said).toEqual(['Something went wrong on our side. Please try again.']);
    expect(c.prompt.kind).toBe('confirm');
    c.choose('act:yes');
    expect(c.said).toEqual(['Done: your data is deleted. This chat is closed; if you write again, a new one starts.']);
  });
});
