import { afterEach, expect, it } from 'vitest';
import { labelled, lang } from './index.js';

afterEach(() => {
  lang.value = 'en';
});

it('joins a label and its value with the language’s own mark: ":" in en/ru, "՝" in Armenian (never a Latin colon)', () => {
  lang.value = 'ru';
  expect(labelled('Запись', 'Анна')).toBe('Запись: Анна');
  lang.value = 'hy';
  expect(labelled('Ամրագրում', 'Աննա')).toBe('Ամրագրում՝ Աննա');
});
