import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from './qualification.js';

const words = { required: 'Required', number: 'From {min} to {max}', url: 'https:// please' };

describe('the qualification editor', () => {
  it('turns the form into what the server takes, blank languages dropped', () => {
    const draft = toDraft(undefined);
    draft.questions = [{ text: { ru: ' Когда? ', en: '' }, answers: [{ label: { ru: 'Сегодня' }, points: '2', soon: true }, { label: { ru: 'Позже' }, points: '0', soon: false }] }];
    draft.threshold = '2';
    draft.linkUrl = 'https://salon.example/prices';
    draft.linkLabel = { ru: 'Цены' };
    expect(fromDraft(draft, words)).toEqual({
      value: {
        questions: [{ text: { ru: 'Когда?' }, answers: [{ label: { ru: 'Сегодня' }, points: 2, soon: true }, { label: { ru: 'Позже' }, points: 0, soon: false }] }],
        threshold: 2,
        alternatives: { waitlist: false, smallerServiceId: null, link: { url: 'https://salon.example/prices', label: { ru: 'Цены' } } },
      },
    });
  });

  it('names each problem in words by field: empty texts, points out of range, a link without text or not a web address', () => {
    const draft = toDraft(undefined);
    draft.questions = [{ text: {}, answers: [{ label: {}, points: '11', soon: false }, { label: { en: 'Later' }, points: '0', soon: false }] }];
    draft.linkUrl = 'salon';
    expect(fromDraft(draft, words)).toEqual({
      problems: {
        'questions.0.text': 'Required',
        'questions.0.answers.0.label': 'Required',
        'questions.0.answers.0.points': 'From -10 to 10',
        linkUrl: 'https:// please',
        linkLabel: 'Required',
      },
    });
  });
});
