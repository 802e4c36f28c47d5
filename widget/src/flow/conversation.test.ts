import { describe, expect, it } from 'vitest';
import { Conversation } from './conversation';
import { fail, fakeApi, fakeDeps, INIT, memorySaved, ok, settle, SITE } from './fake-api';
import type { ApiPort } from './port';

function setup(over: Partial<ApiPort> = {}, saved = memorySaved(), tokens: string[] = []) {
  const api = fakeApi(over);
  const { deps, events } = fakeDeps(api, tokens);
  const c = new Conversation(deps, INIT, saved);
  return { c, api, events, saved, tokens };
}
const says = (c: Conversation) => c.messages.value.map((m) => (m.from === 'bot' ? m.say.k : `> ${m.text}`));

describe('greeting and storage', () => {
  it('greets at once, before the site config arrives', () => {
    const { c } = setup({ site: () => new Promise(() => {}) });
    c.begin();
    expect(says(c)).toEqual(['hello']);
    expect(c.active.value).toBe('menu');
  });

  it('writes nothing to storage until the chat is opened', async () => {
    const { c, saved } = setup();
    await c.loadSite();
    expect(saved.writes).toBe(0);
    c.begin();
    expect(saved.writes).toBeGreaterThan(0);
  });

  it('picks the conversation up where a reload left it', async () => {
    const first = setup();
    first.c.begin();
    await settle();
    first.c.choose('book', 'Book');
    first.c.booking.chooseService('barber-haircut', 'Haircut');
    const again = setup({}, memorySaved(first.saved.value));
    again.c.begin();
    expect(says(again.c)).toEqual(says(first.c));
    expect(again.c.active.value).toBe('booking');
    expect(again.c.booking.stage.value).toBe('staff');
    void again.c.booking.chooseStaff('any', 'Anyone');
    expect(again.c.messages.value.at(-1)).toMatchObject({ from: 'user', text: 'Anyone' });
  });

  it('fetches the slots again after a reload (they are not saved)', async () => {
    const first = setup();
    first.c.begin();
    await settle();
    first.c.booking.start({ serviceId: 'barber-beard' });
    await settle();
    expect(JSON.stringify(first.saved.value)).not.toContain('T14:00:00.000Z');
    const again = setup({}, memorySaved(first.saved.value));
    again.c.begin();
    await settle();
    expect(again.api.calls.filter((x) => x[0] === 'slots')).toHaveLength(1);
    expect(again.c.booking.picker.visible.value).toHaveLength(3);
  });

  it('falls back to the next preferred language the site offers, else its default', async () => {
    const offers = (langs: ('ru' | 'hy' | 'en')[]) => fakeApi({ site: (i) => ok({ ...SITE, lang: i.lang ?? 'en', business: { ...SITE.business, languages: langs, defaultLang: langs[0]! } }) });
    const a = new Conversation(fakeDeps(offers(['ru', 'en'])).deps, { ...INIT, lang: 'hy', prefs: ['hy', 'en'] }, memorySaved());
    await a.loadSite();
    expect([a.lang.value, a.site.value?.lang]).toEqual(['en', 'en']);
    const b = new Conversation(fakeDeps(offers(['hy'])).deps, { ...INIT, lang: 'ru', prefs: ['ru', 'de'] }, memorySaved());
    await b.loadSite();
    expect([b.lang.value, b.site.value?.lang]).toEqual(['hy', 'hy']);
  });
});

