/**
 * A messenger's own chrome around the engine's words (which come already rendered from
 * domain/conversation/words): how to answer a form in a chat that has no form, button captions.
 * Every word in ru, hy and en.
 */
import type { Lang } from '../messages/types.js';

const en = {
  sharePhone: 'Share my phone number',
  contactHint: 'Send your name and phone number or e-mail in one message, e.g. “Anna +1 212 555 0100”, or tap “Share my phone number”. By sending them you agree: {consent}',
  lookupHint: 'Send the phone number or e-mail you booked with.',
  codeHint: 'Send the {length}-digit code sent to {sentTo}.',
  numberHint: 'Send a number from {min} to {max}{unit}.',
  moreTimes: 'More times',
  menu: 'Menu',
  noTimes: 'No free times on this day. Choose another day:',
  manage: 'Change or cancel: {url}',
  stale: 'This button is out of date — here is where we are now.',
  fieldErrors: 'Please check: {errors}',
  choose: 'Choose',
  useMyNumber: 'Use my number',
  waContactHint: 'Send your name and phone number or e-mail in one message, e.g. “Anna +1 212 555 0100”, or tap “Use my number”. By sending them you agree: {consent}',
  reminderConfirm: 'Confirm',
  reminderReschedule: 'Reschedule',
  reminderCancel: 'Cancel',
  attendanceThanks: 'Thank you! See you {when}.',
  reminderStale: 'This booking can no longer be changed here. Send “menu” to see your bookings.',
};

type ChannelWords = typeof en;
export type ChannelWordKey = keyof ChannelWords;

const ru: ChannelWords = {
  sharePhone: 'Отправить мой номер',
  contactHint: 'Отправьте имя и телефон или e-mail одним сообщением, например «Анна +7 900 123-45-67», или нажмите «Отправить мой номер». Отправляя их, вы соглашаетесь: {consent}',
  lookupHint: 'Отправьте телефон или e-mail, с которым вы записывались.',
  codeHint: 'Отправьте код из {length} цифр, отправленный на {sentTo}.',
  numberHint: 'Отправьте число от {min} до {max}{unit}.',
  moreTimes: 'Ещё время',
  menu: 'Меню',
  noTimes: 'В этот день свободного времени нет. Выберите другой день:',
  manage: 'Перенести или отменить: {url}',
  stale: 'Эта кнопка устарела — вот где мы сейчас.',
  fieldErrors: 'Проверьте, пожалуйста: {errors}',
  choose: 'Выбрать',
  useMyNumber: 'Мой номер',
  waContactHint: 'Отправьте имя и телефон или e-mail одним сообщением, например «Анна +7 900 123-45-67», или нажмите «Мой номер». Отправляя их, вы соглашаетесь: {consent}',
  reminderConfirm: 'Подтвердить',
  reminderReschedule: 'Перенести',
  reminderCancel: 'Отменить',
  attendanceThanks: 'Спасибо! Ждём вас {when}.',
  reminderStale: 'Эту запись здесь уже нельзя изменить. Отправьте «меню», чтобы увидеть ваши записи.',
};

const hy: ChannelWords = {
  sharePhone: 'Ուղարկել իմ համարը',
  contactHint: 'Ուղարկեք ձեր անունը և հեռախոսահամարը կամ էլ. փոստը մեկ հաղորդագրությամբ, օրինակ՝ «Աննա +374 91 123456», կամ սեղմեք «Ուղարկել իմ համարը»։ Ուղարկելով՝ դուք համաձայնում եք. {consent}',
  lookupHint: 'Ուղարկեք այն հեռախոսահամարը կամ էլ. փոստը, որով գրանցվել եք։',
  codeHint: 'Ուղարկեք {sentTo}-ին ուղարկված {length}-նիշ կոդը։',
  numberHint: 'Ուղարկեք թիվ {min}-ից {max}{unit}։',
  moreTimes: 'Այլ ժամեր',
  menu: 'Մենյու',
  noTimes: 'Այս օրը ազատ ժամ չկա։ Ընտրեք այլ օր.',
  manage: 'Փոխել կամ չեղարկել՝ {url}',
  stale: 'Այս կոճակն այլևս չի գործում․ ահա թե որտեղ ենք հիմա։',
  fieldErrors: 'Խնդրում ենք ստուգել. {errors}',
  choose: 'Ընտրել',
  useMyNumber: 'Իմ համարը',
  waContactHint: 'Ուղարկեք ձեր անունը և հեռախոսահամարը կամ էլ. փոստը մեկ հաղորդագրությամբ, օրինակ՝ «Աննա +374 91 123456», կամ սեղմեք «Իմ համարը»։ Ուղարկելով՝ դուք համաձայնում եք. {consent}',
  reminderConfirm: 'Հաստատել',
  reminderReschedule: 'Տեղափոխել',
  reminderCancel: 'Չեղարկել',
  attendanceThanks: 'Շնորհակալություն։ Սպասում ենք ձեզ {when}։',
  reminderStale: 'Այս գրանցումն այստեղ այլևս հնարավոր չէ փոխել։ Ուղարկեք «մենյու»՝ ձեր գրանցումները տեսնելու համար։',
};

const WORDS: Record<Lang, ChannelWords> = { en, ru, hy };

export function channelWord(lang: Lang, key: ChannelWordKey, values: Record<string, string | number> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export const CHANNEL_WORDS = WORDS;
