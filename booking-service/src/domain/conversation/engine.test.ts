import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World, type SiteKey } from '../../../test/support/engine-world.js';
import type { Lang } from '../messages/types.js';
import { addDays, utcToZoned } from '@frontdesk/shared';

function chat(site: SiteKey = 'demo-barber-nyc', lang: Lang = 'en', now?: number) {
  const world = new World(demoContext(site, now));
  return new Chat(world, lang);
}

describe('greeting and menu', () => {
  it('greets with the owner’s greeting in the visitor’s language and offers the five intents', () => {
    const c = chat('demo-salon-spb', 'ru');
    expect(c.transcript).toEqual([{ from: 'bot', text: 'Здравствуйте! Я помогу узнать цену и записаться — в любое время.' }]);
    expect(c.prompt).toEqual({
      kind: 'choice',
      menu: true,
      options: [
        { id: 'intent:prices', label: 'Цены' },
        { id: 'intent:book', label: 'Записаться' },
        { id: 'intent:human', label: 'Связаться с администратором' },
        { id: 'intent:my_booking', label: 'Моя запись' },
        { id: 'intent:other', label: 'Другое' },
      ],
    });
  });

  it('echoes the chosen intent, records it for the KPIs, and accepts intents from any step', () => {
    const c = chat();
    c.choose('intent:book');
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'Book' });
    expect(c.facts).toEqual([{ kind: 'intent_chosen', intent: 'book' }]);
    c.choose('intent:prices');
    expect(c.state.step.at).not.toBe('service');
    expect(c.facts.at(-1)).toEqual({ kind: 'intent_chosen', intent: 'prices' });
  });

  it('"Other" asks what the visitor needs (it is not "talk to a person")', () => {
    const c = chat();
    c.choose('intent:other');
    expect(c.said).toEqual(['What do you need? Write it in a few words: I’ll answer or pass it to a person.']);
    expect(c.prompt.kind).toBe('text');
    c.text('how much is a beard trim?');
    // The barber prices through its quote tree: the service named picks its option.
    expect(c.said).toEqual(['Your price: $25.']);
    expect(c.last.at(-1)?.card).toMatchObject({ kind: 'quote', stage: 'final', price: { display: '$25', summary: 'Barber services · Beard trim' } });
    const d = chat();
    d.choose('intent:other');
    d.text('Do you have parking nearby?');
    expect(d.state.handoff?.message).toBe('Do you have parking nearby?');
    expect(d.prompt.kind).toBe('contact');
  });

  it('ignores an option that is not on offer any more (a second tab on an older step)', () => {
    const c = chat();
    c.choose('intent:book');
    const before = c.state;
    expect(c.choose('svc:nope')).toEqual([]);
    expect(c.choose('slot:1:barber-sam')).toEqual([]);
    expect(c.state).toEqual(before);
  });
});

/** Every click and every field the visitor touches (PRODUCT.md journey goal: ≤ 9, issue 14). */
function interactions(events: Array<Parameters<Chat['send']>[0]>): number {
  return events.reduce((n, e) => n + (e.type === 'contact' ? [e.name, e.contact].filter(Boolean).length + (e.consent ? 1 : 0) + 1 : 1), 0);
}

