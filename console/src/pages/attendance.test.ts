import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { hy } from '../i18n/hy.js';
import { ru } from '../i18n/ru.js';
import { markChoices, markLabel, markQuestion, markStep, type Mark } from './attendance.js';

describe('attendance marks: the panel asks before it changes anything', () => {
  it('pressing a mark only asks; answering "No" leaves the booking as it was; only "Yes, mark it" sends', () => {
    for (const mark of ['attended', 'no_show', 'confirmed'] as const) {
      const sent: Mark[] = [];
      const asked = markStep(null, { type: 'choose', mark });
      expect(asked).toEqual({ pending: mark, send: null });
      const declined = markStep(asked.pending, { type: 'no' });
      expect(declined).toEqual({ pending: null, send: null });
      // "Yes" with no question pending (the question was declined) sends nothing.
      expect(markStep(declined.pending, { type: 'yes' }).send).toBeNull();
      const again = markStep(declined.pending, { type: 'choose', mark });
      const yes = markStep(again.pending, { type: 'yes' });
      if (yes.send) sent.push(yes.send);
      expect(sent).toEqual([mark]);
    }
  });

  it('choosing another mark replaces the question instead of sending the first', () => {
    const first = markStep(null, { type: 'choose', mark: 'attended' });
    expect(markStep(first.pending, { type: 'choose', mark: 'no_show' })).toEqual({ pending: 'no_show', send: null });
  });

  it('offers marks only once the appointment has started, and undo only for a mark', () => {
    expect(markChoices('confirmed', false)).toBeNull();
    expect(markChoices('confirmed', true)).toEqual(['attended', 'no_show']);
    expect(markChoices('no_show', true)).toEqual(['attended', 'confirmed']);
    expect(markChoices('attended', true)).toEqual(['no_show', 'confirmed']);
    expect(markChoices('cancelled', true)).toEqual([]);
    expect(markChoices('held', false)).toEqual([]);
  });

  it.each([
    ['en', en],
    ['ru', ru],
    ['hy', hy],
  ])('in %s every mark has its own question, distinct from its button, with a "yes" and a "no"', (_lang, dict) => {
    const d = dict.calendar;
    const questions = (['attended', 'no_show', 'confirmed'] as const).map((m) => {
      const q = markQuestion(d, m);
      expect(q).not.toBe(markLabel(d, m));
      expect(q.length).toBeGreaterThan(markLabel(d, m).length);
      return q;
    });
    expect(new Set(questions).size).toBe(3);
    expect(d.confirmMark).toBeTruthy();
    expect(d.notNow).toBeTruthy();
  });
  it('English words: "Yes, mark it" and "No"', () => {
    expect(en.calendar.confirmMark).toBe('Yes, mark it');
    expect(markQuestion(en.calendar, 'no_show')).toMatch(/^Mark this client as a no-show\?/);
  });
});
