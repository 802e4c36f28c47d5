/**
 * A client's answer to an SMS reminder (issue 16): "1" confirms, "2" asks for the link to
 * reschedule, any other text is passed on to the business's people (or, from a number we cannot
 * place, gets a short help text). Only the digit counts (with spaces or a full
 * stop around it, as phones and people add them), so a chatty message never confirms by accident.
 * The answers' words in ru, hy and en, each within one SMS segment.
 */
import type { Lang } from '../messages/types.js';

export type SmsReply = 'confirm' | 'reschedule' | 'other';

export function parseSmsReply(text: string): SmsReply {
  const t = text.trim().replace(/[.!)]+$/, '').trim();
  return t === '1' ? 'confirm' : t === '2' ? 'reschedule' : 'other';
}

const WORDS = {
  en: {
    help: 'Reply 1 to confirm your booking or 2 to reschedule it.',
    none: 'We found no upcoming booking for this number.',
    thanks: 'Thank you! See you {when}.',
    reschedule: 'Reschedule or cancel: {url}',
    notNow: 'This booking can no longer be confirmed by SMS.',
    passed: 'Thank you! We have passed your message on and will reply soon.',
  },
  ru: {
    help: 'Ответьте 1, чтобы подтвердить запись, или 2, чтобы перенести.',
    none: 'Предстоящих записей на этот номер нет.',
    thanks: 'Спасибо! Ждём вас {when}.',
    reschedule: 'Перенести или отменить: {url}',
    notNow: 'Эту запись уже нельзя подтвердить по SMS.',
    passed: 'Спасибо! Передали ваше сообщение, скоро ответим.',
  },
  hy: {
    help: 'Պատասխանեք 1՝ գրանցումը հաստատելու, կամ 2՝ տեղափոխելու համար։',
    none: 'Այս համարով առաջիկա գրանցում չկա։',
    thanks: 'Շնորհակալություն։ Սպասում ենք ձեզ {when}։',
    reschedule: 'Տեղափոխել կամ չեղարկել՝ {url}',
    notNow: 'Այս գրանցումն այլևս հնարավոր չէ հաստատել SMS-ով։',
    passed: 'Շնորհակալություն։ Փոխանցեցինք, շուտով կպատասխանենք։',
  },
} satisfies Record<Lang, Record<string, string>>;

export type SmsReplyWord = keyof (typeof WORDS)['en'];

export function smsReplyWord(lang: Lang, key: SmsReplyWord, values: Record<string, string> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** The language of a text from someone we cannot place: by its script, else English. */
export function langOfText(text: string): Lang {
  if (/[\u0531-\u058F]/u.test(text)) return 'hy';
  if (/[\u0400-\u04FF]/u.test(text)) return 'ru';
  return 'en';
}