describe('booking from the menu', () => {
  it('goes intent → service → specialist → nearest → hold → contact → card in 9 interactions, opening the chat included', () => {
    const c = chat();
    const events: Array<Parameters<Chat['send']>[0]> = [];
    const send = (e: Parameters<Chat['send']>[0]) => (events.push(e), c.send(e));
    send({ type: 'choose', optionId: 'intent:book' });
    expect(c.said).toEqual(['Which service would you like?']);
    send({ type: 'choose', optionId: c.option('Haircut') });
    expect(c.said).toEqual(['Who would you like to see?']);
    send({ type: 'choose', optionId: c.option('Anyone') });
    expect(c.said).toEqual(['Here are the nearest free times:']);
    const p = c.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    expect(p.slots).toHaveLength(3);
    expect(p.more).toBe(true);
    expect(p.days.every((d) => d.free)).toBe(true);
    // The zone in words, as the e-mails and pages say it (shared zoneWords), rendered here for every channel.
    expect(p.zoneName).toBe('Eastern Time');
    send({ type: 'choose', optionId: p.slots[0]!.id });
    expect(c.said[0]).toMatch(/is held for you for 10 minutes\. How can we reach you\?$/);
    const form = c.prompt;
    expect(form).toMatchObject({ kind: 'contact', fields: ['name', 'contact'], consent: { required: true }, submit: 'Confirm booking' });
    send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    expect(c.said).toEqual(['You’re booked. See you soon!']);
    const card = c.last.at(-1)!.card!;
    expect(card).toMatchObject({
      kind: 'booking', status: 'confirmed', serviceName: 'Haircut', address: '214 Bedford Ave, Brooklyn, NY 11249',
      whatToBring: 'Walk-ins welcome, but booked clients go first.', timeZone: 'America/New_York', zoneName: 'Eastern Time',
      price: { price: { kind: 'fixed', amount: 45, currency: 'USD' }, display: '$45' },
      manageUrl: 'https://fd.test/manage?token=mt-bk-1', icsUrl: 'https://fd.test/booking.ics?token=mt-bk-1',
    });
    if (card.kind !== 'booking') throw new Error();
    // The cancellation rule: changes online until the window before the start.
    expect(Date.parse(card.start) - Date.parse(card.changeableUntil!)).toBe(120 * 60_000);
    expect(1 + interactions(events)).toBeLessThanOrEqual(9);
    expect(c.state.outcome).toBe('booked');
    expect(c.prompt).toMatchObject({ kind: 'choice', menu: true });
  });

  it('echoes every choice in the transcript in words', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.choose('intent:book');
    c.choose(c.option('Мужская стрижка'));
    c.choose(c.option('Анна'));
    const p = c.slots();
    expect(p.zoneName).toBe('время московское');
    c.choose(p.slots[0]!.id);
    expect(c.transcript.filter((m) => m.from === 'visitor').map((m) => m.text)).toEqual([
      'Записаться', 'Мужская стрижка', 'Анна Смирнова', 'понедельник, 2 марта в 11:00',
    ]);
  });

  it('skips the specialist question when one person does the service', () => {
    const c = chat();
    c.choose('intent:book');
    c.choose(c.option('Hot towel shave'));
    expect(c.prompt.kind).toBe('slots');
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'findSlots', serviceId: 'barber-shave', staffId: 'barber-marcus' });
  });

  it('shows more times, a day, and the nearest again', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose(c.option('Anyone'));
    c.send({ type: 'more' });
    const p = c.slots();
    expect(p.slots).toHaveLength(6);
    c.send({ type: 'day', date: '2026-03-05' });
    expect(c.said).toEqual(['Free times on Thursday, March 5:']);
    const d = c.prompt;
    if (d.kind !== 'slots') throw new Error();
    expect(d.day).toBe('2026-03-05');
    expect(d.slots).toHaveLength(8);
    expect(d.actions).toEqual([{ id: 'act:nearest', label: 'Nearest times' }, { id: 'waitlist:join', label: 'None of these suit me — join the waiting list' }]);
    c.choose('act:nearest');
    expect(c.said).toEqual(['Here are the nearest free times:']);
  });

  it('offers only days with free times, and names the next free day when the day asked has none', () => {
    const w = new World(demoContext('demo-barber-nyc'));
    // Nothing on Thursday 5 March.
    for (const s of w.slotsFor('barber-beard', null, '2026-03-05', 1)) w.taken.add(s.start);
    const c = new Chat(w, 'en');
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    const p = c.slots();
    expect(p.days.map((d) => d.date)).not.toContain('2026-03-05');
    c.send({ type: 'day', date: '2026-03-05' });
    expect(c.said).toEqual(['There are no free times on Thursday, March 5.', 'Next free day: Friday, March 6.']);
    const d = c.prompt;
    if (d.kind !== 'slots') throw new Error();
    expect([d.day, d.nextFreeDay]).toEqual(['2026-03-06', '2026-03-06']);
  });

  it('names the next free day on the strip when nothing is left today (the near days are full)', () => {
    const w = new World(demoContext('demo-barber-nyc'));
    const c = new Chat(w, 'en');
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    const today = c.slots();
    expect(today.nextFreeDay).toBeNull();
    const first = utcToZoned(Date.parse(today.slots[0]!.start), 'America/New_York').date;
    for (const s of w.slotsFor('barber-beard', null, first, 2)) w.taken.add(s.start);
    const d = new Chat(w, 'en');
    d.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    d.choose('staff:any');
    const p = d.slots();
    const next = addDays(first, 2);
    expect(p.nextFreeDay).toBe(next);
    expect(p.days[0]?.date).toBe(next);
    expect(utcToZoned(Date.parse(p.slots[0]!.start), 'America/New_York').date).toBe(next);
  });

  it('"Change time" releases the hold at once (the time is free again), and the slots come back', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    const p = c.slots();
    c.choose(p.slots[0]!.id);
    const hold = c.world.effects.find((e) => e.kind === 'hold');
    expect(hold).toBeDefined();
    c.choose('act:change-time');
    const released = c.world.effects.filter((e) => e.kind === 'release');
    expect(released).toEqual([{ kind: 'release', holdToken: expect.stringMatching(/^hold\|/) as string }]);
    expect(c.prompt.kind).toBe('slots');
    expect(c.state.booking?.hold).toBeNull();
  });

  it('re-offers the alternatives when the time was taken meanwhile, and the nearest when the hold ran out', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    const p = c.slots();
    c.world.taken.add(Date.parse(p.slots[0]!.start));
    c.choose(p.slots[0]!.id);
    expect(c.said).toEqual(['Sorry, that time has just been taken. The nearest free times:']);
    const alt = c.prompt;
    if (alt.kind !== 'slots') throw new Error();
    expect(alt.slots.length).toBeGreaterThan(0);
    c.world.holdsExpire = true;
    c.choose(alt.slots[0]!.id);
    c.send({ type: 'contact', name: 'Ann', contact: '+1 212 555 0100', consent: true });
    expect(c.said).toEqual(['The hold on that time ran out. Please choose a time again:', 'Here are the nearest free times:']);
    expect(c.world.effects.filter((e) => e.kind === 'confirm')).toEqual([]);
  });

  it('says why a time was refused when the business closed that day or is not open then, and re-offers free times (issue 11)', () => {
    for (const [why, words] of [['closed', 'Sorry, we’re closed on that day. The nearest free times:'], ['outside_hours', 'Sorry, we’re not open at that time. The nearest free times:']] as const) {
      const c = chat();
      c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
      c.choose('staff:any');
      const p = c.slots();
      c.world.closed.set(Date.parse(p.slots[0]!.start), why);
      c.choose(p.slots[0]!.id);
      expect(c.said).toEqual([words]);
      expect(c.prompt.kind).toBe('slots');
    }
  });

  it('says so when the owner closed the day after the visitor took the time, and re-offers free times (issue 11)', () => {
    const c = chat();
    c.hold('barber-beard');
    c.world.closed.set(Number(c.state.booking!.hold!.token.split('|')[1]), 'closed');
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    expect(c.said[0]).toBe('Sorry, we’re closed on that day. The nearest free times:');
    expect(c.prompt.kind).toBe('slots');
    expect(c.state.booking!.hold).toBeNull();
  });

  it('asks "book it?" in one tap when the visitor already left a consented contact in this conversation', () => {
    const c = chat();
    c.hold('barber-beard');
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    c.hold('barber-haircut');
    expect(c.said[0]).toMatch(/Shall I book it for Ann \(ann@example\.com\)\?$/);
    expect(c.prompt).toEqual({ kind: 'confirm', question: 'Book this time?', yes: { id: 'act:yes', label: 'Yes, book it' }, no: { id: 'act:change-details', label: 'Change my details' } });
    c.choose('act:yes');
    expect(c.said).toEqual(['You’re booked. See you soon!']);
    expect(c.state.manage.made).toEqual(['bk-1', 'bk-2']);
  });
});