describe('book via the menu', () => {
  it('goes service → specialist → 3 nearest → more → hold → contact → confirmed', async () => {
    const { c, api, events, tokens } = setup();
    c.begin();
    await settle();
    c.choose('book', 'Book');
    expect(c.booking.stage.value).toBe('service');
    c.booking.chooseService('barber-haircut', 'Haircut');
    expect(c.booking.stage.value).toBe('staff');
    await c.booking.chooseStaff('any', 'Anyone');
    const p = c.booking.picker;
    expect(p.visible.value).toHaveLength(3);
    p.showMore();
    expect(p.visible.value).toHaveLength(6);
    const slot = p.visible.value[1]!;
    await c.booking.pick(slot, '10:30');
    expect(api.calls.at(-1)).toEqual(['hold', { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: 'sam', start: slot.start }]);
    expect(c.booking.stage.value).toBe('contact');

    expect(await c.booking.submit()).toBe(false);
    expect(c.errors.value).toEqual({ name: 'required', phone: 'reach', consent: 'consent' });
    c.edit('name', 'Ann');
    c.edit('email', 'ann@example.com');
    c.edit('consent', true);
    expect(await c.booking.submit()).toBe(true);
    expect(api.calls.at(-1)).toEqual(['confirm', {
      holdToken: `hold-${slot.start}`, customer: { name: 'Ann', email: 'ann@example.com' }, consent: true, lang: 'en', idempotencyKey: 'key-1',
    }]);
    expect(c.booking.stage.value).toBe('done');
    expect(tokens).toEqual(['tok-1']);
    expect(events.map((e) => e[0])).toEqual(['booked']);
    expect(says(c)).toEqual(['hello', '> Book', 'service', '> Haircut', 'staff', '> Anyone', 'slots', '> 10:30', 'contact', 'booked']);
  });

  it('skips the specialist question when the service has one specialist', async () => {
    const { c, api } = setup();
    c.begin();
    await settle();
    c.choose('book');
    c.booking.chooseService('barber-beard');
    await settle();
    expect(c.booking.stage.value).toBe('slots');
    expect(api.calls.find((x) => x[0] === 'slots')?.[1]).toMatchObject({ staffId: 'sam', from: '2026-06-09', days: 14 });
  });

  it('startBooking({ serviceId }) goes straight to the specialist', async () => {
    const { c } = setup();
    c.begin();
    await settle();
    c.booking.start({ serviceId: 'barber-haircut' });
    expect(c.booking.stage.value).toBe('staff');
  });
});

describe('slot taken by someone else during contact entry', () => {
  it('shows the CONFLICT alternatives and keeps what was typed', async () => {
    const alt = { start: '2026-06-10T15:00:00.000Z', end: '2026-06-10T15:30:00.000Z', staffId: 'mike' };
    const { c } = setup({ confirm: () => fail({ code: 'CONFLICT', alternatives: [alt] }) });
    c.begin();
    await settle();
    c.booking.start({ serviceId: 'barber-beard' });
    await settle();
    await c.booking.pick(c.booking.picker.visible.value[0]!);
    c.edit('name', 'Ann');
    c.edit('phone', '+1 212 555 0100');
    c.edit('consent', true);
    await c.booking.submit();
    expect(c.booking.stage.value).toBe('slots');
    expect(c.booking.picker.visible.value).toEqual([alt]);
    expect(says(c).at(-1)).toBe('taken');
    expect(c.problem.value).toBeNull();
    await c.booking.pick(alt);
    expect(c.booking.stage.value).toBe('contact');
    expect(c.draft.value).toMatchObject({ name: 'Ann', phone: '+1 212 555 0100', consent: true });
  });

  it('re-offers slots when the hold has expired', async () => {
    const { c, api } = setup({ confirm: () => fail({ code: 'PRECONDITION_FAILED' }) });
    c.begin();
    await settle();
    c.booking.start({ serviceId: 'barber-beard' });
    await settle();
    await c.booking.pick(c.booking.picker.visible.value[0]!);
    c.edit('name', 'Ann');
    c.edit('phone', '2125550100');
    c.edit('consent', true);
    await c.booking.submit();
    expect(says(c).at(-1)).toBe('expired');
    expect(c.booking.stage.value).toBe('slots');
    expect(api.calls.filter((x) => x[0] === 'slots')).toHaveLength(2);
  });

  it('maps BAD_REQUEST fields onto the form', async () => {
    const { c } = setup({ confirm: () => fail({ code: 'BAD_REQUEST', fields: [{ path: 'customer.phone', message: 'Invalid phone' }] }) });
    c.begin();
    await settle();
    c.booking.start({ serviceId: 'barber-beard' });
    await settle();
    await c.booking.pick(c.booking.picker.visible.value[0]!);
    c.edit('name', 'Ann');
    c.edit('phone', '+1 000 000 0000');
    c.edit('consent', true);
    expect(await c.booking.submit()).toBe(false);
    expect(c.errors.value).toEqual({ phone: 'phone' });
  });
});

