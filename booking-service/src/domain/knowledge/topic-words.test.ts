import { describe, expect, it } from 'vitest';
import { words } from '../intent/normalize-text.js';
import { relatedWords } from './topic-words.js';

const related = (text: string, lang: 'ru' | 'hy' | 'en') => relatedWords(words(text), lang);

describe('relatedWords', () => {
  it('gives the topic words in the visitor’s language for the words a topic knows', () => {
    expect(related('где припарковаться', 'ru')[1]).toContain('парковка');
    expect(related('is there a garage', 'en')[3]).toContain('parking');
    expect(related('apple pay ok?', 'en')[1]).toContain('card');
    expect(related('что сделать перед чисткой', 'ru')[2]).toContain('подготовиться');
    expect(related('մեքենան որտեղ թողնեմ', 'hy')[0]).toContain('կայանատեղ');
    expect(related('qartov', 'hy')[0]).toContain('վճար');
  });

  it('reads two-word cues on their first word', () => {
    expect(related('можно без записи?', 'ru')).toEqual([[], ['без записи', 'очередь'], []]);
  });

  it('knows nothing of other words', () => {
    expect(related('сколько стоит стрижка', 'ru')).toEqual([[], [], []]);
  });
});
