/** Free text in the engine, in Russian, Armenian and English (issue 13, "Free text understands more"). */
import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World, type SiteKey } from '../../../test/support/engine-world.js';
import type { Lang } from '../messages/types.js';
import { zonedToUtc } from '@frontdesk/shared';

function chat(site: SiteKey, lang: Lang) {
  return new Chat(new World(demoContext(site)), lang);
}
const slotsOf = (c: Chat) => {
  const p = c.prompt;
  if (p.kind !== 'slots') throw new Error(`not slots: ${p.kind}`);
  return p;
};

describe('a service named in the text', () => {
  it('"стрижка завтра в 15" at the barber: straight to the slots around 15:00 tomorrow, the asked time first', () => {
    const c = chat('demo-barber-nyc', 'ru');
    c.text('стрижка завтра в 15');
    expect(c.state.booking?.serviceId).toBe('barber-haircut');
    expect(c.prompt.kind).toBe('choice');
    c.choose('staff:any');
    expect(c.said).toEqual(['Свободно: вторник, 3 марта в 15:00. Ближайшее время:']);
    const p = slotsOf(c);
    expect(p.slots[0]!.start).toBe(new Date(zonedToUtc('2026-03-03', 15 * 60, 'America/New_York')).toISOString());
  });

  it('"стрижка завтра в 15" at the salon: asks which haircut (women’s or men’s), then the times', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.text('стрижка завтра в 15');
    expect(c.said).toEqual(['Какую именно?']);
    const p = c.prompt;
    expect(p.kind === 'choice' && p.options.map((o) => o.label)).toEqual(['Женская стрижка', 'Мужская стрижка']);
    c.choose('svc:salon-haircut-men');
    c.choose('staff:any');
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'findSlots', from: '2026-03-02', serviceId: 'salon-haircut-men' });
  });

  it('when the asked time is taken, says so and offers the nearest times sorted by distance', () => {
    const w = new World(demoContext('demo-barber-nyc'));
    const at15 = zonedToUtc('2026-03-03', 15 * 60, 'America/New_York');
    w.taken.add(at15);
    const c = new Chat(w, 'en');
    c.text('haircut tomorrow at 3pm');
    c.choose('staff:any');
    expect(c.said).toEqual(['Tuesday, March 3 at 3:00 PM is already taken. The nearest free times:']);
    const starts = slotsOf(c).slots.map((s) => Date.parse(s.start));
    const hour = 3_600_000;
    expect(starts).toEqual([at15 - hour, at15 + hour, at15 - 2 * hour]);
  });

  it('a time outside opening hours is said to be outside them', () => {
    const c = chat('demo-barber-nyc', 'en');
    c.text('beard trim tomorrow at 11pm');
    c.choose('staff:any');
    expect(c.said).toEqual(['We’re closed at Tuesday, March 3 at 11:00 PM. The nearest free times:']);
  });

  it('"how much is a haircut": the price through the quote tree when it has one', () => {
    const c = chat('demo-barber-nyc', 'en');
    c.text('how much is a haircut?');
    expect(c.said).toEqual(['Your price: $45.']);
    expect(c.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'act:book', label: 'Book this' }, { id: 'act:ask' }] });
  });

  it('"сколько стоит чистка зубов": the price list price, then an offer to book', () => {
    const c = chat('demo-clinic-yerevan', 'ru');
    c.text('сколько стоит чистка зубов');
    expect(c.said[0]).toMatch(/^Профессиональная чистка: 25\s000\s֏, 1 час\.$/);
    expect(c.said[1]).toBe('Подобрать вам время?');
    c.text('да');
    expect(c.state.booking?.serviceId).toBe('clinic-cleaning');
  });

  it('Armenian: "Ինչ արժե մաքրումը" gives the cleaning’s price', () => {
    const c = chat('demo-clinic-yerevan', 'hy');
    c.text('Ինչ արժե ատամների մաքրումը');
    expect(c.said[0]).toMatch(/^Ատամների պրոֆեսիոնալ մաքրում՝ 25\s000\s֏, 1 ժամ։$/);
  });

  it('a price question naming a tree by its title starts that tree ("сколько стоит стрижка" at the salon)', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.text('сколько стоит стрижка?');
    expect(c.said).toEqual(['Какая стрижка нужна?']);
  });
});

describe('text as visitors type it (issue 18 evaluation)', () => {
  it('Russian typed in Latin letters: "skolko stoit manikur" gives the manicure\'s price', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.text('skolko stoit manikur');
    expect(c.said[0]).toMatch(/^Маникюр с покрытием: 2\s200\s₽/);
  });

  it('"у меня запись на пятницу, не смогу прийти" looks up the visitor\'s booking instead of making one', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.text('у меня запись на пятницу, не смогу прийти');
    expect(c.state.step.at).toBe('lookup');
  });

  it('"are you open on saturday?" answers the hours, not a booking for Saturday', () => {
    const c = chat('demo-barber-nyc', 'en');
    c.text('are you open on saturday?');
    expect(c.said[0]).toMatch(/Saturday|Sat/);
    expect(c.state.booking).toBeNull();
  });
});

