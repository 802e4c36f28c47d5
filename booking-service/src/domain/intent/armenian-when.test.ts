import { describe, expect, it } from 'vitest';
import { armenianWhen } from './armenian-when.js';
import { foldText } from './normalize-text.js';

const parse = (text: string) => armenianWhen(foldText(text));

describe('armenianWhen', () => {
  it('reads today, tomorrow (also colloquial and Latin) and the day after', () => {
    expect(parse('այսօր')).toMatchObject({ date: { type: 'daysFromToday', days: 0 } });
    expect(parse('Վաղը')).toMatchObject({ date: { type: 'daysFromToday', days: 1 } });
    expect(parse('էգուց կգամ')).toMatchObject({ date: { type: 'daysFromToday', days: 1 } });
    expect(parse('vaxy')).toMatchObject({ date: { type: 'daysFromToday', days: 1 } });
    expect(parse('վաղը չէ մյուս օրը')).toMatchObject({ date: { type: 'daysFromToday', days: 2 } });
  });

  it('reads weekday names with their suffixes', () => {
    expect(parse('կիրակի')).toMatchObject({ date: { type: 'weekday', weekday: 0, modifier: null } });
    expect(parse('երկուշաբթի օրը')).toMatchObject({ date: { type: 'weekday', weekday: 1 } });
    expect(parse('ուրբաթին')).toMatchObject({ date: { type: 'weekday', weekday: 5 } });
    expect(parse('հաջորդ չորեքշաբթի')).toMatchObject({ date: { type: 'weekday', weekday: 3, modifier: 'next' } });
  });

  it('tells Saturday from "week"', () => {
    expect(parse('շաբաթ')).toMatchObject({ date: { type: 'weekday', weekday: 6 } });
    expect(parse('հաջորդ շաբաթ օրը')).toMatchObject({ date: { type: 'weekday', weekday: 6, modifier: 'next' } });
    expect(parse('հաջորդ շաբաթ')).toBeNull();
    expect(parse('այս շաբաթվա ընթացքում')).toBeNull();
    expect(parse('մեկ շաբաթից, կիրակի')).toMatchObject({ date: { type: 'weekday', weekday: 0 } });
  });

  it('reads "ժամը N", HH:MM and times after a part of day', () => {
    expect(parse('վաղը ժամը 15-ին')).toEqual({
      date: { type: 'daysFromToday', days: 1 },
      time: { hour: 15, minute: 0, meridiemKnown: true },
      qualifier: undefined,
      partOfDay: undefined,
    });
    expect(parse('ժամը 3-ին')).toMatchObject({ time: { hour: 3, meridiemKnown: false } });
    expect(parse('15:30֊ին')).toMatchObject({ time: { hour: 15, minute: 30 } });
    expect(parse('երեկոյան 7-ին')).toMatchObject({ time: { hour: 7 }, partOfDay: 'evening' });
  });

  it('reads after and before', () => {
    expect(parse('5-ից հետո')).toMatchObject({ time: { hour: 5 }, qualifier: 'after' });
    expect(parse('ժամը 17:00-ից սկսած')).toMatchObject({ time: { hour: 17 }, qualifier: 'after' });
    expect(parse('մինչև ժամը 12-ը')).toMatchObject({ time: { hour: 12 }, qualifier: 'before' });
    expect(parse('12-ից առաջ')).toMatchObject({ time: { hour: 12 }, qualifier: 'before' });
    expect(parse('կեսօրից հետո')).toMatchObject({ partOfDay: 'afternoon' });
    // Lunch as a boundary: the afternoon / the morning, as "после обеда" / "до обеда".
    expect(parse('երեքշաբթի ճաշից հետո')).toMatchObject({ partOfDay: 'afternoon' });
    expect(parse('vaxy chashic heto')).toMatchObject({ partOfDay: 'afternoon' });
    expect(parse('ճաշից առաջ')).toMatchObject({ partOfDay: 'morning' });
    expect(parse('կեսօրին')).toMatchObject({ time: { hour: 12, meridiemKnown: true } });
  });

  it('reads parts of the day', () => {
    expect(parse('ուրբաթ առավոտյան')).toMatchObject({ date: { weekday: 5 }, partOfDay: 'morning' });
    expect(parse('ցերեկը')).toMatchObject({ partOfDay: 'afternoon' });
    expect(parse('Երեկոյան')).toMatchObject({ partOfDay: 'evening' });
  });

  it('reads month names in the genitive, with the day before or after and its case ending', () => {
    expect(parse('մարտի 10-ին')).toMatchObject({ date: { type: 'monthDay', month: 3, day: 10 } });
    expect(parse('ապրիլի 2')).toMatchObject({ date: { type: 'monthDay', month: 4, day: 2 } });
    expect(parse('25 դեկտեմբերի')).toMatchObject({ date: { type: 'monthDay', month: 12, day: 25 } });
    expect(parse('հունիսի 1-ին ժամը 4-ին')).toMatchObject({ date: { type: 'monthDay', month: 6, day: 1 }, time: { hour: 4 } });
    expect(parse('marti 8in')).toMatchObject({ date: { type: 'monthDay', month: 3, day: 8 } });
    expect(parse('մարտի 40-ին')).toBeNull();
  });

  it('reads the hour after Latin "zhamy"/"jam" and without the hyphen ("5in")', () => {
    expect(parse('vaxy zhamy 4in')).toMatchObject({ date: { type: 'daysFromToday', days: 1 }, time: { hour: 4 } });
    expect(parse('jam 11')).toMatchObject({ time: { hour: 11 } });
  });

  it('finds nothing in text without a date or time', () => {
    expect(parse('Ինչքա՞ն արժե ատամի լիցքը')).toBeNull();
    expect(parse('2 ատամ')).toBeNull();
    expect(parse('')).toBeNull();
  });

  it('reads weekdays and parts of the day typed in Latin letters', () => {
    expect(parse('urbat orn')).toMatchObject({ date: { type: 'weekday', weekday: 5, modifier: null } });
    expect(parse('hajord erkushabti')).toMatchObject({ date: { type: 'weekday', weekday: 1, modifier: 'next' } });
    expect(parse('hajord shabat')).toBeNull();
    expect(parse('aravotyan')).toMatchObject({ partOfDay: 'morning' });
    expect(parse('yerekoyan')).toMatchObject({ partOfDay: 'evening' });
  });

  it('reads a day of the month, and a bare "N-ին" as the day unless a day is named', () => {
    expect(parse('ամսի 10-ին')).toMatchObject({ date: { type: 'dayOfMonth', day: 10 } });
    expect(parse('amsi 3-in')).toMatchObject({ date: { type: 'dayOfMonth', day: 3 } });
    expect(parse('10-ին կարելի՞ է')).toMatchObject({ date: { type: 'dayOfMonth', day: 10 } });
    expect(parse('մարտի 10-ին')).toEqual({ date: { type: 'monthDay', month: 3, day: 10 }, time: undefined, qualifier: undefined, partOfDay: undefined });
    expect(parse('ուրբաթ 5-ին')).toMatchObject({ date: { type: 'weekday', weekday: 5 }, time: { hour: 5, minute: 0 } });
  });
});
