/**
 * `formatMessage(lang, template, values)`: a mail or page text through ICU MessageFormat, so
 * plural forms and grammatical case come from `plural`/`select` in the text itself ("до
 * {untilWd, select, 1 {понедельника} …}") instead of glued words ("до понедельник").
 * Templates are compiled once per language. A value the template names but the caller did not
 * give throws: a missing value is a bug to notice in tests, not a "{deadline}" in a visitor's mail.
 */
import type { Lang } from '@frontdesk/shared';
import { IntlMessageFormat } from 'intl-messageformat';
import { instantWords } from '../conversation/words/format.js';

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', hy: 'hy-AM', en: 'en-US' };
const compiled = new Map<string, IntlMessageFormat>();

export type MessageValues = Record<string, string | number>;

export function formatMessage(lang: Lang, template: string, values: MessageValues = {}): string {
  const id = `${lang}\u0000${template}`;
  let m = compiled.get(id);
  if (!m) compiled.set(id, (m = new IntlMessageFormat(template, LOCALES[lang], undefined, { ignoreTag: true })));
  return String(m.format(values));
}

/**
 * The values an instant fills under `name`: `{name}` ("Monday, March 3 at 10:00 AM"), and for
 * languages that decline the weekday, `{nameWd}` (ISO weekday for a `select`), `{nameDate}`
 * ("3 марта") and `{nameTime}` ("10:00").
 */
export function instantValues(name: string, epochMs: number, timeZone: string, lang: Lang): MessageValues {
  const w = instantWords(epochMs, timeZone, lang);
  return { [name]: w.when, [`${name}Wd`]: w.wd, [`${name}Date`]: w.date, [`${name}Time`]: w.time };
}

/** Russian "до <weekday in the genitive>" for an instant named `name` (see instantValues). */
export const ruUntil = (name: string) =>
  `до {${name}Wd, select, 1 {понедельника} 2 {вторника} 3 {среды} 4 {четверга} 5 {пятницы} 6 {субботы} other {воскресенья}}, {${name}Date}, {${name}Time}`;

/**
 * "Label: value" as each language writes it: Armenian puts «՝» (the explanatory pause) after
 * the label where Russian and English put a colon.
 */
export function labelled(lang: Lang, label: string, value: string): string {
  return lang === 'hy' ? `${label}՝ ${value}` : `${label}: ${value}`;
}
