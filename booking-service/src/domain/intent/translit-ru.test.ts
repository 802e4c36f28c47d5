import { describe, expect, it } from 'vitest';
import { latinToRussian, typedInLatin } from './translit-ru.js';

describe('latinToRussian', () => {
  it.each([
    ['skolko stoit strizhka', 'сколко стоит стрижка'],
    ['zapisatsya zavtra', 'записатся завтра'],
    ['hochu pogovorit s menedzherom', 'хочу поговорит с менеджером'],
    ['perenesti na chetverg', 'перенести на четверг'],
    ['shchetka sch', 'щетка щ'],
    ['yubka yolka yasno', 'юбка елка ясно'],
    ['vy moy', 'вы мой'],
    ['strijka moj', 'стрижка мой'],
    ["zapis' tsena", 'запись цена'],
    ['xochu cena', 'хочу цена'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(latinToRussian(latin)).toBe(cyrillic);
  });

  it('leaves digits, punctuation and other scripts alone', () => {
    expect(latinToRussian('zavtra v 15:00?')).toBe('завтра в 15:00?');
    expect(latinToRussian('Ок, zavtra')).toBe('ок, завтра');
  });
});

describe('typedInLatin', () => {
  it('is true only for text with Latin letters and no Cyrillic or Armenian', () => {
    expect(typedInLatin('skolko stoit')).toBe(true);
    expect(typedInLatin('хочу на manicure')).toBe(false);
    expect(typedInLatin('Ուզում եմ booking')).toBe(false);
    expect(typedInLatin('15:00')).toBe(false);
  });
});