describe('network failure', () => {
  it('shows a retryable problem and keeps the input; the retry reuses the idempotency key', async () => {
    let down = true;
    const keys: string[] = [];
    const { c } = setup({
      confirm: (i) => {
        keys.push(i.idempotencyKey);
        return down ? fail({ code: 'NETWORK' }) : fakeApi().confirm(i);
      },
    });
    c.begin();
    await settle();
    c.booking.start({ serviceId: 'barber-beard' });
    await settle();
    await c.booking.pick(c.booking.picker.visible.value[0]!);
    c.edit('name', 'Ann');
    c.edit('phone', '2125550100');
    c.edit('consent', true);
    await c.booking.submit();
    expect(c.problem.value?.code).toBe('NETWORK');
    expect(c.booking.stage.value).toBe('contact');
    expect(c.draft.value.name).toBe('Ann');
    down = false;
    c.problem.value!.retry();
    await settle();
    expect(c.problem.value).toBeNull();
    expect(c.booking.stage.value).toBe('done');
    expect(keys).toEqual(['key-1', 'key-1']);
  });
});

describe('free text', () => {
  it('jumps to slots near the time asked for ("tomorrow after 5pm")', async () => {
    const { c, api } = setup({ interpret: () => ok({ intent: 'book', when: { kind: 'after', date: '2026-06-10', minuteOfDay: 17 * 60 } }) });
    c.begin();
    await settle();
    await c.ask('tomorrow after 5pm');
    expect(c.booking.stage.value).toBe('service');
    c.booking.chooseService('barber-beard', 'Beard trim');
    await settle();
    expect(api.calls.find((x) => x[0] === 'slots')?.[1]).toMatchObject({ from: '2026-06-10' });
    expect(c.booking.picker.visible.value.map((s) => s.start)).toEqual([
      '2026-06-10T21:00:00.000Z', '2026-06-10T21:30:00.000Z', '2026-06-11T14:00:00.000Z',
    ]);
  });

  it('hands anything unclassified to a person with the text as the message', async () => {
    const { c } = setup();
    c.begin();
    await settle();
    await c.ask('Do you have parking?');
    expect(c.active.value).toBe('handoff');
    expect(c.draft.value.message).toBe('Do you have parking?');
  });

  it('keeps the text and offers a retry when the service is down', async () => {
    let down = true;
    const { c } = setup({ interpret: () => (down ? fail({ code: 'NETWORK' }) : ok({ intent: 'prices' })) });
    c.begin();
    await settle();
    await c.ask('how much is a haircut');
    expect(c.problem.value?.code).toBe('NETWORK');
    down = false;
    c.problem.value!.retry();
    await settle();
    expect(c.active.value).toBe('quote');
    expect(says(c).filter((s) => s === '> how much is a haircut')).toHaveLength(1);
  });
});

describe('quote → book', () => {
  it('asks one question at a time, shows the range, then the final price, and books the service', async () => {
    const { c, api, events } = setup({
      quote: (i) => (Object.keys(i.answers).length === 0
        ? ok({ kind: 'question', question: { id: 'length', text: 'Hair length?', type: 'choice', options: [{ id: 'short', label: 'Short' }] }, range: { min: 30, max: 60 }, factors: ['length'], currency: 'USD' })
        : ok({ kind: 'final', price: 45, range: { min: 40, max: 50 }, serviceId: 'barber-haircut', summary: 'Haircut, short', factors: [], currency: 'USD' })),
    });
    c.begin();
    await settle();
    c.choose('prices', 'Prices');
    await settle();
    expect(says(c).slice(-2)).toEqual(['range', 'q']);
    await c.quote.answer('short', 'Short');
    expect(api.calls.at(-1)).toEqual(['quote', { siteKey: 'demo-barber-nyc', treeId: 'cut', answers: { length: 'short' }, lang: 'en' }]);
    expect(c.quote.stage.value).toBe('final');
    expect(events).toEqual([['quote', { treeId: 'cut', price: 45, range: { min: 40, max: 50 }, currency: 'USD', serviceId: 'barber-haircut' }]]);
    c.quote.book();
    expect(c.active.value).toBe('booking');
    expect(c.booking.serviceId.value).toBe('barber-haircut');
  });

  it('sends a complex request to a specialist with the summary', async () => {
    const { c } = setup({ quote: () => ok({ kind: 'handoff', summary: 'Full colour correction' }) });
    c.begin();
    await settle();
    c.choose('prices');
    await settle();
    expect(c.active.value).toBe('handoff');
    expect(c.handoff.summary.value).toBe('Full colour correction');
  });

  it('lists the services with their prices when the site has no quote tree', async () => {
    const { c } = setup({ site: () => ok({ ...SITE, widget: { ...SITE.widget, quoteTrees: [] } }) });
    c.begin();
    await settle();
    c.choose('prices');
    expect(c.booking.stage.value).toBe('service');
  });
});

