/**
 * Message texts in the three visitor languages, in ICU MessageFormat (icu.ts): placeholders take
 * already-formatted values, `select`s decline what a language declines (Russian "до среды");
 * HTML escaping happens after formatting, in render.ts.
 * Staff messages use the business's default language (the team's language).
 */
import type { Lang } from '@frontdesk/shared';
import { ruUntil } from './icu.js';
import type { MessageKind } from './types.js';

export interface Strings {
  hello: string;
  helloAnon: string;
  /** One subject line and one lead sentence per message kind. */
  subject: Record<MessageKind, string>;
  lead: Record<MessageKind, string>;
  reminderAsk: string;
  /** Re-confirmation (issue 17): the last reminder to a client who has not confirmed yet. */
  reconfirm: { subject: string; lead: string };
  label: {
    service: string;
    staff: string;
    when: string;
    where: string;
    phone: string;
    bring: string;
    price: string;
    client: string;
    contact: string;
    note: string;
    reason: string;
    message: string;
    summary: string;
    replyBy: string;
    was: string;
  };
  button: { confirm: string; reschedule: string; manage: string; calendar: string; rebook: string; cancel: string; telegram: string };
  cancellationRule: string;
  cancellationRuleNoPhone: string;
  footer: string;
}

const en: Strings = {
  hello: 'Hello, {name}!',
  helloAnon: 'Hello!',
  subject: {
    booking_confirmed: 'Booking confirmed: {service}, {when}',
    booking_rescheduled: 'Booking moved: {service}, {when}',
    booking_cancelled: 'Booking cancelled: {service}, {when}',
    reminder: 'Reminder: {service}, {when}',
    no_show_followup: 'We missed you today',
    feedback_request: 'How was your visit?',
    staff_new_booking: 'New booking: {client}, {service}, {when}',
    staff_rescheduled: 'Booking moved: {client}, {when} (was {was})',
    staff_cancelled: 'Booking cancelled: {client}, {service}, {when}',
    staff_handoff: 'A visitor asks for a person: {client}',
  },
  lead: {
    booking_confirmed: 'Your booking is confirmed. See you soon!',
    booking_rescheduled: 'Your booking has been moved to a new time.',
    booking_cancelled: 'Your booking has been cancelled. We hope to see you another time.',
    reminder: 'A reminder about your appointment.',
    no_show_followup: "We're sorry we didn't see you at {time}. If it suits you, pick a new time in one click:",
    feedback_request: 'Thank you for visiting us! How was everything? Just reply to this e-mail — we read every answer.',
    staff_new_booking: 'A new booking was made online.',
    staff_rescheduled: 'A visitor moved their booking.',
    staff_cancelled: 'A visitor cancelled their booking.',
    staff_handoff: 'A visitor wants to talk to a person. Please answer by {replyBy}.',
  },
  reminderAsk: "Please confirm that you're coming, or pick another time.",
  reconfirm: {
    subject: "Please confirm you're coming at {time}: {service}",
    lead: "Please confirm you're coming at {time}. If your plans have changed, reschedule or cancel, so the time can go to someone else.",
  },
  label: {
    service: 'Service',
    staff: 'Specialist',
    when: 'When',
    where: 'Where',
    phone: 'Phone',
    bring: 'What to bring',
    price: 'Price',
    client: 'Client',
    contact: 'Contact',
    note: 'Note',
    reason: 'Reason',
    message: 'Message',
    summary: 'Summary',
    replyBy: 'Answer by',
    was: 'Was',
  },
  button: {
    confirm: "I'll be there",
    reschedule: 'Reschedule',
    manage: 'Reschedule or cancel',
    calendar: 'Add to calendar',
    rebook: 'Book again',
    cancel: 'Cancel booking',
    telegram: 'Get reminders in Telegram',
  },
  cancellationRule: 'You can cancel or reschedule online until {deadline}. After that, please call {phone}.',
  cancellationRuleNoPhone: 'You can cancel or reschedule online until {deadline}.',
  footer: 'You received this e-mail because you booked online.',
};

