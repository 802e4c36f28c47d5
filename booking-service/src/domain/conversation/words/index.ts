/**
 * `say(lang, key, values)`: one message of the bot, in the visitor's language, from the message
 * table (en.ts, ru.ts, hy.ts) through ICU MessageFormat, which picks plural forms with the
 * language's own rules (Intl.PluralRules: "1 минуту", "3 минуты", "5 минут") and `select`s
 * grammatical case where a language needs it. Messages are compiled once per language.
 *
 * @example say('ru', 'held', { minutes: 10, when: 'среда, 4 марта в 15:00' })
 * // → 'Время закреплено за вами на 10 минут: среда, 4 марта в 15:00. Как с вами связаться?'
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../../messages/types.js';
import { en, type WordKey, type Words } from './en.js';
import { hy } from './hy.js';
import { ru } from './ru.js';
import { LOCALES } from './format.js';

export type { WordKey } from './en.js';

export const WORDS: Record<Lang, Words> = { en, ru, hy };

export type Values = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

export function say(lang: Lang, key: WordKey, values?: Values): string {
  const id = `${lang}\u0000${key}`;
  let m = compiled.get(id);
  if (!m) compiled.set(id, (m = new IntlMessageFormat(WORDS[lang][key], LOCALES[lang], undefined, { ignoreTag: true })));
  return String(m.format(values));
}