describe('hand-off', () => {
  it('validates, sends and tells when to expect an answer', async () => {
    const { c, api, events } = setup();
    c.begin();
    await settle();
    c.choose('human', 'Talk to a person');
    expect(await c.handoff.submit()).toBe(false);
    expect(c.errors.value).toEqual({ name: 'required', message: 'required', phone: 'reach' });
    c.edit('message', 'Can I bring my dog?');
    c.edit('name', 'Ann');
    c.edit('email', 'ann@example.com');
    expect(await c.handoff.submit()).toBe(true);
    expect(api.calls.at(-1)).toEqual(['handoff', { siteKey: 'demo-barber-nyc', message: 'Can I bring my dog?', contact: { name: 'Ann', email: 'ann@example.com' }, lang: 'en', intent: 'human' }]);
    expect(says(c).at(-1)).toBe('sent');
    expect(events[0]?.[0]).toBe('handoff');
  });
});

describe('my booking', () => {
  it('says so when this browser made no booking', async () => {
    const { c } = setup();
    c.begin();
    c.choose('my_booking');
    expect(c.manage.stage.value).toBe('none');
  });

  it('reschedules through a CONFLICT and cancels', async () => {
    const alt = { start: '2026-06-11T15:00:00.000Z', end: '2026-06-11T15:30:00.000Z', staffId: 'mike' };
    let first = true;
    const { c, api } = setup({
      reschedule: (i) => {
        if (first) {
          first = false;
          return fail({ code: 'CONFLICT', alternatives: [alt] });
        }
        return fakeApi().reschedule(i);
      },
    }, memorySaved(), ['tok-9']);
    c.begin();
    c.choose('my_booking');
    await settle();
    expect(c.manage.stage.value).toBe('view');
    expect(c.manage.data.value?.booking.serviceName).toBe('Haircut');
    await c.manage.reschedule();
    expect(api.calls.at(-1)).toEqual(['slots', { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', staffId: 'mike', from: '2026-06-09', days: 14 }]);
    await c.manage.pick(c.manage.picker.visible.value[0]!);
    expect(says(c).at(-1)).toBe('taken');
    await c.manage.pick(alt);
    expect(says(c).at(-1)).toBe('moved');
    expect(c.manage.stage.value).toBe('view');
    await c.manage.cancel();
    expect(api.calls.some((x) => x[0] === 'cancel')).toBe(true);
    expect(says(c).at(-1)).toBe('cancelled');
  });

  it('opens by manage link on a page that knows no site, and loads that site', async () => {
    const api = fakeApi();
    const { deps } = fakeDeps(api);
    const c = new Conversation(deps, { siteKey: '', lang: 'en' }, memorySaved());
    c.begin();
    await c.manage.open('tok-link');
    expect(c.siteKey.value).toBe('demo-barber-nyc');
    expect(c.site.value?.business.name).toBe('Hudson Cuts');
    expect(says(c)).toEqual(['hello', 'managed']);
  });
});

describe('KPI events', () => {
  it('reports the first open of the panel once, and each intent chosen from the menu', async () => {
    const { c, api } = setup();
    c.begin();
    c.begin();
    await settle();
    c.choose('prices', 'Prices');
    c.menu();
    c.choose('book', 'Book');
    expect(api.calls.filter(([name]) => name === 'event').map(([, i]) => i)).toEqual([
      { siteKey: 'demo-barber-nyc', kind: 'widget_opened' },
      { siteKey: 'demo-barber-nyc', kind: 'intent_chosen', intent: 'prices' },
      { siteKey: 'demo-barber-nyc', kind: 'intent_chosen', intent: 'book' },
    ]);
  });

  it('free text is not a menu choice: no intent_chosen (the service records the bot reply itself)', async () => {
    const { c, api } = setup({ interpret: () => ok({ intent: 'book' }) });
    c.begin();
    await c.ask('a haircut tomorrow');
    expect(api.calls.filter(([name, i]) => name === 'event' && (i as { kind: string }).kind === 'intent_chosen')).toEqual([]);
  });
});
