import { describe, expect, it } from 'vitest';
import en from './en';
import hy from './hy';
import { fill, formatter } from './index';
import ru from './ru';

describe('formatter', () => {
  it('formats times in the business zone in each language', () => {
    expect(formatter('en', en).time('2026-06-10T14:00:00Z', 'America/New_York')).toBe('10:00 AM');
    expect(formatter('ru', ru).time('2026-06-10T14:00:00Z', 'Europe/Moscow')).toBe('17:00');
    expect(formatter('hy', hy).time('2026-06-10T14:00:00Z', 'Asia/Yerevan')).toBe('18:00');
  });
  it('formats a business-local day as that day whatever the host zone', () => {
    expect(formatter('en', en).day('2026-06-10')).toBe('Wed, Jun 10');
  });
  it('speaks Armenian where the browser has no Armenian locale data (Chromium)', () => {
    const original = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
    Intl.DateTimeFormat.supportedLocalesOf = (l) => [String(l)].filter((x) => x !== 'hy');
    try {
      const f = formatter('hy', hy);
      // Wednesday 10 June 2026, 18:00 in Yerevan.
      expect(f.when('2026-06-10T14:00:00Z', 'Asia/Yerevan')).toBe('չրք 10.06, 18:00');
      expect(f.day('2026-06-14')).toBe('կիր 14.06');
      expect(f.zone('Asia/Yerevan')).toBe('GMT+4');
    } finally {
      Intl.DateTimeFormat.supportedLocalesOf = original;
    }
  });
  it('writes drams as "դր."/"драм"/"AMD" where the visitor’s fonts lack the ֏ sign, and keeps the sign where it is drawn', () => {
    const price = 'Ատամների պրոֆեսիոնալ մաքրում՝ 25 000 ֏, 1 ժամ։';
    expect(formatter('hy', hy, () => false).text(price)).toBe('Ատամների պրոֆեսիոնալ մաքրում՝ 25 000 դր., 1 ժամ։');
    expect(formatter('ru', ru, () => false).text('Чистка: 25 000 ֏')).toBe('Чистка: 25 000 драм');
    expect(formatter('en', en, () => false).text('Cleaning: ֏25,000')).toBe('Cleaning: AMD\u00A025,000');
    expect(formatter('hy', hy, () => true).text(price)).toBe(price);
    expect(formatter('en', en, () => false).text('Haircut: $45')).toBe('Haircut: $45');
  });
  it('fills placeholders', () => {
    expect(fill('A {x} and {y}', { x: '1', y: '2' })).toBe('A 1 and 2');
  });
});

describe('the local greeting and menu', () => {
  it('say what the server records for them, so nothing changes when the first answer comes', async () => {
    const server = {
      en: (await import('../../../booking-service/src/domain/conversation/words/en')).en,
      ru: (await import('../../../booking-service/src/domain/conversation/words/ru')).ru,
      hy: (await import('../../../booking-service/src/domain/conversation/words/hy')).hy,
    };
    for (const [lang, t] of [['en', en], ['ru', ru], ['hy', hy]] as const) {
      expect(t.hello).toBe(server[lang].hello);
      for (const [id, label] of Object.entries(t.intents)) expect(label).toBe(server[lang][`intent.${id}` as 'intent.book']);
    }
  });
});