const ru: Strings = {
  hello: 'Здравствуйте, {name}!',
  helloAnon: 'Здравствуйте!',
  subject: {
    booking_confirmed: 'Запись подтверждена: {service}, {when}',
    booking_rescheduled: 'Запись перенесена: {service}, {when}',
    booking_cancelled: 'Запись отменена: {service}, {when}',
    reminder: 'Напоминание: {service}, {when}',
    no_show_followup: 'Мы ждали вас сегодня',
    feedback_request: 'Как прошёл визит?',
    staff_new_booking: 'Новая запись: {client}, {service}, {when}',
    staff_rescheduled: 'Запись перенесена: {client}, {when} (было {was})',
    staff_cancelled: 'Запись отменена: {client}, {service}, {when}',
    staff_handoff: 'Посетитель просит связаться: {client}',
  },
  lead: {
    booking_confirmed: 'Ваша запись подтверждена. До встречи!',
    booking_rescheduled: 'Ваша запись перенесена на новое время.',
    booking_cancelled: 'Ваша запись отменена. Будем рады видеть вас в другой раз.',
    reminder: 'Напоминаем о вашей записи.',
    no_show_followup: 'Жаль, что не получилось встретиться в {time}. Если удобно, выберите новое время в один клик:',
    feedback_request: 'Спасибо, что пришли к нам! Как всё прошло? Просто ответьте на это письмо — мы читаем каждый ответ.',
    staff_new_booking: 'Новая онлайн-запись.',
    staff_rescheduled: 'Клиент перенёс запись.',
    staff_cancelled: 'Клиент отменил запись.',
    staff_handoff: `Посетитель хочет поговорить с человеком. Ответьте, пожалуйста, ${ruUntil('replyBy')}.`,
  },
  reminderAsk: 'Пожалуйста, подтвердите, что придёте, или выберите другое время.',
  reconfirm: {
    subject: 'Подтвердите, что придёте в {time}: {service}',
    lead: 'Пожалуйста, подтвердите, что придёте в {time}. Если планы изменились, перенесите или отмените запись — время сможет занять другой клиент.',
  },
  label: {
    service: 'Услуга',
    staff: 'Специалист',
    when: 'Когда',
    where: 'Где',
    phone: 'Телефон',
    bring: 'Что взять с собой',
    price: 'Цена',
    client: 'Клиент',
    contact: 'Контакт',
    note: 'Комментарий',
    reason: 'Причина',
    message: 'Сообщение',
    summary: 'Кратко',
    replyBy: 'Ответить до',
    was: 'Было',
  },
  button: {
    confirm: 'Подтверждаю, приду',
    reschedule: 'Перенести',
    manage: 'Перенести или отменить',
    calendar: 'Добавить в календарь',
    rebook: 'Записаться снова',
    cancel: 'Отменить запись',
    telegram: 'Получать напоминания в Telegram',
  },
  cancellationRule: `Отменить или перенести запись онлайн можно ${ruUntil('deadline')}. Позже — по телефону {phone}.`,
  cancellationRuleNoPhone: `Отменить или перенести запись онлайн можно ${ruUntil('deadline')}.`,
  footer: 'Вы получили это письмо, потому что записались онлайн.',
};