describe('consent', () => {
  it('keeps no contact detail and echoes nothing until the form is valid and consented', () => {
    const c = chat();
    c.hold('barber-beard');
    expect(c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: false })).toEqual([]);
    expect(JSON.stringify(c.state)).not.toContain('ann@example.com');
    expect(c.prompt).toMatchObject({ kind: 'contact', errors: { consent: 'Please tick the box to agree.' } });
    expect(c.prompt).not.toHaveProperty('values');
    c.send({ type: 'contact', name: ' ', contact: '12', consent: true });
    expect(c.prompt).toMatchObject({ errors: { name: 'Please enter your name.', contact: 'Enter a phone number (7 to 15 digits) or an e-mail such as name@example.com.' } });
    expect(c.world.effects.some((e) => e.kind === 'confirm')).toBe(false);
    c.send({ type: 'contact', name: 'Ann', contact: 'Ann@Example.com', consent: true });
    expect(c.state.contact).toEqual({ name: 'Ann', contact: { email: 'ann@example.com' }, consentAt: c.ctx.now });
  });

  it('masks a phone or e-mail typed into the chat before consent', () => {
    const c = chat();
    c.text('call me on +1 (212) 555-0100 or ann@example.com please');
    expect(c.transcript[1]).toEqual({ from: 'visitor', text: 'call me on ••• or ••• please' });
    expect(JSON.stringify(c.state)).not.toMatch(/555|ann@/);
  });

  it('answers contact details typed at the form by pointing to the form, keeping none of them', () => {
    const c = chat();
    c.hold('barber-beard');
    c.text('+1 212 555 0100');
    expect(c.last).toEqual([{ from: 'bot', text: 'Please fill in your name and a phone number or e-mail, and tick the box to agree.' }]);
  });
});

