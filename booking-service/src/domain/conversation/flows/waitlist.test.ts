import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World } from '../../../../test/support/engine-world.js';

function chat(lang: 'en' | 'ru' | 'hy' = 'en') {
  return new Chat(new World(demoContext('demo-barber-nyc')), lang);
}

describe('the waiting list in the chat', () => {
  it('from a day on show: only that day, a part of the day, the contact with consent, then a clear confirmation', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:barber-marcus');
    c.send({ type: 'day', date: '2026-03-05' });
    c.choose(c.option('join the waiting list'));
    expect(c.said).toEqual(['When would suit you? If a time frees up then, we’ll write to you at once.']);
    expect(c.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'wl:day:2026-03-05', label: 'Only Thursday, March 5' }, { id: 'wl:days:7' }, { id: 'wl:days:14' }] });
    c.choose('wl:day:2026-03-05');
    expect(c.said).toEqual(['What time of day?']);
    c.choose(c.option('Evening'));
    expect(c.prompt).toMatchObject({ kind: 'contact', submit: 'Join the waiting list', consent: { required: true } });
    // No consent: nothing is written.
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: false });
    expect(c.world.effects.some((e) => e.kind === 'joinWaitlist')).toBe(false);
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    expect(c.world.effects.at(-1)).toEqual({
      kind: 'joinWaitlist', serviceId: 'barber-beard', staffId: 'barber-marcus', fromDay: '2026-03-05', toDay: '2026-03-05', part: 'evening',
      name: 'Ann', contact: { email: 'ann@example.com' }, lang: 'en',
    });
    expect(c.said.at(-1)).toMatch(/^You’re on the waiting list for .+ \(Thursday, March 5, evenings\)\. We’ll write to ann@example\.com when a time frees up: it will be yours alone for 15 minutes/);
    expect(c.prompt.kind).toBe('choice');
  });

  it('with a contact already given: any time in the next 14 days, no form, in Russian', () => {
    const c = chat('ru');
    c.hold('barber-beard');
    c.send({ type: 'contact', name: 'Анна', contact: '+7 900 123-45-67', consent: true });
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    c.choose('waitlist:join');
    c.choose('wl:days:14');
    c.choose('wl:part:any');
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'joinWaitlist', staffId: null, fromDay: '2026-03-02', toDay: '2026-03-15', part: 'any' });
    expect(c.said.at(-1)).toMatch(/^Вы в листе ожидания: .+ \(2 марта – 15 марта, в любое время\)\. Как только освободится время, напишем на \+7 900 123-45-67/);
  });

  it('a stale option does nothing; a failed write says so and keeps the question', () => {
    const c = chat('hy');
    c.choose('wl:days:7');
    expect(c.world.effects).toHaveLength(0);
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    c.choose('waitlist:join');
    c.choose('wl:days:7');
    c.world.failNext = 'joinWaitlist';
    c.choose('wl:part:morning');
    c.send({ type: 'contact', name: 'Աննա', contact: 'anna@example.com', consent: true });
    expect(c.state.step.at).toBe('waitlist-part');
  });
});
