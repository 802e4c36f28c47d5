/**
 * The words of the CSV exports (column headings and the values people read: statuses, channels,
 * intents…) in the owner's language. Ids that have no word here are written as they are.
 */
import type { Lang } from '@frontdesk/shared';

export type BookingColumn =
  | 'date' | 'start' | 'end' | 'service' | 'staff' | 'client' | 'phone' | 'email' | 'status' | 'channel' | 'price' | 'currency' | 'note' | 'cancelReason' | 'createdAt' | 'id';
export type LeadColumn = 'createdAt' | 'name' | 'phone' | 'email' | 'channel' | 'intent' | 'temperature' | 'score' | 'outcome' | 'lang' | 'source' | 'id' | 'conversationId';
export type CustomerColumn = 'createdAt' | 'name' | 'phone' | 'email' | 'lang' | 'bookings' | 'id';

export interface ExportWords {
  bookings: Record<BookingColumn, string>;
  leads: Record<LeadColumn, string>;
  customers: Record<CustomerColumn, string>;
  fileName: { bookings: string; leads: string; customers: string };
  values: Record<string, string>;
}

export const EXPORT_WORDS: Record<Lang, ExportWords> = {
  en: {
    bookings: {
      date: 'Date', start: 'Start', end: 'End', service: 'Service', staff: 'Staff', client: 'Client', phone: 'Phone', email: 'E-mail',
      status: 'Status', channel: 'Channel', price: 'Price', currency: 'Currency', note: 'Note', cancelReason: 'Cancellation reason', createdAt: 'Booked at', id: 'Booking ID',
    },
    leads: {
      createdAt: 'Date', name: 'Name', phone: 'Phone', email: 'E-mail', channel: 'Channel', intent: 'Asked about', temperature: 'Temperature', score: 'Score',
      outcome: 'Outcome', lang: 'Language', source: 'Page', id: 'Lead ID', conversationId: 'Conversation ID',
    },
    customers: { createdAt: 'First seen', name: 'Name', phone: 'Phone', email: 'E-mail', lang: 'Language', bookings: 'Bookings', id: 'Client ID' },
    fileName: { bookings: 'bookings', leads: 'leads', customers: 'clients' },
    values: {
      confirmed: 'Confirmed', cancelled: 'Cancelled', attended: 'Came', no_show: 'No-show',
      widget: 'Widget', phone: 'Phone', console: 'Console', api: 'API (CRM)', telegram: 'Telegram', whatsapp: 'WhatsApp', sms: 'SMS',
      prices: 'Prices', book: 'Booking', human: 'Talk to a person', my_booking: 'My booking', other: 'Other', quote: 'Quote',
      hot: 'Hot', warm: 'Warm', cold: 'Cold',
      booked: 'Booked', handed_off: 'Handed to a person', lost: 'Lost', not_interested: 'Not interested',
      ru: 'Russian', hy: 'Armenian', en: 'English',
    },
  },
  ru: {
    bookings: {
      date: 'Дата', start: 'Начало', end: 'Конец', service: 'Услуга', staff: 'Мастер', client: 'Клиент', phone: 'Телефон', email: 'E-mail',
      status: 'Статус', channel: 'Канал', price: 'Цена', currency: 'Валюта', note: 'Комментарий', cancelReason: 'Причина отмены', createdAt: 'Когда записан', id: 'ID записи',
    },
    leads: {
      createdAt: 'Дата', name: 'Имя', phone: 'Телефон', email: 'E-mail', channel: 'Канал', intent: 'Интерес', temperature: 'Теплота', score: 'Баллы',
      outcome: 'Итог', lang: 'Язык', source: 'Страница', id: 'ID заявки', conversationId: 'ID диалога',
    },
    customers: { createdAt: 'Впервые', name: 'Имя', phone: 'Телефон', email: 'E-mail', lang: 'Язык', bookings: 'Записей', id: 'ID клиента' },
    fileName: { bookings: 'zapisi', leads: 'zayavki', customers: 'klienty' },
    values: {
      confirmed: 'Подтверждена', cancelled: 'Отменена', attended: 'Пришёл', no_show: 'Не пришёл',
      widget: 'Виджет', phone: 'Телефон', console: 'Консоль', api: 'API (CRM)', telegram: 'Telegram', whatsapp: 'WhatsApp', sms: 'SMS',
      prices: 'Цены', book: 'Запись', human: 'Связь с человеком', my_booking: 'Моя запись', other: 'Другое', quote: 'Расчёт цены',
      hot: 'Горячий', warm: 'Тёплый', cold: 'Холодный',
      booked: 'Записался', handed_off: 'Передан человеку', lost: 'Потерян', not_interested: 'Не заинтересован',
      ru: 'Русский', hy: 'Армянский', en: 'Английский',
    },
  },
  hy: {
    bookings: {
      date: 'Ամսաթիվ', start: 'Սկիզբ', end: 'Ավարտ', service: 'Ծառայություն', staff: 'Վարպետ', client: 'Հաճախորդ', phone: 'Հեռախոս', email: 'Էլ. փոստ',
      status: 'Կարգավիճակ', channel: 'Ալիք', price: 'Գին', currency: 'Արժույթ', note: 'Մեկնաբանություն', cancelReason: 'Չեղարկման պատճառ', createdAt: 'Երբ է գրանցվել', id: 'Գրանցման ID',
    },
    leads: {
      createdAt: 'Ամսաթիվ', name: 'Անուն', phone: 'Հեռախոս', email: 'Էլ. փոստ', channel: 'Ալիք', intent: 'Հետաքրքրություն', temperature: 'Ջերմություն', score: 'Միավոր',
      outcome: 'Արդյունք', lang: 'Լեզու', source: 'Էջ', id: 'Հայտի ID', conversationId: 'Զրույցի ID',
    },
    customers: { createdAt: 'Առաջին անգամ', name: 'Անուն', phone: 'Հեռախոս', email: 'Էլ. փոստ', lang: 'Լեզու', bookings: 'Գրանցումներ', id: 'Հաճախորդի ID' },
    fileName: { bookings: 'grancumner', leads: 'hayter', customers: 'hachakhordner' },
    values: {
      confirmed: 'Հաստատված', cancelled: 'Չեղարկված', attended: 'Եկավ', no_show: 'Չեկավ',
      widget: 'Վիջեթ', phone: 'Հեռախոս', console: 'Վահանակ', api: 'API (CRM)', telegram: 'Telegram', whatsapp: 'WhatsApp', sms: 'SMS',
      prices: 'Գներ', book: 'Գրանցում', human: 'Կապ մարդու հետ', my_booking: 'Իմ գրանցումը', other: 'Այլ', quote: 'Գնի հաշվարկ',
      hot: 'Տաք', warm: 'Գոլ', cold: 'Սառը',
      booked: 'Գրանցվեց', handed_off: 'Փոխանցվեց մարդու', lost: 'Կորած', not_interested: 'Չհետաքրքրվեց',
      ru: 'Ռուսերեն', hy: 'Հայերեն', en: 'Անգլերեն',
    },
  },
};

/** The word for an id (a status, a channel…), or the id itself. */
export const wordOf = (lang: Lang, id: string | null | undefined): string | null => (id ? (EXPORT_WORDS[lang].values[id] ?? id) : null);
