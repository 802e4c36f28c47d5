import { describe, expect, it } from 'vitest';
import { expandTextese } from './textese.js';

describe('expandTextese', () => {
  it.each([
    ['hw mch 4 a shave', 'how much for a shave'],
    ['r u open 2day', 'are you open today'],
    ['appt tommorow pls', 'appointment tomorrow please'],
    ['can u fit me in tmrw', 'can you fit me in tomorrow'],
    ['going 2 the shop', 'going to the shop'],
  ])('%s → %s', (text, expanded) => {
    expect(expandTextese(text)).toBe(expanded);
  });

  it('keeps a digit that is a time ("at 4 the latest", "4 pm", "book 4")', () => {
    expect(expandTextese('at 4 the latest')).toBe('at 4 the latest');
    expect(expandTextese('book 4 pm')).toBe('book 4 pm');
    expect(expandTextese('book 4')).toBe('book 4');
  });

  it('changes only whole words ("upset" stays, "u" goes)', () => {
    expect(expandTextese('upset u')).toBe('upset you');
  });
});

describe('expandTextese: parts of the day as typed (issue 18)', () => {
  it('spells "mornin", "evenin", "arvo" out', () => {
    expect(expandTextese('sat mornin?')).toBe('sat morning?');
    expect(expandTextese('fri evenin after 6')).toBe('fri evening after 6');
    expect(expandTextese('tmrw arvo')).toBe('tomorrow afternoon');
  });
});
