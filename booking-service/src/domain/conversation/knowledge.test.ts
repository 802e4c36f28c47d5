/**
 * Questions answered from the knowledge base in the engine (issue 18), in ru, en and hy: the
 * business's own data answers with no search; the owner's entries through the `searchKnowledge`
 * effect; each answer with the next step; nothing found is never made up.
 */
import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World, type SiteKey } from '../../../test/support/engine-world.js';
import type { Lang } from '../messages/types.js';

function chat(site: SiteKey, lang: Lang, world = new World(demoContext(site))) {
  return new Chat(world, lang);
}
const options = (c: Chat) => {
  const p = c.prompt;
  return p.kind === 'choice' ? p.options.map((o) => o.id) : [];
};

describe('the catalog answers without any typing by the owner', () => {
  it.each([
    ['demo-clinic-yerevan', 'en', 'how long does a filling take?', 'Filling takes 1 hour.', 'clinic-filling'],
    ['demo-clinic-yerevan', 'ru', 'сколько длится пломбирование?', 'Пломбирование: длится 1 час.', 'clinic-filling'],
    ['demo-clinic-yerevan', 'hy', 'որքա՞ն է տևում ատամի լցավորումը', 'Ատամի լցավորում՝ տևում է 1 ժամ։', 'clinic-filling'],
    ['demo-salon-spb', 'ru', 'кто делает маникюр?', 'Маникюр с покрытием: делает Ольга Петрова.', 'salon-manicure'],
    ['demo-salon-spb', 'en', 'who does hair colouring?', 'Анна Смирнова and Мария Иванова do Hair colouring.', 'salon-coloring'],
    ['demo-clinic-yerevan', 'hy', 'ո՞վ է անում իմպլանտացիայի խորհրդատվություն', 'Իմպլանտացիայի խորհրդատվություն՝ կատարում է Դոկտ. Արամ Պետրոսյան։', 'clinic-implant-consult'],
  ] as const)('%s %s "%s" → "%s", with "Book this" and "Ask a person"', (site, lang, text, answer, serviceId) => {
    const c = chat(site, lang);
    c.text(text);
    expect(c.said).toEqual([answer]);
    expect(c.world.effects).toEqual([]);
    expect(c.state.step).toEqual({ at: 'answered', question: text, serviceId });
    expect(options(c)).toEqual(['act:book', 'act:ask']);
    c.choose('act:book');
    expect(c.state.booking?.serviceId).toBe(serviceId);
  });

  it.each([
    ['en', 'are you open on Sunday?', 'Sunday, March 8: we’re open 11:00 AM–7:00 PM.'],
    ['ru', 'вы работаете в воскресенье?', 'воскресенье, 8 марта: работаем 11:00–19:00.'],
    ['ru', 'какой у вас график работы?', 'Мы работаем: пн–сб: 10:00–21:00; вс: 11:00–19:00.'],
  ] as const)('opening hours at the salon, %s "%s" (not a booking for Sunday)', (lang, text, answer) => {
    const c = chat('demo-salon-spb', lang);
    c.text(text);
    expect(c.said).toEqual([answer]);
    expect(c.state.booking).toBeNull();
    expect(options(c)).toEqual(['act:ask']);
  });

  it('a closed day says so; the address is the business’s', () => {
    const c = chat('demo-clinic-yerevan', 'hy');
    c.text('կիրակի բաց եք?');
    expect(c.said[0]).toMatch(/փակ ենք։$/);
    const d = chat('demo-barber-nyc', 'en');
    d.text('what is your address?');
    expect(d.said).toEqual(['Our address: 214 Bedford Ave, Brooklyn, NY 11249.']);
  });

  it('a description answers "what is …?" only where the owner wrote one', () => {
    const ctx = demoContext('demo-salon-spb');
    ctx.services = ctx.services.map((s) => (s.id === 'salon-coloring' ? { ...s, descriptions: { ru: 'Окрашивание в один тон или сложные техники.' } } : s));
    const c = chat('demo-salon-spb', 'ru', new World(ctx));
    c.text('что такое окрашивание?');
    expect(c.said).toEqual(['Окрашивание: Окрашивание в один тон или сложные техники.']);
    // No description: none is made up; the named service gets its price and "Book this".
    const d = chat('demo-salon-spb', 'ru');
    d.text('что такое маникюр с покрытием?');
    expect(d.said[0]).toMatch(/^Маникюр с покрытием: /);
    expect(d.state.step).toEqual({ at: 'priced', serviceId: 'salon-manicure' });
    // It was looked for among the owner's answers first, and not kept as an unanswered question.
    expect(d.world.effects).toEqual([{ kind: 'searchKnowledge', text: 'что такое маникюр с покрытием?', lang: 'ru', record: false }]);
  });
});

