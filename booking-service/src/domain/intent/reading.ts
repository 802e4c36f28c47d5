/**
 * What the understanding reads instead of the raw text: English chat shorthand spelt out
 * (textese.ts), and a Russian visitor's message typed in Latin letters read in Cyrillic too
 * (translit-ru.ts). The Cyrillic reading is ADDED after the text, not put in its place: a
 * Latin-typed message may as well hold English words ("mozhno booking na pyatnitsu"), and
 * neither reading's cues match the other's letters. Cheap checks first: a message with no Latin
 * letters is returned as it is.
 */
import type { Lang } from '@frontdesk/shared';
import { expandTextese } from './textese.js';
import { latinToRussian, typedInLatin } from './translit-ru.js';

export function readable(text: string, lang: Lang | undefined): string {
  if (!/[a-z]/i.test(text)) return text;
  if (lang === 'en') return expandTextese(text);
  if (lang === 'ru' && typedInLatin(text)) return `${text}\n${latinToRussian(text)}`;
  return text;
}
