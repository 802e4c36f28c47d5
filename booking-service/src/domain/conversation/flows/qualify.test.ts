import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World, type SiteKey } from '../../../../test/support/engine-world.js';
import type { Lang } from '../../messages/types.js';
import type { Qualification } from '../../qualification/qualification.js';
import { promptMarkup } from '../../channels/telegram-render.js';

/** The articles' example: timing and budget, +2 each; qualified at 3. */
const haircutQuestions: Qualification = {
  questions: [
    {
      text: { en: 'When would you like to come?', ru: 'Когда хотите прийти?', hy: 'Ե՞րբ եք ցանկանում գալ' },
      answers: [
        { label: { en: 'Today or tomorrow', ru: 'Сегодня или завтра', hy: 'Այսօր կամ վաղը' }, points: 2, soon: true },
        { label: { en: 'Within 7 days', ru: 'В течение недели', hy: '7 օրվա ընթացքում' }, points: 2, soon: false },
        { label: { en: 'Just looking', ru: 'Пока присматриваюсь', hy: 'Պարզապես նայում եմ' }, points: 0, soon: false },
      ],
    },
    {
      text: { en: 'What is your budget?', ru: 'Какой у вас бюджет?', hy: 'Ինչքա՞ն է ձեր բյուջեն' },
      answers: [
        { label: { en: 'Above $40', ru: 'Больше 3000 ₽', hy: '15 000 դրամից ավելի' }, points: 2, soon: false },
        { label: { en: 'Below $40', ru: 'Меньше 3000 ₽', hy: '15 000 դրամից պակաս' }, points: 0, soon: false },
      ],
    },
  ],
  threshold: 3,
  alternatives: { waitlist: true, smallerServiceId: 'barber-beard', link: { url: 'https://barber.example/tips', label: { en: 'Grooming tips', ru: 'Советы по уходу' } } },
};

function chat(opts: { site?: SiteKey; lang?: Lang; questions?: Record<string, Qualification>; waitlist?: boolean } = {}) {
  const ctx = { ...demoContext(opts.site ?? 'demo-barber-nyc'), qualification: opts.questions ?? { 'barber-haircut': haircutQuestions }, ...(opts.waitlist ? { waitlist: true } : {}) };
  return new Chat(new World(ctx), opts.lang ?? 'en');
}

