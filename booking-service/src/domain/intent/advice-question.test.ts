import { describe, expect, it } from 'vitest';
import { asksAdvice } from './advice-question.js';
import { foldText } from './normalize-text.js';

describe('asksAdvice', () => {
  it.each([
    'Как подготовиться к окрашиванию?',
    'что мне нужно взять с собой',
    'можно ли есть перед удалением',
    'можно без предварительной записи?',
    'how should i prepare',
    'what should i bring',
    'walk ins ok?',
    'no appointment needed?',
    'ինչպե՞ս նախապատրաստվել',
    'ատամների մաքրումից առաջ ինչ անեմ',
    'inch anem maqrumic araj',
    'aranc grancman kareli e',
  ])('%s asks how to come', (text) => {
    expect(asksAdvice(foldText(text))).toBe(true);
  });

  it.each(['запишите перед обедом', 'перед 5 можно?', 'before noon', 'before the weekend', 'վաղը 5-ից առաջ', 'сколько стоит чистка', 'book a walk'])(
    '%s does not',
    (text) => {
      expect(asksAdvice(foldText(text))).toBe(false);
    },
  );
});
