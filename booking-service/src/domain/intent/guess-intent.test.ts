import { describe, expect, it } from 'vitest';
import { guessIntent } from './guess-intent.js';

describe('guessIntent', () => {
  it.each([
    ['цнеы', 'prices'],
    ['стоимсть', 'prices'],
    ['адмнистратр', 'human'],
    ['зпаись', 'book'],
    ['prsies', 'prices'],
    ['boook', 'book'],
    ['resrvation', 'book'],
    ['canel', 'my_booking'],
    ['գնր', 'prices'],
    ['գրանցվլ', 'book'],
  ] as const)('"%s" → %s (misspellings the strict classifier leaves alone)', (text, intent) => {
    expect(guessIntent(text)).toBe(intent);
  });

  it.each(['qwerty zxcv', 'hmm not sure', 'привет', 'спасибо', 'парковка есть?', 'ցանկանում եմ', 'hi there', 'the'])('"%s" → no guess', (text) => {
    expect(guessIntent(text)).toBeNull();
  });

  it('a wrong first letter costs an edit: "сколко" is a misspelt "сколько", not "окошко"', () => {
    expect(guessIntent('сколко')).toBe('prices');
  });
});