describe('qualification questions (issue 17)', () => {
  it('zero questions: booking is exactly as before (service → specialist)', () => {
    const c = chat({ questions: { 'barber-haircut': { ...haircutQuestions, questions: [] } } });
    c.choose('intent:book');
    c.choose(c.option('Haircut'));
    expect(c.said).toEqual(['Who would you like to see?']);
    expect(c.state.qualify ?? null).toBeNull();
    // Another service without questions: also unchanged.
    const d = chat();
    d.choose('intent:book');
    d.choose(d.option('Beard trim'));
    expect(d.said).toEqual(['Who would you like to see?']);
  });

  it('asks the questions one at a time with quick replies; qualified goes straight on to the times', () => {
    const c = chat();
    c.choose('intent:book');
    c.choose(c.option('Haircut'));
    expect(c.said).toEqual(['2 quick questions so I can offer what suits you.', 'When would you like to come?']);
    expect(c.prompt).toEqual({ kind: 'choice', menu: false, options: [{ id: 'qa:0', label: 'Today or tomorrow' }, { id: 'qa:1', label: 'Within 7 days' }, { id: 'qa:2', label: 'Just looking' }] });
    c.choose('qa:1');
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'Within 7 days' });
    expect(c.said).toEqual(['What is your budget?']);
    c.choose('qa:0');
    // Qualified: straight to the nearest times of anyone, not "who would you like?" first.
    expect(c.said).toEqual(['Thank you! Let’s find you a time.', 'Here are the nearest free times:']);
    expect(c.state.qualify).toEqual({ serviceId: 'barber-haircut', picked: [1, 0], qualified: true, score: 4, soon: false });
    expect(c.state.booking?.staffId).toBeNull();
    expect(c.world.effects.at(-1)).toMatchObject({ kind: 'findSlots', serviceId: 'barber-haircut', staffId: null });
    expect(c.prompt.kind).toBe('slots');
    // Back to the same service later in the conversation: not asked again, straight to the times too.
    c.choose('intent:book');
    c.choose(c.option('Haircut'));
    expect(c.said).toEqual(['Here are the nearest free times:']);
  });

  it('a qualified visitor may still choose a specialist from the times (the choice they skipped)', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    c.choose('qa:0');
    c.choose('qa:0');
    const p = c.prompt;
    if (p.kind !== 'slots') throw new Error(p.kind);
    expect(p.actions?.[0]).toEqual({ id: 'act:staff', label: 'Choose a specialist' });
    c.choose('act:staff');
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'Choose a specialist' });
    expect(c.said).toEqual(['Who would you like to see?']);
    c.choose(c.option('Diego'));
    expect(c.state.booking?.staffId).toBe('barber-diego');
    const q = c.prompt;
    if (q.kind !== 'slots') throw new Error(q.kind);
    // A specialist chosen: the action is gone; every time on show is theirs.
    expect((q.actions ?? []).map((a) => a.id)).not.toContain('act:staff');
    expect(new Set(q.slots.map((x) => x.staffName))).toEqual(new Set(['Diego']));
    // A service with one specialist: nothing to choose, no action (the shave is Marcus's only).
    const one = chat({ questions: { 'barber-shave': haircutQuestions } });
    one.send({ type: 'start', flow: 'book', serviceId: 'barber-shave' });
    one.choose('qa:0');
    one.choose('qa:0');
    const r = one.prompt;
    if (r.kind !== 'slots') throw new Error(r.kind);
    expect((r.actions ?? []).map((a) => a.id)).not.toContain('act:staff');
    // Not asked any questions (a service without them): the specialist question as before.
    const plain = chat({ questions: {} });
    plain.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    expect(plain.said).toEqual(['Who would you like to see?']);
  });

  it('reads typed answers that name one answer (or its number) and asks again otherwise', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    c.text('hmm, not sure');
    expect(c.said).toEqual(['Please pick one of the answers below.', 'When would you like to come?']);
    expect(c.state.step).toEqual({ at: 'qualify', index: 0 });
    c.text('today or tomorrow please');
    expect(c.said).toEqual(['What is your budget?']);
    c.text('1');
    expect(c.state.qualify).toMatchObject({ picked: [0, 0], qualified: true, soon: true });
  });

  it('not qualified: the owner’s alternatives and always "talk to a person"; the waiting list only where the business has one', () => {
    const c = chat();
    c.choose('intent:book');
    c.choose(c.option('Haircut'));
    c.choose('qa:2');
    c.choose('qa:1');
    expect(c.said).toEqual(['Thank you! This may not be the best fit right now. Here is what I can offer instead:']);
    expect(c.state.qualify).toMatchObject({ qualified: false, score: 0 });
    expect(c.prompt).toEqual({
      kind: 'choice',
      menu: false,
      options: [
        { id: 'qual:smaller', label: 'Book Beard trim instead' },
        { id: 'qual:link', label: 'Grooming tips' },
        { id: 'intent:human', label: 'Talk to a person' },
      ],
    });
    c.choose('qual:link');
    expect(c.said).toEqual(['Grooming tips: https://barber.example/tips']);
    expect(c.state.step.at).toBe('unqualified');
    c.choose('qual:smaller');
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'Book Beard trim instead' });
    expect(c.state.booking?.serviceId).toBe('barber-beard');
    expect(c.said).toEqual(['Who would you like to see?']);

    const w = chat({ waitlist: true });
    w.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    w.choose('qa:2');
    w.choose('qa:1');
    expect((w.prompt as { options: Array<{ id: string }> }).options.map((o) => o.id)).toEqual(['waitlist:join', 'qual:smaller', 'qual:link', 'intent:human']);
  });

  it('not qualified with no alternatives set: a person, and the hand-off carries the answers for staff', () => {
    const c = chat({ questions: { 'barber-haircut': { ...haircutQuestions, alternatives: { waitlist: true, smallerServiceId: null, link: null } } } });
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    c.choose('qa:2');
    c.choose('qa:1');
    expect(c.said).toEqual(['Thank you! A person can help you best with this.']);
    expect(c.prompt).toEqual({ kind: 'choice', menu: false, options: [{ id: 'intent:human', label: 'Talk to a person' }] });
    c.choose('intent:human');
    c.text('Can you call me?');
    c.send({ type: 'contact', name: 'Ann', contact: '+12125550101', consent: true });
    const handoff = c.world.effects.find((e) => e.kind === 'handoff');
    expect(handoff).toMatchObject({ kind: 'handoff', summary: 'Answers: When would you like to come? — Just looking; What is your budget? — Below $40 (score 0)', qualification: { qualified: false, soon: false } });
  });

  it('the quote path: "book this" from a price asks the questions before the times', () => {
    const c = chat({ questions: { 'barber-shave': { ...haircutQuestions, alternatives: { waitlist: false, smallerServiceId: null, link: null } } } });
    c.choose('intent:prices');
    c.text('hot towel shave');
    // Its quote tree asks first; the first answer each time, until the price.
    for (let i = 0; i < 5 && c.state.step.at === 'question'; i++) c.choose((c.prompt as { options: Array<{ id: string }> }).options[0]!.id);
    expect(c.state.step.at).toBe('quoted');
    c.choose(c.option(/Book/));
    expect(c.said).toEqual(['2 quick questions so I can offer what suits you.', 'When would you like to come?']);
  });

  it('speaks Russian and Armenian, and a language switch asks the question again', () => {
    const ru = chat({ site: 'demo-salon-spb', lang: 'ru', questions: { 'salon-manicure': haircutQuestions } });
    ru.send({ type: 'start', flow: 'book', serviceId: 'salon-manicure' });
    expect(ru.said).toEqual(['2 коротких вопроса, чтобы предложить то, что вам подойдёт.', 'Когда хотите прийти?']);
    ru.text('в течение недели');
    expect(ru.said).toEqual(['Какой у вас бюджет?']);
    ru.choose('qa:1');
    expect(ru.said).toEqual(['Спасибо! Сейчас это, возможно, не лучший вариант. Вот что я могу предложить:']);
    // The salon has no beard trim: the smaller package is left out; the link's Russian label is used.
    expect((ru.prompt as { options: Array<{ label: string }> }).options.map((o) => o.label)).toEqual(['Советы по уходу', 'Связаться с администратором']);

    const hy = chat({ site: 'demo-clinic-yerevan', lang: 'hy', questions: Object.fromEntries(demoContext('demo-clinic-yerevan').services.map((s) => [s.id, haircutQuestions])) });
    hy.choose('intent:book');
    hy.choose(hy.prompt.kind === 'choice' ? hy.prompt.options[0]!.id : '');
    expect(hy.said).toEqual(['2 կարճ հարց, որպեսզի առաջարկեմ այն, ինչ ձեզ հարմար է։', 'Ե՞րբ եք ցանկանում գալ']);
    expect((hy.prompt as { options: Array<{ label: string }> }).options.map((o) => o.label)).toEqual(['Այսօր կամ վաղը', '7 օրվա ընթացքում', 'Պարզապես նայում եմ']);
    hy.send({ type: 'lang', lang: 'en' });
    expect(hy.said).toEqual(['When would you like to come?']);
  });

  it('renders the questions as a Telegram inline keyboard (every channel shows the same quick replies)', () => {
    const c = chat();
    c.send({ type: 'start', flow: 'book', serviceId: 'barber-haircut' });
    const { markup } = promptMarkup(c.prompt, 'en');
    expect(markup).toMatchObject({ inline_keyboard: [[{ text: 'Today or tomorrow' }], [{ text: 'Within 7 days' }], [{ text: 'Just looking' }], [{ text: 'Menu' }]] });
  });
});
