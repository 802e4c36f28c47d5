import { describe, expect, it } from 'vitest';
import { isUrgent, qualifyLead, SLA_MIN } from './lead-score.js';

const base = { message: 'Хочу записаться', hasPhone: false, hasEmail: false, openNow: false };

describe('qualifyLead', () => {
  it('is hot when a person is asked for during opening hours with a phone left', () => {
    expect(qualifyLead({ ...base, intent: 'human', hasPhone: true, openNow: true })).toEqual({ temperature: 'hot', score: 55, slaMin: 5 });
  });

  it('is not hot for the same request outside opening hours (nobody is there to call back)', () => {
    expect(qualifyLead({ ...base, intent: 'human', hasPhone: true, openNow: false }).temperature).toBe('warm');
  });

  it('is hot on urgency words in any of the three languages, in the message or the summary', () => {
    expect(qualifyLead({ ...base, message: 'Очень СРОЧНО нужна запись', hasEmail: true }).temperature).toBe('hot');
    expect(qualifyLead({ ...base, message: 'Ատամս ցավում է', hasEmail: true }).temperature).toBe('hot');
    expect(qualifyLead({ ...base, message: 'hello', summary: 'Need it ASAP', hasEmail: true }).temperature).toBe('hot');
  });

  it('is cold for an e-mail-only question that is not about buying', () => {
    expect(qualifyLead({ ...base, intent: 'other', hasEmail: true })).toEqual({ temperature: 'cold', score: 15, slaMin: 24 * 60 });
    expect(qualifyLead({ ...base, hasEmail: true }).temperature).toBe('cold');
    expect(qualifyLead({ ...base, intent: 'my_booking', hasEmail: true }).temperature).toBe('cold');
  });

  it('is warm otherwise: a buying intent, or any request with a phone', () => {
    expect(qualifyLead({ ...base, intent: 'prices', hasEmail: true }).temperature).toBe('warm');
    expect(qualifyLead({ ...base, hasPhone: true }).temperature).toBe('warm');
  });

  it('scores buying intent and a phone highest, capped at 100', () => {
    const all = qualifyLead({ intent: 'book', message: 'срочно', summary: 'окрашивание', hasPhone: true, hasEmail: true, openNow: true });
    expect(all.score).toBe(100); // 30 + 25 + 10 + 10 + 10 + 20 = 105, capped
    const book = qualifyLead({ ...base, intent: 'book', hasPhone: true }).score;
    const other = qualifyLead({ ...base, intent: 'other', hasPhone: true }).score;
    expect(book - other).toBe(25);
  });

  it('has the PRODUCT.md targets', () => {
    expect(SLA_MIN).toEqual({ hot: 5, warm: 60, cold: 1440 });
    expect(isUrgent('no rush')).toBe(false);
  });
});

describe('temperature from the owner\'s qualification questions (issue 17)', () => {
  const base = { intent: 'book', message: '', hasPhone: true, hasEmail: false, openNow: false };
  it('wants a time within 48 h is hot; not qualified is cold, even asking for a person by phone while open', () => {
    expect(qualifyLead({ ...base, wantsSoon: true }).temperature).toBe('hot');
    expect(qualifyLead({ ...base, qualified: false }).temperature).toBe('cold');
    expect(qualifyLead({ ...base, intent: 'human', openNow: true, qualified: false }).temperature).toBe('cold');
    expect(qualifyLead({ ...base, qualified: true }).temperature).toBe('warm');
    // Urgency still wins over the questions.
    expect(qualifyLead({ ...base, message: 'срочно', qualified: false }).temperature).toBe('hot');
  });
  it('the SLA target is the owner\'s for that temperature', () => {
    expect(qualifyLead({ ...base, wantsSoon: true }, { hot: 10, warm: 90, cold: 180 }).slaMin).toBe(10);
    expect(qualifyLead({ ...base, qualified: false }, { hot: 10, warm: 90, cold: 180 }).slaMin).toBe(180);
  });
});