describe('quotes', () => {
  it('asks one question at a time, shows the range with its factors, then the final price, and books it', () => {
    const c = chat('demo-salon-spb', 'en');
    c.choose('intent:prices');
    expect(c.said).toEqual(['What shall I price?']);
    c.choose(c.option('Hair coloring'));
    expect(c.said).toEqual(['How long is your hair?']);
    c.choose(c.option('Shoulder length'));
    expect(c.said).toEqual(['Which technique?'].map(() => c.said[0]!));
    const before = c.transcript.length;
    c.choose(c.prompt.kind === 'choice' ? c.prompt.options[0]!.id : '');
    const range = c.transcript.slice(before).find((m) => m.card?.kind === 'quote');
    expect(range?.card).toMatchObject({ kind: 'quote', stage: 'range' });
    expect(range?.text).toMatch(/^Roughly .+\. The price depends on .+\.$/);
    c.choose(c.prompt.kind === 'choice' ? c.prompt.options[0]!.id : '');
    expect(c.said[0]).toMatch(/^Your price: ₽[\d,]+\.$/);
    expect(c.facts.filter((f) => f.kind === 'quote_given')).toHaveLength(1);
    c.choose('act:book');
    expect(c.state.booking?.quote).toMatchObject({ treeId: 'coloring' });
    expect(c.state.step.at).toBe('staff');
    c.choose('staff:any');
    const p = c.slots();
    c.choose(p.slots[0]!.id);
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'hold', quote: { treeId: 'coloring' } });
  });

  it('never shows a question twice, and a number out of range (0, −1, too big) gets the allowed range', () => {
    const c = chat('demo-clinic-yerevan', 'ru');
    c.choose('intent:prices');
    c.choose(c.option('Пломбирование'));
    expect(c.said).toEqual(['Сколько зубов нужно вылечить?']);
    expect(c.prompt).toMatchObject({ kind: 'number', min: 1, max: 8, step: 1 });
    for (const n of [0, -1, 9]) {
      c.send({ type: 'number', value: n });
      expect(c.said).toEqual(['Введите целое число от 1 до 8.']);
    }
    c.text('0 зубов');
    expect(c.said).toEqual(['Введите целое число от 1 до 8.']);
    c.send({ type: 'number', value: 1 });
    const questions = c.transcript.filter((m) => m.text === 'Сколько зубов нужно вылечить?');
    expect(questions).toHaveLength(1);
    expect(c.state.step.at).toBe('question');
  });

  it('hands a complex request to a specialist with the summary, asking consent for the contact', () => {
    const c = chat('demo-clinic-yerevan', 'en');
    c.choose('intent:prices');
    c.choose(c.option('Tooth filling'));
    c.send({ type: 'number', value: 3 });
    expect(c.said).toEqual(['Treating three or more teeth is planned over several visits after an examination.', 'How can we reach you if you leave the chat?']);
    expect(c.prompt).toMatchObject({ kind: 'contact', consent: { required: true, text: 'I agree that my name and contact are stored so that a person can answer me.' } });
    c.send({ type: 'contact', name: 'Ani', contact: '+374 91 123456', consent: true });
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'handoff', intent: 'prices', summary: 'Ատամի լիցք (պլոմբ) · Ատամների քանակ՝ 3' });
  });

  it('names the quote without repeating itself ("Стрижка: Стрижка: Женская" was a bug)', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.choose('intent:prices');
    c.choose(c.option('Стрижка'));
    c.choose(c.option('Мужская'));
    expect(c.last.at(-1)?.card).toMatchObject({ kind: 'quote', stage: 'final', price: { summary: 'Стрижка · Мужская', display: expect.stringMatching(/^1\s800\s₽$/) } });
  });
});