describe('text in the middle of a flow is answered in that flow', () => {
  it('at the times: "а в пятницу?" shows Friday; a price question gets the service’s price and the times stay', () => {
    const c = chat('demo-barber-nyc', 'ru');
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-beard' });
    c.choose('staff:any');
    c.text('а в пятницу?');
    expect(c.said).toEqual(['Свободное время в пятницу, 6 марта:']);
    expect(slotsOf(c).day).toBe('2026-03-06');
    c.text('а сколько это стоит?');
    expect(c.said[0]).toMatch(/^Оформление бороды: 25\s\$, 20 минут\.$/);
    expect(c.state.step.at).toBe('slots');
  });

  it('at the specialist question: a name or "anyone" in words', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.send({ type: 'start', flow: 'book', serviceId: 'salon-haircut-women' });
    c.text('к Марии');
    expect(c.state.booking?.staffId).toBe('salon-maria');
    const d = chat('demo-salon-spb', 'en');
    d.send({ type: 'start', flow: 'book', serviceId: 'salon-haircut-women' });
    d.text('anyone is fine');
    expect(d.state.booking?.staffId).toBeNull();
    expect(d.prompt.kind).toBe('slots');
  });

  it('at the times: a specialist’s name ("к Анне", "Anna please", "Արամին") shows their times, with a day asked for too', () => {
    /** At the nearest times of anyone for the service. */
    const atTimes = (site: SiteKey, lang: Lang, serviceId: string) => {
      const x = chat(site, lang);
      x.send({ type: 'start', flow: 'book', serviceId });
      x.choose('staff:any');
      return x;
    };
    const c = atTimes('demo-salon-spb', 'ru', 'salon-haircut-women');
    c.text('а к Анне можно?');
    expect(c.state.booking?.staffId).toBe('salon-anna');
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'findSlots', staffId: 'salon-anna' });
    expect(slotsOf(c).slots.every((s) => s.staffName === 'Анна Смирнова')).toBe(true);
    c.text('к Марии в пятницу');
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'findSlots', staffId: 'salon-maria', from: '2026-03-06' });
    expect(c.said).toEqual(['Свободное время в пятницу, 6 марта:']);
    const d = atTimes('demo-salon-spb', 'en', 'salon-haircut-women');
    d.text('Maria please');
    expect(d.state.booking?.staffId).toBe('salon-maria');
    // A Latin name only whole: "same" is not Sam.
    const b = atTimes('demo-barber-nyc', 'en', 'barber-haircut');
    b.text('the same time tomorrow');
    expect(b.state.booking?.staffId).toBeNull();
    b.text('Sam please');
    expect(b.state.booking?.staffId).toBe('barber-sam');
    const h = atTimes('demo-clinic-yerevan', 'hy', 'clinic-checkup');
    h.text('Արամին կարելի՞ է');
    expect(h.state.booking?.staffId).toBe('clinic-aram');
  });

  it('at the times: a named specialist with no time says so and offers everyone’s nearest (ru, hy, en)', () => {
    const said: Record<Lang, string> = {
      ru: 'Анна Смирнова: на ближайшие 14 дней свободного времени нет.',
      en: 'Анна Смирнова has no free times in the next 14 days.',
      hy: 'Анна Смирнова՝ մոտակա 14 օրում ազատ ժամ չկա։',
    };
    for (const lang of ['ru', 'en', 'hy'] as const) {
      const w = new World(demoContext('demo-salon-spb'));
      w.away.add('salon-anna');
      const c = new Chat(w, lang);
      c.send({ type: 'start', flow: 'book', serviceId: 'salon-haircut-women' });
      c.choose('staff:any');
      c.text(lang === 'en' ? 'Anna please' : 'к Анне');
      expect(c.said[0]).toBe(said[lang]);
      expect(c.said).toHaveLength(2);
      expect(c.state.booking?.staffId).toBeNull();
      expect(c.world.effects.at(-1)).toMatchObject({ kind: 'findSlots', staffId: null });
      expect(slotsOf(c).slots.length).toBeGreaterThan(0);
    }
  });

  it('at the specialist question: a name in another case ("к Анне") is understood', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.send({ type: 'start', flow: 'book', serviceId: 'salon-haircut-women' });
    c.text('к Анне');
    expect(c.state.booking?.staffId).toBe('salon-anna');
  });

  it('at a number question: a typed number is the answer; at a choice question, an option’s words', () => {
    const c = chat('demo-clinic-yerevan', 'en');
    c.choose('intent:prices');
    c.choose(c.option('Tooth filling'));
    c.text('2');
    expect(c.transcript.filter((m) => m.from === 'visitor').at(-1)?.text).toBe('2');
    expect(c.state.quote?.answers).toEqual({ teeth: 2 });
    c.text('the premium one please');
    expect(c.state.quote?.answers).toEqual({ teeth: 2, material: 'premium' });
  });

  it('something the step cannot use is met with its own options, not a jump elsewhere', () => {
    const c = chat('demo-barber-nyc', 'en');
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    c.text('hmm not sure');
    expect(c.said).toEqual(['I didn’t catch that. Please pick one of the options below, or tap “Menu”.']);
    expect(c.state.step.at).toBe('staff');
  });

  it('a clear different request still gets through ("I want to cancel my booking")', () => {
    const c = chat('demo-barber-nyc', 'en');
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    c.text('actually I want to cancel my booking');
    expect(c.state.step.at).toBe('lookup');
  });
});