describe('the owner’s questions and answers', () => {
  const withEntries = (site: SiteKey) => {
    const w = new World(demoContext(site));
    w.knowledge.push({ id: 'kb-park', words: ['машин', 'парков', 'park', 'car', 'կայանատեղ'], answer: 'PARKING ANSWER' });
    w.knowledge.push({ id: 'kb-prep', words: ['подготов'], answer: 'PREP ANSWER', serviceId: 'salon-coloring' });
    return w;
  };

  it.each([
    ['ru', 'где можно оставить машину?'],
    ['en', 'where can I leave my car?'],
    ['hy', 'որտեղ թողնեմ մեքենան, կա՞ կայանատեղի'],
  ] as const)('%s "%s": the entry’s answer, then "Ask a person"', (lang, text) => {
    const c = chat('demo-salon-spb', lang, withEntries('demo-salon-spb'));
    c.text(text);
    expect(c.world.effects).toEqual([{ kind: 'searchKnowledge', text, lang, record: true }]);
    expect(c.said).toEqual(['PARKING ANSWER']);
    expect(options(c)).toEqual(['act:ask']);
    // "Ask a person": the question goes to staff as the visitor's message (no retyping).
    c.choose('act:ask');
    expect(c.state.handoff).toMatchObject({ intent: 'other', message: text });
  });

  it('an entry about a service offers to book it', () => {
    const c = chat('demo-salon-spb', 'ru', withEntries('demo-salon-spb'));
    c.text('как подготовиться?');
    expect(c.said).toEqual(['PREP ANSWER']);
    expect(options(c)).toEqual(['act:book', 'act:ask']);
  });

  it('"Other", then a question: answered if the knowledge base knows it, else passed to a person as before', () => {
    const c = chat('demo-salon-spb', 'ru', withEntries('demo-salon-spb'));
    c.choose('intent:other');
    c.text('а парковка есть?');
    expect(c.said).toEqual(['PARKING ANSWER']);
    const d = chat('demo-salon-spb', 'ru', withEntries('demo-salon-spb'));
    d.choose('intent:other');
    d.text('у вас есть вайфай?');
    expect(d.world.effects.at(-1)).toEqual({ kind: 'searchKnowledge', text: 'у вас есть вайфай?', lang: 'ru', record: true });
    expect(d.state.handoff).toMatchObject({ intent: 'other', message: 'у вас есть вайфай?' });
  });

  it('mid-booking, a question is answered and the times stay on screen; a miss is not recorded', () => {
    const c = chat('demo-salon-spb', 'en', withEntries('demo-salon-spb'));
    c.choose('intent:book');
    c.choose('svc:salon-manicure');
    expect(c.prompt.kind).toBe('slots');
    c.text('is there parking?');
    expect(c.said).toEqual(['PARKING ANSWER']);
    expect(c.prompt.kind).toBe('slots');
    c.text('do you have wifi');
    expect(c.world.effects.at(-1)).toEqual({ kind: 'searchKnowledge', text: 'do you have wifi', lang: 'en', record: false });
    expect(c.said).toEqual(['I didn’t catch that. Please pick one of the options below, or tap “Menu”.']);
    expect(c.prompt.kind).toBe('slots');
  });

  it('a failed search is a miss (the menu and a person), not an error', () => {
    const w = withEntries('demo-barber-nyc');
    w.failNext = 'searchKnowledge';
    const c = chat('demo-barber-nyc', 'en', w);
    c.text('is there parking?');
    expect(c.said).toEqual(['I don’t have an answer to that yet. A person can answer you, or choose below.']);
    expect(options(c)[0]).toBe('intent:human');
  });

  it('booking, price and hand-off requests are not questions for the knowledge base', () => {
    for (const text of ['сколько стоит маникюр?', 'хочу записаться на стрижку', 'позовите администратора']) {
      const c = chat('demo-salon-spb', 'ru', withEntries('demo-salon-spb'));
      c.text(text);
      expect(c.world.effects.filter((e) => e.kind === 'searchKnowledge'), text).toEqual([]);
    }
  });
});
