/**
 * The words of a follow-up: the owner's text for the sequence in the client's language, or the
 * shipped default, formatted with ICU MessageFormat. Placeholders: {name} (the client), {business},
 * {question} (the nudge: the question the visitor stopped at), {quote} (the quote: what and the price).
 * Every follow-up ends with how to say "not interested" in the chat (the e-mail adds a link).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../messages/types.js';
import { LOCALES } from '../conversation/words/format.js';
import type { FollowUpSettings, Sequence } from './settings.js';

export const DEFAULT_TEXTS: Record<Sequence, Record<Lang, string>> = {
  nudge: {
    en: 'Are you still there, {name}? We stopped here: {question}',
    ru: '{name}, вы ещё здесь? Мы остановились на этом: {question}',
    hy: '{name}, դեռ այստե՞ղ եք։ Կանգ առանք այստեղ՝ {question}',
  },
  quote: {
    en: '{name}, your quote from {business} is waiting: {quote}. Shall we book it? One tap is enough.',
    ru: '{name}, ваш расчёт от «{business}» ждёт вас: {quote}. Записать вас? Достаточно одного нажатия.',
    hy: '{name}, {business}-ի ձեր հաշվարկը սպասում է ձեզ՝ {quote}։ Գրանցե՞նք ձեզ։ Բավական է մեկ սեղմում։',
  },
  silent: {
    en: 'Hello {name}! {business} here. Can we help you find a time? Just reply to this message.',
    ru: 'Здравствуйте, {name}! Это «{business}». Помочь подобрать время? Просто ответьте на это сообщение.',
    hy: 'Բարև ձեզ, {name}։ Գրում է {business}-ը։ Օգնե՞նք ընտրել ժամը։ Պարզապես պատասխանեք այս հաղորդագրությանը։',
  },
};

/** The "not interested" line every follow-up carries (words the engine understands: short-replies.ts). */
export const STOP_HINT: Record<Lang, string> = {
  en: 'Not interested any more? Reply “no thanks” and we will not write again.',
  ru: 'Уже не актуально? Ответьте «не актуально», и мы больше не напишем.',
  hy: 'Այլևս պետք չէ՞։ Պատասխանեք «պետք չէ», և մենք այլևս չենք գրի։',
};

export interface FollowUpValues {
  name: string;
  business: string;
  question?: string | undefined;
  quote?: string | undefined;
}

/** A text the owner may save: it must compile and use only the known placeholders. Null = fine. */
export function textError(text: string, lang: Lang): string | null {
  try {
    const m = new IntlMessageFormat(text, LOCALES[lang], undefined, { ignoreTag: true });
    m.format({ name: 'x', business: 'x', question: 'x', quote: 'x' });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The follow-up's message: the sequence's text (owner's or default) and the stop line. */
export function followUpText(s: FollowUpSettings, sequence: Sequence, lang: Lang, v: FollowUpValues): string {
  const own = s.texts[sequence]?.[lang];
  const values = { name: v.name, business: v.business, question: v.question ?? '', quote: v.quote ?? '' };
  const format = (t: string) => String(new IntlMessageFormat(t, LOCALES[lang], undefined, { ignoreTag: true }).format(values));
  let body: string;
  try {
    body = own ? format(own) : format(DEFAULT_TEXTS[sequence][lang]);
  } catch {
    // A stored text that no longer formats (saved before validation) must not stop the follow-up.
    body = format(DEFAULT_TEXTS[sequence][lang]);
  }
  return `${body.trim()}\n\n${STOP_HINT[lang]}`;
}
