import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World } from '../../../../test/support/engine-world.js';
import type { Lang } from '../../messages/types.js';
import { leadQualification } from './qualify.js';
import type { QualIntent, Qualification } from '../../qualification/qualification.js';

/** "Talk to a person": what it is about and how soon; qualified at 2. */
const person: Qualification = {
  questions: [
    {
      text: { en: 'What is it about?', ru: 'О чём ваш вопрос?' },
      answers: [
        { label: { en: 'A wedding or an event', ru: 'Свадьба или мероприятие' }, points: 2, soon: false },
        { label: { en: 'Something else', ru: 'Другое' }, points: 0, soon: false },
      ],
    },
    {
      text: { en: 'When do you need it?', ru: 'Когда это нужно?' },
      answers: [
        { label: { en: 'This week', ru: 'На этой неделе' }, points: 1, soon: true },
        { label: { en: 'Later', ru: 'Позже' }, points: 0, soon: false },
      ],
    },
  ],
  threshold: 2,
  alternatives: { waitlist: false, smallerServiceId: null, link: { url: 'https://barber.example/faq', label: { en: 'Our FAQ', ru: 'Частые вопросы' } } },
};

/** Before a price: the budget; qualified at 1. */
const prices: Qualification = {
  questions: [
    {
      text: { en: 'What is your budget?', ru: 'Какой у вас бюджет?' },
      answers: [
        { label: { en: 'Above $40', ru: 'Больше 3000 ₽' }, points: 1, soon: false },
        { label: { en: 'Below $40', ru: 'Меньше 3000 ₽' }, points: 0, soon: false },
      ],
    },
  ],
  threshold: 1,
  alternatives: { waitlist: true, smallerServiceId: 'barber-beard', link: null },
};

function chat(intents: Partial<Record<QualIntent, Qualification>>, opts: { lang?: Lang; site?: 'demo-barber-nyc' | 'demo-salon-spb'; services?: Record<string, Qualification> } = {}) {
  const ctx = { ...demoContext(opts.site ?? 'demo-barber-nyc'), intentQualification: intents, qualification: opts.services ?? {}, waitlist: true };
  return new Chat(new World(ctx), opts.lang ?? 'en');
}

const ASK = 'What would you like to ask? A person will answer here in the chat.';
const labels = (c: Chat) => (c.prompt.kind === 'choice' ? c.prompt.options.map((o) => o.label) : c.prompt.kind);

