import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { hy } from '../i18n/hy.js';
import { ru } from '../i18n/ru.js';
import { fieldText } from './field-text.js';
import { newTree, toTree } from '../quote/tree-form.js';
import { quoteTreeSchema } from '../../../booking-service/src/domain/quote/quote-tree-schema.js';

const tr = (message: string, lang: 'ru' | 'hy' | 'en') => fieldText(message, { ru, hy, en }[lang], lang === 'en');

describe('validation messages in the console’s language', () => {
  it('the form’s own checks', () => {
    expect(tr('required', 'ru')).toBe('Обязательное поле.');
    expect(tr('not a whole number', 'hy')).toBe('Մուտքագրեք ամբողջ թիվ։');
    expect(tr('needs text in at least one language', 'ru')).toBe('Заполните хотя бы на одном языке.');
  });

  it('zod’s shape messages keep their figure', () => {
    expect(tr('Too small: expected number to be >=0', 'ru')).toBe('Не меньше 0.');
    expect(tr('Too big: expected number to be <=10', 'hy')).toBe('Ոչ ավելի, քան 10։');
    expect(tr('Too small: expected array to have >=2 items', 'en')).toBe('Add at least 2.');
    expect(tr('Too small: expected number to be >0', 'ru')).toBe('Должно быть больше 0.');
  });

  it('the server’s semantic rules, without their path prefix or internal ids', () => {
    expect(tr('questions[1].max: max (3) is below min (5)', 'ru')).toBe('Максимум (3) меньше минимума (5).');
    expect(tr('questions[2].when.questionId: "q-1" must come before this question (questions[3] is not earlier)', 'hy')).toBe(
      'Այն հարցը, որից կախված է այս մեկը, պետք է ավելի վաղ տրվի․ տեղափոխեք այն վերև։',
    );
    expect(tr('questions: the highest possible price exceeds 10000000; check for an extra zero or a large quantity range', 'en')).toBe(
      'The highest possible price is over 10000000: check for an extra zero or a large quantity range.',
    );
  });

  it('the console inputs’ own rules', () => {
    expect(tr('hours.1.0.end: end must be after start', 'ru')).toBe('Конец должен быть позже начала.');
    expect(tr('unknown time zone (use an IANA name such as Europe/Moscow)', 'hy')).toBe('Ընտրեք ժամային գոտին ցանկից (օրինակ՝ Asia/Yerevan)։');
    expect(tr('not an e-mail address', 'en')).toBe('Enter an e-mail address such as name@example.com.');
  });

  it('a message already in the catalogue’s words passes through unchanged', () => {
    expect(tr('Не меньше 0.', 'ru')).toBe('Не меньше 0.');
    expect(tr('Պարտադիր դաշտ։', 'hy')).toBe('Պարտադիր դաշտ։');
    expect(tr('At least 0.', 'en')).toBe('At least 0.');
  });

  it('an unknown message: translated "check it" in ru/hy, the server’s own words in English', () => {
    expect(tr('something new', 'ru')).toBe('Это значение не подходит: проверьте его.');
    expect(tr('questions[0].x: something new', 'en')).toBe('something new');
  });

  it('every message the schema gives for a broken tree has a translation (no fallback)', () => {
    const { tree } = toTree(newTree(1, { defaultLang: 'ru', currency: 'RUB', serviceId: 'svc' }));
    // The shape first (zod stops there), then the rules on a well-shaped tree.
    const shapeBroken = {
      ...tree,
      basePrice: -5,
      roundTo: 0,
      title: { ru: 'x'.repeat(500) },
      questions: [{ id: 'c', type: 'choice', stage: 'scoping', text: { ru: 'Ещё?' }, options: [{ id: 'y', label: { ru: 'Y' }, price: { multiply: 0, add: 1.5 } }] }],
    };
    const number = { id: 'a', type: 'number', stage: 'scoping', text: { ru: 'Сколько?' }, min: 5, max: 3, pricing: { type: 'quantity' }, handoffAbove: { value: 99, reason: { ru: 'много' } } };
    const handsOff = { label: { ru: 'X' }, handoff: { reason: { ru: 'r' } } };
    const rulesBroken = {
      ...tree,
      questions: [
        { id: 'b', type: 'choice', stage: 'clarifying', text: { ru: 'Какой?' }, options: [{ id: 'x', ...handsOff }, { id: 'x', ...handsOff }], when: { questionId: 'a', anyOf: ['z'] } },
        number,
        { id: 'd', type: 'choice', stage: 'scoping', text: { ru: 'Ещё?' }, options: [{ id: 'p', label: { ru: 'P' } }, { id: 'q', label: { ru: 'Q' } }], when: { questionId: 'a', anyOf: ['p'] } },
      ],
    };
    const messages = [shapeBroken, rulesBroken].flatMap((t) => {
      const r = quoteTreeSchema.safeParse(t);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => i.message);
    });
    expect(messages.length).toBeGreaterThan(6);
    for (const m of messages) expect(tr(m, 'ru'), m).not.toBe(ru.fieldErrors.other);
  });
});