const hy: Strings = {
  hello: 'Բարև Ձեզ, {name}։',
  helloAnon: 'Բարև Ձեզ։',
  subject: {
    booking_confirmed: 'Ամրագրումը հաստատված է՝ {service}, {when}',
    booking_rescheduled: 'Ամրագրումը տեղափոխված է՝ {service}, {when}',
    booking_cancelled: 'Ամրագրումը չեղարկված է՝ {service}, {when}',
    reminder: 'Հիշեցում՝ {service}, {when}',
    no_show_followup: 'Այսօր սպասում էինք Ձեզ',
    feedback_request: 'Ինչպե՞ս անցավ Ձեր այցը',
    staff_new_booking: 'Նոր ամրագրում՝ {client}, {service}, {when}',
    staff_rescheduled: 'Ամրագրումը տեղափոխված է՝ {client}, {when} (նախկինում՝ {was})',
    staff_cancelled: 'Ամրագրումը չեղարկված է՝ {client}, {service}, {when}',
    staff_handoff: 'Այցելուն խնդրում է կապվել՝ {client}',
  },
  lead: {
    booking_confirmed: 'Ձեր ամրագրումը հաստատված է։ Սպասում ենք Ձեզ։',
    booking_rescheduled: 'Ձեր ամրագրումը տեղափոխվել է նոր ժամի։',
    booking_cancelled: 'Ձեր ամրագրումը չեղարկվել է։ Ուրախ կլինենք տեսնել Ձեզ այլ անգամ։',
    reminder: 'Հիշեցնում ենք Ձեր այցի մասին։',
    no_show_followup: 'Ափսոս, որ չհանդիպեցինք {time}-ին։ Եթե հարմար է, ընտրեք նոր ժամ մեկ սեղմումով՝',
    feedback_request: 'Շնորհակալություն, որ այցելեցիք մեզ։ Ինչպե՞ս էր ամեն ինչ։ Պարզապես պատասխանեք այս նամակին՝ մենք կարդում ենք յուրաքանչյուր պատասխան։',
    staff_new_booking: 'Նոր առցանց ամրագրում։',
    staff_rescheduled: 'Հաճախորդը տեղափոխել է ամրագրումը։',
    staff_cancelled: 'Հաճախորդը չեղարկել է ամրագրումը։',
    staff_handoff: 'Այցելուն ցանկանում է խոսել աշխատակցի հետ։ Խնդրում ենք պատասխանել մինչև {replyBy}։',
  },
  reminderAsk: 'Խնդրում ենք հաստատել, որ կգաք, կամ ընտրել այլ ժամ։',
  reconfirm: {
    subject: 'Խնդրում ենք հաստատել, որ կգաք ժամը {time}-ին՝ {service}',
    lead: 'Խնդրում ենք հաստատել, որ կգաք ժամը {time}-ին։ Եթե ծրագրերը փոխվել են, տեղափոխեք կամ չեղարկեք գրանցումը, որպեսզի այդ ժամը մեկ ուրիշը զբաղեցնի։',
  },
  label: {
    service: 'Ծառայություն',
    staff: 'Մասնագետ',
    when: 'Երբ',
    where: 'Որտեղ',
    phone: 'Հեռախոս',
    bring: 'Ինչ վերցնել Ձեզ հետ',
    price: 'Գին',
    client: 'Հաճախորդ',
    contact: 'Կոնտակտ',
    note: 'Մեկնաբանություն',
    reason: 'Պատճառ',
    message: 'Հաղորդագրություն',
    summary: 'Ամփոփում',
    replyBy: 'Պատասխանել մինչև',
    was: 'Նախկինում',
  },
  button: {
    confirm: 'Հաստատում եմ, կգամ',
    reschedule: 'Տեղափոխել',
    manage: 'Տեղափոխել կամ չեղարկել',
    calendar: 'Ավելացնել օրացույցում',
    rebook: 'Կրկին գրանցվել',
    cancel: 'Չեղարկել ամրագրումը',
    telegram: 'Ստանալ հիշեցումները Telegram-ում',
  },
  cancellationRule: 'Ամրագրումը կարող եք չեղարկել կամ տեղափոխել առցանց մինչև {deadline}։ Դրանից հետո զանգահարեք {phone} համարով։',
  cancellationRuleNoPhone: 'Ամրագրումը կարող եք չեղարկել կամ տեղափոխել առցանց մինչև {deadline}։',
  footer: 'Դուք ստացել եք այս նամակը, քանի որ գրանցվել եք առցանց։',
};

export const STRINGS: Record<Lang, Strings> = { en, ru, hy };

