/** Texts of the visitor pages (manage, confirm, rebook) and their error pages, in ICU MessageFormat (domain/messages/icu.ts). */
import type { Lang } from '@frontdesk/shared';
import { ruUntil } from '../domain/messages/icu.js';

export interface PageStrings {
  yourBooking: string;
  service: string;
  staff: string;
  when: string;
  where: string;
  price: string;
  status: string;
  statuses: Record<'confirmed' | 'cancelled' | 'attended' | 'no_show' | 'held', string>;
  visitorConfirmed: string;
  addToCalendar: string;
  reschedule: string;
  pickTime: string;
  noTimes: string;
  moveHere: string;
  cancel: string;
  cancelConfirm: string;
  changesUntil: string;
  changesClosed: string;
  changesClosedCall: string;
  done: Record<'rescheduled' | 'cancelled' | 'booked' | 'rebookUsed', string>;
  confirmTitle: string;
  confirmAsk: string;
  confirmButton: string;
  confirmDone: string;
  rebookTitle: string;
  rebookAsk: string;
  book: string;
  manageLink: string;
  moveAsk: string;
  moveYes: string;
  pickAnother: string;
  cancelAsk: string;
  keep: string;
  eraseTitle: string;
  eraseAsk: string;
  eraseConfirm: string;
  erased: string;
  bookAgain: string;
  bookAgainNote: string;
  language: string;
  errors: Record<'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'BOOKING_NOT_FOUND' | 'BOOKING_NOT_ACTIVE' | 'BOOKING_CHANGED' | 'CANCELLATION_WINDOW_PASSED' | 'SLOT_TAKEN' | 'CLOSED' | 'OUTSIDE_HOURS' | 'INVALID_INPUT' | 'INTERNAL' | 'UNAVAILABLE', [string, string]>;
}

const en: PageStrings = {
  yourBooking: 'Your booking',
  service: 'Service',
  staff: 'Specialist',
  when: 'When',
  where: 'Where',
  price: 'Price',
  status: 'Status',
  statuses: { confirmed: 'Confirmed', cancelled: 'Cancelled', attended: 'Visited', no_show: 'Missed', held: 'Pending' },
  visitorConfirmed: "You confirmed you're coming.",
  addToCalendar: 'Add to calendar',
  reschedule: 'Move to another time',
  pickTime: 'Pick a day, then a time:',
  noTimes: 'No free times on this day. Try another day.',
  moveHere: 'Move here',
  cancel: 'Cancel booking',
  cancelConfirm: 'Yes, cancel my booking',
  changesUntil: 'You can reschedule or cancel online until {deadline}.',
  changesClosed: 'Online changes were possible until {deadline}.',
  changesClosedCall: 'Online changes were possible until {deadline}. To change it now, please call {phone}.',
  done: { rescheduled: 'Done: your booking has been moved.', cancelled: 'Done: your booking has been cancelled.', booked: 'Done: you are booked.', rebookUsed: 'This link has already booked your visit — here it is.' },
  confirmTitle: 'Confirm your visit',
  confirmAsk: 'Press the button to let us know you are coming.',
  confirmButton: "I'll be there",
  confirmDone: 'Thank you! We have noted that you are coming.',
  rebookTitle: 'Book again',
  rebookAsk: 'Pick a time for {service}:',
  book: 'Book',
  manageLink: 'Reschedule or cancel',
  moveAsk: 'Move your booking to {when}?',
  moveYes: 'Yes, move it',
  pickAnother: 'Choose another time',
  cancelAsk: 'Cancel this booking? The time will be offered to other clients.',
  keep: 'No, keep it',
  eraseTitle: 'Delete my data',
  eraseAsk: 'Delete everything we keep about you? Your future bookings are cancelled and your contact details and chats are deleted. This cannot be undone.',
  eraseConfirm: 'Yes, delete my data',
  erased: 'Your data has been deleted. This link no longer opens anything.',
  bookAgain: 'Book again',
  bookAgainNote: 'This booking is cancelled. You can book the same service for another time.',
  language: 'Language',
  errors: {
    TOKEN_INVALID: ['This link is not valid', 'Please check that you opened the whole link from the message, or ask the business for a new one.'],
    TOKEN_EXPIRED: ['This link has expired', 'The appointment it was for is over. To book again, use the chat on the business’s website.'],
    BOOKING_NOT_FOUND: ['Booking not found', 'This booking no longer exists.'],
    BOOKING_NOT_ACTIVE: ['This booking can no longer be changed', 'It has been cancelled or the visit has already taken place.'],
    BOOKING_CHANGED: ['This booking was just changed', 'It was moved or cancelled a moment ago (perhaps in another window). Open it again to see it as it is now.'],
    CANCELLATION_WINDOW_PASSED: ['Too late to change online', 'Online changes close shortly before the appointment. Please call the business.'],
    SLOT_TAKEN: ['That time was just taken', 'Please pick another time.'],
    CLOSED: ['Closed on that day', 'The business is closed on that day. Please pick another day.'],
    OUTSIDE_HOURS: ['Outside opening hours', 'The business is not open at that time. Please pick one of the offered times.'],
    INVALID_INPUT: ['Pick a time from the list', 'That time could not be read, or it is outside the days the business takes bookings for. Please pick one of the offered times.'],
    INTERNAL: ['Something went wrong', 'Please try again in a minute.'],
    UNAVAILABLE: ['Briefly unavailable', 'Nothing is lost: your booking is as it was. Please try again in a minute.'],
  },
};