describe('qualification per intent (issue 17)', () => {
  it('"talk to a person": the questions come before the hand-off form; the request carries the answers and the verdict', () => {
    const c = chat({ human: person });
    c.choose('intent:human');
    expect(c.said).toEqual(['2 quick questions so I can offer what suits you.', 'What is it about?']);
    expect(labels(c)).toEqual(['A wedding or an event', 'Something else']);
    c.choose('qa:0');
    c.text('this week');
    expect(c.said).toEqual(['Thank you!', ASK]);
    expect(c.state.qualify).toMatchObject({ serviceId: null, intent: 'human', picked: [0, 0], qualified: true, score: 3, soon: true });
    c.text('A beard for my wedding on Saturday');
    c.send({ type: 'contact', name: 'Ann', contact: '+12125550101', consent: true });
    expect(c.world.effects.find((e) => e.kind === 'handoff')).toMatchObject({
      intent: 'human',
      message: 'A beard for my wedding on Saturday',
      summary: 'Answers: What is it about? — A wedding or an event; When do you need it? — This week (score 3)',
      qualification: { qualified: true, soon: true },
    });
  });

  it('"talk to a person" not qualified: the owner’s alternatives, and "talk to a person" still reaches a person (no second round of questions)', () => {
    const c = chat({ human: person });
    c.send({ type: 'text', text: 'I want to talk to a person about a discount for students please' });
    expect(c.said).toEqual(['2 quick questions so I can offer what suits you.', 'What is it about?']);
    c.choose('qa:1');
    c.choose('qa:1');
    expect(c.said).toEqual(['Thank you! This may not be the best fit right now. Here is what I can offer instead:']);
    // No waiting list for a request to a person (it is for a service's times), even where the owner ticked it.
    expect(labels(c)).toEqual(['Our FAQ', 'Talk to a person']);
    c.choose('qual:link');
    expect(c.said).toEqual(['Our FAQ: https://barber.example/faq']);
    // The words typed with the request reach staff: not asked again, not dropped (a bug: they were).
    c.choose('intent:human');
    expect(c.said).toEqual(['How can we reach you if you leave the chat?']);
    c.send({ type: 'contact', name: 'Bo', contact: 'bo@example.com', consent: true });
    expect(c.world.effects.find((e) => e.kind === 'handoff')).toMatchObject({
      message: 'I want to talk to a person about a discount for students please',
      qualification: { qualified: false, soon: false },
    });

    // Nothing else set to offer: on to the form at once with the words already said (a cold lead).
    const d = chat({ human: { ...person, alternatives: { waitlist: false, smallerServiceId: null, link: null } } });
    d.send({ type: 'text', text: 'I want to talk to a person about a discount for students please' });
    d.choose('qa:1');
    d.choose('qa:1');
    expect(d.said).toEqual(['Thank you!', 'How can we reach you if you leave the chat?']);
    expect(d.state.handoff).toMatchObject({ intent: 'human', message: 'I want to talk to a person about a discount for students please' });
    expect(d.prompt.kind).toBe('contact');
  });

  it('not qualified, a person asked for in words at the alternatives: the first words reach staff, in Russian too; a second request asks anew', () => {
    const c = chat({ human: person }, { lang: 'ru', site: 'demo-salon-spb' });
    c.text('Хочу поговорить с администратором про скидку для студентов');
    c.choose('qa:1');
    c.choose('qa:1');
    expect(c.state.step.at).toBe('unqualified');
    c.text('позовите человека');
    expect(c.said).toEqual(['Как с вами связаться, если вы закроете чат?']);
    c.send({ type: 'contact', name: 'Оля', contact: '+79001234567', consent: true });
    expect(c.world.effects.find((e) => e.kind === 'handoff')).toMatchObject({ message: 'Хочу поговорить с администратором про скидку для студентов' });
    // Once sent, the words are not sent again with a later request.
    const d = chat({ human: person });
    d.choose('intent:human');
    d.choose('qa:1');
    d.choose('qa:1');
    d.choose('intent:human');
    expect(d.said).toEqual([ASK]);
  });

  it('prices: the questions come before the price; qualified → the quote as asked', () => {
    const c = chat({ prices });
    c.choose('intent:prices');
    expect(c.said).toEqual(['One quick question so I can offer what suits you.', 'What is your budget?']);
    c.choose('qa:0');
    expect(c.said[0]).toBe('Thank you!');
    expect(c.state.step.at).not.toBe('qualify');
    expect(c.state.qualify).toMatchObject({ intent: 'prices', qualified: true, then: { kind: 'quote' } });
    // A price asked in words: the questions first too, then that very price.
    const d = chat({ prices });
    d.text('how much is a hot towel shave?');
    expect(d.said).toEqual(['One quick question so I can offer what suits you.', 'What is your budget?']);
    d.text('above $40');
    expect(d.said[0]).toBe('Thank you!');
    expect(d.state.quote?.treeId).toBeTruthy();
    // Asked once: another price goes straight on.
    d.choose('intent:prices');
    expect(d.state.step.at).not.toBe('qualify');
  });

  it('prices not qualified: a smaller package (booked from here), never the waiting list, always a person; asking again shows them again', () => {
    const c = chat({ prices });
    c.choose('intent:prices');
    c.choose('qa:1');
    expect(labels(c)).toEqual(['Book Beard trim instead', 'Talk to a person']);
    c.choose('intent:prices');
    expect(c.said).toEqual(['Thank you! This may not be the best fit right now. Here is what I can offer instead:']);
    c.choose('qual:smaller');
    expect(c.state.booking?.serviceId).toBe('barber-beard');
    expect(c.said).toEqual(['Who would you like to see?']);
  });

  it('an intent’s questions are not asked after the visitor answered a service’s', () => {
    const c = chat({ human: person }, { services: { 'barber-haircut': prices } });
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    c.choose('qa:1');
    c.choose(c.option('Talk to a person'));
    expect(c.said).toEqual([ASK]);
    expect(c.state.qualify).toMatchObject({ serviceId: 'barber-haircut', qualified: false });
  });

  it('speaks Russian, and the lead card keeps the intent with the answers', () => {
    const c = chat({ human: person }, { lang: 'ru', site: 'demo-salon-spb' });
    c.choose('intent:human');
    expect(c.said).toEqual(['2 коротких вопроса, чтобы предложить то, что вам подойдёт.', 'О чём ваш вопрос?']);
    expect(labels(c)).toEqual(['Свадьба или мероприятие', 'Другое']);
    c.choose('qa:0');
    c.choose('qa:1');
    expect(c.said[0]).toBe('Спасибо!');
    expect(c.state.step.at).toBe('handoff-message');
    // The lead card's record: in the team's language (the salon's is Russian), with the intent.
    expect(leadQualification(c.state, c.world.ctx)).toEqual({
      serviceId: null,
      intent: 'human',
      score: 2,
      threshold: 2,
      qualified: true,
      soon: false,
      answers: [
        { question: 'О чём ваш вопрос?', answer: 'Свадьба или мероприятие', points: 2 },
        { question: 'Когда это нужно?', answer: 'Позже', points: 0 },
      ],
    });
  });
});