describe('hand-off', () => {
  it('has one message box (the chat), shows the visitor’s words, asks consent, then goes live', () => {
    const c = chat('demo-salon-spb', 'en');
    c.choose('intent:human');
    expect(c.said).toEqual(['What would you like to ask? A person will answer here in the chat.']);
    expect(c.prompt).toEqual({ kind: 'text', placeholder: 'Type a message…' });
    c.text('Can I bring my dog?');
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'Can I bring my dog?' });
    expect(c.prompt).toMatchObject({ kind: 'contact', fields: ['name', 'contact'] });
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    expect(c.world.effects.at(-1)).toEqual({ kind: 'handoff', message: 'Can I bring my dog?', name: 'Ann', contact: { email: 'ann@example.com' }, intent: 'human', summary: null, lang: 'en' });
    expect(c.said[0]).toMatch(/^Thank you! A person will answer by .+ today\. You can keep writing here\.$/);
    expect(c.last.at(-1)?.card).toMatchObject({ kind: 'handoff', withinOpeningHours: true });
    expect([c.state.status, c.state.outcome]).toEqual(['waiting', 'handed_off']);
    c.text('Also, is there parking?');
    expect(c.last).toEqual([{ from: 'visitor', text: 'Also, is there parking?' }]);
    // Asking again while waiting goes on in the same thread: no second request.
    c.choose('intent:human');
    expect(c.said).toEqual(['What would you like to ask? A person will answer here in the chat.']);
    c.text('Hello?');
    expect(c.world.effects.filter((e) => e.kind === 'handoff')).toHaveLength(1);
  });
});

describe('language switch', () => {
  it('re-renders the prompt in the new language and asks the question on screen again in it', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.choose('intent:book');
    c.choose(c.option('Мужская стрижка'));
    expect(c.send({ type: 'lang', lang: 'hy' })).toEqual([{ from: 'bot', text: 'Ո՞ր մասնագետի մոտ կցանկանայիք գրանցվել։' }]);
    expect(c.send({ type: 'lang', lang: 'hy' })).toEqual([]);
    expect(c.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'staff:any', label: 'Ցանկացած ազատ մասնագետ' }, {}, {}] });
    c.send({ type: 'lang', lang: 'en' });
    expect(c.prompt).toMatchObject({ options: [{ label: 'Anyone available' }, {}, {}] });
  });

  it('keeps the language when the business does not offer the one asked for', () => {
    const ctx = demoContext('demo-barber-nyc');
    const c = new Chat(new World({ ...ctx, business: { ...ctx.business, languages: ['en', 'ru'] } }), 'en');
    c.send({ type: 'lang', lang: 'hy' });
    expect(c.state.lang).toBe('en');
  });
});

describe('service names', () => {
  it('fall back visibly: the business’s language, then a numbered "Service" in the visitor’s', () => {
    const ctx = demoContext('demo-salon-spb');
    const services = [{ ...ctx.services[0]!, names: { ru: 'Женская стрижка' } }, { ...ctx.services[1]!, names: {} }];
    const c = new Chat(new World({ ...ctx, services, quoteTrees: [] }), 'hy');
    c.choose('intent:book');
    const p = c.prompt;
    expect(p.kind === 'choice' && p.options.map((o) => o.label)).toEqual(['Женская стрижка', 'Ծառայություն 2']);
  });
});