const ru: PageStrings = {
  yourBooking: 'Ваша запись',
  service: 'Услуга',
  staff: 'Специалист',
  when: 'Когда',
  where: 'Где',
  price: 'Цена',
  status: 'Статус',
  statuses: { confirmed: 'Подтверждена', cancelled: 'Отменена', attended: 'Визит состоялся', no_show: 'Пропущена', held: 'Ожидает' },
  visitorConfirmed: 'Вы подтвердили, что придёте.',
  addToCalendar: 'Добавить в календарь',
  reschedule: 'Перенести на другое время',
  pickTime: 'Выберите день, затем время:',
  noTimes: 'В этот день свободного времени нет. Выберите другой день.',
  moveHere: 'Перенести сюда',
  cancel: 'Отменить запись',
  cancelConfirm: 'Да, отменить запись',
  changesUntil: `Перенести или отменить запись онлайн можно ${ruUntil('deadline')}.`,
  changesClosed: `Изменить запись онлайн можно было ${ruUntil('deadline')}.`,
  changesClosedCall: `Изменить запись онлайн можно было ${ruUntil('deadline')}. Сейчас — только по телефону {phone}.`,
  done: { rescheduled: 'Готово: запись перенесена.', cancelled: 'Готово: запись отменена.', booked: 'Готово: вы записаны.', rebookUsed: 'По этой ссылке вы уже записались — вот ваша запись.' },
  confirmTitle: 'Подтвердите визит',
  confirmAsk: 'Нажмите кнопку, чтобы подтвердить, что придёте.',
  confirmButton: 'Подтверждаю, приду',
  confirmDone: 'Спасибо! Мы отметили, что вы придёте.',
  rebookTitle: 'Записаться снова',
  rebookAsk: 'Выберите время: {service}',
  book: 'Записаться',
  manageLink: 'Перенести или отменить',
  moveAsk: 'Перенести запись на {when}?',
  moveYes: 'Да, перенести',
  pickAnother: 'Выбрать другое время',
  cancelAsk: 'Отменить эту запись? Время станет доступно другим клиентам.',
  keep: 'Нет, оставить',
  eraseTitle: 'Удалить мои данные',
  eraseAsk: 'Удалить всё, что мы о вас храним? Будущие записи будут отменены, контакты и переписка удалены. Отменить это нельзя.',
  eraseConfirm: 'Да, удалить мои данные',
  erased: 'Ваши данные удалены. Эта ссылка больше ничего не открывает.',
  bookAgain: 'Записаться снова',
  bookAgainNote: 'Эта запись отменена. Можно записаться на ту же услугу в другое время.',
  language: 'Язык',
  errors: {
    TOKEN_INVALID: ['Ссылка недействительна', 'Проверьте, что ссылка открыта целиком, или попросите новую ссылку у салона.'],
    TOKEN_EXPIRED: ['Срок действия ссылки истёк', 'Визит, к которому она относилась, уже прошёл. Записаться снова можно в чате на сайте.'],
    BOOKING_NOT_FOUND: ['Запись не найдена', 'Этой записи больше нет.'],
    BOOKING_NOT_ACTIVE: ['Запись больше нельзя изменить', 'Она отменена или визит уже состоялся.'],
    BOOKING_CHANGED: ['Запись только что изменили', 'Её перенесли или отменили минуту назад (возможно, в другом окне). Откройте её снова, чтобы увидеть, как она выглядит сейчас.'],
    CANCELLATION_WINDOW_PASSED: ['Изменить онлайн уже нельзя', 'Онлайн-изменения закрываются незадолго до визита. Пожалуйста, позвоните нам.'],
    SLOT_TAKEN: ['Это время только что заняли', 'Пожалуйста, выберите другое время.'],
    CLOSED: ['В этот день мы закрыты', 'В этот день мы не работаем. Пожалуйста, выберите другой день.'],
    OUTSIDE_HOURS: ['Это время вне часов работы', 'В это время мы не работаем. Пожалуйста, выберите одно из предложенных времён.'],
    INVALID_INPUT: ['Выберите время из списка', 'Это время не удалось прочитать, или на этот день запись не ведётся. Пожалуйста, выберите одно из предложенных.'],
    INTERNAL: ['Что-то пошло не так', 'Попробуйте ещё раз через минуту.'],
    UNAVAILABLE: ['Сервис ненадолго недоступен', 'Ничего не потеряно: ваша запись в порядке. Попробуйте ещё раз через минуту.'],
  },
};