describe('low confidence, not interested', () => {
  it('text nothing answers (no intent, no knowledge-base match): the menu with "talk to a person" first, never a made-up answer', () => {
    const c = chat('demo-barber-nyc', 'en');
    c.text('qwerty zxcv');
    expect(c.said).toEqual(['I don’t have an answer to that yet. A person can answer you, or choose below.']);
    expect(c.prompt).toMatchObject({ kind: 'choice', menu: true });
    const p = c.prompt;
    expect(p.kind === 'choice' && p.options[0]!.id).toBe('intent:human');
    expect(c.world.effects.at(-1)).toEqual({ kind: 'searchKnowledge', text: 'qwerty zxcv', lang: 'en', record: true });
  });

  it.each([
    ['en', 'prsies', 'I’m not sure I understood. Did you mean “Prices”?', 'intent:prices'],
    ['en', 'boook', 'I’m not sure I understood. Did you mean “Book”?', 'intent:book'],
    ['ru', 'цнеы', 'Не уверен, что правильно понял. Вы имели в виду «Цены»?', 'intent:prices'],
    ['ru', 'стоимсть', 'Не уверен, что правильно понял. Вы имели в виду «Цены»?', 'intent:prices'],
    ['hy', 'գնր', 'Վստահ չեմ, որ ճիշտ հասկացա։ Նկատի ունեի՞ք «Գներ»։', 'intent:prices'],
  ] as const)('%s misspelt "%s": one guess named and offered first, the rest of the menu after it', (lang, text, said, first) => {
    const c = chat('demo-clinic-yerevan', lang);
    c.text(text);
    expect(c.said).toEqual([said]);
    const p = c.prompt;
    if (p.kind !== 'choice') throw new Error(p.kind);
    expect(p.menu).toBe(true);
    expect(p.options[0]!.id).toBe(first);
    expect(p.options).toHaveLength(5);
    // Tapping the guess is the ordinary menu choice; the next menu is in the owner's order again.
    c.choose(first);
    expect(c.state.intent).toBe(first.slice('intent:'.length));
  });

  it('gibberish gets no guess, and the guess is forgotten at the next menu', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.text('цнеы');
    c.send({ type: 'menu' });
    const p = c.prompt;
    expect(p.kind === 'choice' && p.options[0]!.id).toBe('intent:prices');
    const d = chat('demo-salon-spb', 'ru');
    d.text('бла бла');
    expect(d.said).toEqual(['На этот вопрос у меня пока нет ответа. Могу передать его человеку, или выберите ниже.']);
  });

  it.each([
    ['ru', 'не актуально', 'Понял, не буду беспокоить. Если передумаете, просто напишите сюда.'],
    ['en', 'no thanks', 'Understood, I won’t bother you. If you change your mind, just write here.'],
    ['hy', 'պետք չէ', 'Հասկացա, չեմ անհանգստացնի։ Եթե մտափոխվեք, պարզապես գրեք այստեղ։'],
  ] as const)('%s "%s" closes the lead as not interested', (lang, text, reply) => {
    const c = chat('demo-barber-nyc', lang);
    c.choose('intent:book');
    c.text(text);
    expect(c.said).toEqual([reply]);
    expect([c.state.outcome, c.state.status, c.state.step.at]).toEqual(['not_interested', 'closed', 'closed']);
    c.choose('intent:book');
    expect(c.state.status).toBe('bot');
  });

  it('a hand-off request that says what it is about becomes the message to staff', () => {
    const c = chat('demo-salon-spb', 'ru');
    c.text('позовите администратора, хочу узнать про парковку');
    expect(c.state.handoff?.message).toBe('позовите администратора, хочу узнать про парковку');
    expect(c.prompt.kind).toBe('contact');
    const d = chat('demo-salon-spb', 'ru');
    d.text('позовите администратора');
    expect(d.said).toEqual(['Какой у вас вопрос? Администратор ответит здесь, в чате.']);
  });
});