const hy: PageStrings = {
  yourBooking: 'Ձեր ամրագրումը',
  service: 'Ծառայություն',
  staff: 'Մասնագետ',
  when: 'Երբ',
  where: 'Որտեղ',
  price: 'Գին',
  status: 'Կարգավիճակ',
  statuses: { confirmed: 'Հաստատված', cancelled: 'Չեղարկված', attended: 'Այցը կայացել է', no_show: 'Բաց թողնված', held: 'Սպասման մեջ' },
  visitorConfirmed: 'Դուք հաստատել եք, որ կգաք։',
  addToCalendar: 'Ավելացնել օրացույցում',
  reschedule: 'Տեղափոխել այլ ժամի',
  pickTime: 'Ընտրեք օրը, ապա ժամը՝',
  noTimes: 'Այս օրը ազատ ժամեր չկան։ Ընտրեք այլ օր։',
  moveHere: 'Տեղափոխել այս ժամին',
  cancel: 'Չեղարկել ամրագրումը',
  cancelConfirm: 'Այո, չեղարկել ամրագրումը',
  changesUntil: 'Ամրագրումը կարող եք տեղափոխել կամ չեղարկել առցանց մինչև {deadline}։',
  changesClosed: 'Առցանց փոփոխությունները հնարավոր էին մինչև {deadline}։',
  changesClosedCall: 'Առցանց փոփոխությունները հնարավոր էին մինչև {deadline}։ Այժմ զանգահարեք {phone} համարով։',
  done: { rescheduled: 'Պատրաստ է․ ամրագրումը տեղափոխվել է։', cancelled: 'Պատրաստ է․ ամրագրումը չեղարկվել է։', booked: 'Պատրաստ է․ Դուք գրանցված եք։', rebookUsed: 'Այս հղումով Դուք արդեն գրանցվել եք․ ահա Ձեր ամրագրումը։' },
  confirmTitle: 'Հաստատեք Ձեր այցը',
  confirmAsk: 'Սեղմեք կոճակը՝ հաստատելու, որ կգաք։',
  confirmButton: 'Հաստատում եմ, կգամ',
  confirmDone: 'Շնորհակալություն։ Նշեցինք, որ կգաք։',
  rebookTitle: 'Կրկին գրանցվել',
  rebookAsk: 'Ընտրեք ժամը՝ {service}',
  book: 'Գրանցվել',
  manageLink: 'Տեղափոխել կամ չեղարկել',
  moveAsk: 'Տեղափոխե՞լ ամրագրումը {when}։',
  moveYes: 'Այո, տեղափոխել',
  pickAnother: 'Ընտրել այլ ժամ',
  cancelAsk: 'Չեղարկե՞լ այս ամրագրումը։ Ժամը հասանելի կդառնա այլ հաճախորդների համար։',
  keep: 'Ոչ, թողնել',
  eraseTitle: 'Ջնջել իմ տվյալները',
  eraseAsk: 'Ջնջե՞լ ձեր մասին մեր պահած ամեն ինչը։ Ապագա ամրագրումները կչեղարկվեն, կոնտակտները և նամակագրությունը կջնջվեն։ Սա հնարավոր չէ հետարկել։',
  eraseConfirm: 'Այո, ջնջել իմ տվյալները',
  erased: 'Ձեր տվյալները ջնջված են։ Այս հղումն այլևս ոչինչ չի բացում։',
  bookAgain: 'Կրկին գրանցվել',
  bookAgainNote: 'Այս ամրագրումը չեղարկված է։ Կարող եք գրանցվել նույն ծառայությանը այլ ժամի։',
  language: 'Լեզու',
  errors: {
    TOKEN_INVALID: ['Հղումն անվավեր է', 'Ստուգեք, որ բացել եք հաղորդագրության ամբողջական հղումը, կամ խնդրեք նոր հղում։'],
    TOKEN_EXPIRED: ['Հղման ժամկետն անցել է', 'Այցը, որին այն վերաբերում էր, արդեն անցել է։ Կրկին գրանցվելու համար օգտվեք կայքի չատից։'],
    BOOKING_NOT_FOUND: ['Ամրագրումը չի գտնվել', 'Այս ամրագրումն այլևս գոյություն չունի։'],
    BOOKING_NOT_ACTIVE: ['Ամրագրումն այլևս հնարավոր չէ փոխել', 'Այն չեղարկվել է, կամ այցն արդեն կայացել է։'],
    BOOKING_CHANGED: ['Ամրագրումը հենց նոր փոխվել է', 'Այն տեղափոխվել կամ չեղարկվել է մի պահ առաջ (գուցե մեկ այլ պատուհանում)։ Բացեք այն նորից՝ տեսնելու, թե ինչպես է այն հիմա։'],
    CANCELLATION_WINDOW_PASSED: ['Առցանց փոփոխելն այլևս հնարավոր չէ', 'Առցանց փոփոխությունները փակվում են այցից քիչ առաջ։ Խնդրում ենք զանգահարել։'],
    SLOT_TAKEN: ['Այդ ժամն արդեն զբաղված է', 'Խնդրում ենք ընտրել այլ ժամ։'],
    CLOSED: ['Այդ օրը փակ ենք', 'Այդ օրը մենք չենք աշխատում։ Խնդրում ենք ընտրել այլ օր։'],
    OUTSIDE_HOURS: ['Այդ ժամը աշխատանքային ժամերից դուրս է', 'Այդ ժամին մենք չենք աշխատում։ Խնդրում ենք ընտրել առաջարկված ժամերից մեկը։'],
    INVALID_INPUT: ['Ընտրեք ժամը ցանկից', 'Այդ ժամը հնարավոր չէ կարդալ, կամ այդ օրը գրանցում չի կատարվում։ Խնդրում ենք ընտրել առաջարկված ժամերից մեկը։'],
    INTERNAL: ['Ինչ-որ բան այնպես չգնաց', 'Փորձեք կրկին մեկ րոպեից։'],
    UNAVAILABLE: ['Ծառայությունը կարճ ժամանակով անհասանելի է', 'Ոչինչ չի կորել, ձեր ամրագրումը պահպանված է։ Փորձեք կրկին մեկ րոպեից։'],
  },
};

export const PAGE_STRINGS: Record<Lang, PageStrings> = { en, ru, hy };
