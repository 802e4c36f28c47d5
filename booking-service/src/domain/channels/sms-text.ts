/**
 * Booking messages short enough for a text message (issue 16), in ru, hy and en: one SMS segment
 * where possible — 160 GSM-7 characters, or 70 when any character needs UCS-2 (Cyrillic,
 * Armenian) — with a short link to the manage page. What was agreed is kept (issue 11): a
 * booking's price and the options chosen for it are in the text of a confirmation, a move and a
 * reminder. When the full text does not fit one SMS, the options go first, then the service name,
 * then the price, then the words around the link, then the business name is shortened (at a word
 * boundary): the time and the link always stay (the manage page behind the link shows the price
 * with its options). Messengers have room and get everything.
 */
import type { Lang } from '../messages/types.js';
import { instantWords } from '../conversation/words/format.js';

/** `reconfirm`: the last reminder to a client who has not confirmed yet, asked as a request (domain/booking/reconfirm.ts). */
export type SmsMessageKind = 'booking_confirmed' | 'booking_rescheduled' | 'booking_cancelled' | 'reminder' | 'reconfirm' | 'no_show_followup';

export interface SmsFacts {
  businessName: string;
  serviceName: string;
  start: number;
  timeZone: string;
  /** The short manage (or rebook) link. */
  link: string;
  /** The agreed price with its options ("7 350 ₽ (Hair coloring: …)") and the amount alone; absent on old bookings. */
  price?: { full: string; amount: string } | null | undefined;
}

type Parts = { biz: string; svc: string; when: string; price: string; link: string };
type Template = (p: Parts) => string;

/**
 * A reminder the client can answer (the provider has a real number with an inbound webhook):
 * "reply 1 / 2" (services/channels/sms-inbound.ts). When it does not fit one segment with the
 * link, the link goes — a "2" brings it — but the time and the two digits stay.
 */
const REPLY_REMINDER: Record<Lang, Template> = {
  en: (p) => `${p.biz}: see you${p.svc} ${p.when}${p.price}. Reply 1 to confirm, 2 to reschedule${p.link ? ` ${p.link}` : ''}`,
  ru: (p) => `${p.biz}: ждём вас${p.svc} ${p.when}${p.price}. 1 — приду, 2 — перенести${p.link ? ` ${p.link}` : ''}`,
  hy: (p) => `${p.biz}. սպասում ենք${p.svc} ${p.when}${p.price}։ 1՝ գալիս եմ, 2՝ տեղափոխել${p.link ? ` ${p.link}` : ''}`,
};

const T: Record<Lang, Record<SmsMessageKind, Template>> = {
  en: {
    booking_confirmed: (p) => `${p.biz}: booked${p.svc}, ${p.when}${p.price}. Change: ${p.link}`,
    booking_rescheduled: (p) => `${p.biz}: moved${p.svc} to ${p.when}${p.price}. Change: ${p.link}`,
    booking_cancelled: (p) => `${p.biz}: cancelled${p.svc}, ${p.when}. Book again: ${p.link}`,
    reminder: (p) => `${p.biz}: see you${p.svc} ${p.when}${p.price}. Confirm or change: ${p.link}`,
    reconfirm: (p) => `${p.biz}: please confirm you're coming${p.svc} ${p.when}${p.price}. Confirm, reschedule or cancel: ${p.link}`,
    no_show_followup: (p) => `${p.biz}: we missed you${p.svc} ${p.when}. Book again: ${p.link}`,
  },
  ru: {
    booking_confirmed: (p) => `${p.biz}: запись${p.svc}, ${p.when}${p.price}. Изменить: ${p.link}`,
    booking_rescheduled: (p) => `${p.biz}: перенесли${p.svc} на ${p.when}${p.price}. Изменить: ${p.link}`,
    booking_cancelled: (p) => `${p.biz}: отменено${p.svc}, ${p.when}. Записаться: ${p.link}`,
    reminder: (p) => `${p.biz}: ждём вас${p.svc} ${p.when}${p.price}. Подтвердить: ${p.link}`,
    reconfirm: (p) => `${p.biz}: подтвердите, что придёте${p.svc} ${p.when}${p.price}. Подтвердить, перенести, отменить: ${p.link}`,
    no_show_followup: (p) => `${p.biz}: вы не пришли${p.svc} ${p.when}. Записаться: ${p.link}`,
  },
  hy: {
    booking_confirmed: (p) => `${p.biz}. գրանցում${p.svc}, ${p.when}${p.price}։ Փոխել՝ ${p.link}`,
    booking_rescheduled: (p) => `${p.biz}. տեղափոխվեց${p.svc}՝ ${p.when}${p.price}։ Փոխել՝ ${p.link}`,
    booking_cancelled: (p) => `${p.biz}. չեղարկվեց${p.svc}, ${p.when}։ Գրանցվել՝ ${p.link}`,
    reminder: (p) => `${p.biz}. սպասում ենք${p.svc} ${p.when}${p.price}։ Հաստատել՝ ${p.link}`,
    reconfirm: (p) => `${p.biz}. հաստատեք, որ կգաք${p.svc} ${p.when}${p.price}։ Հաստատել, տեղափոխել, չեղարկել՝ ${p.link}`,
    no_show_followup: (p) => `${p.biz}. կարոտեցինք${p.svc} ${p.when}։ Գրանցվել՝ ${p.link}`,
  },
};

/**
 * The last resort of a long Cyrillic/Armenian text: one word for what happened, the time, the link
 * (the page behind it says the rest). Still readable: a link with no label beside a booking's time
 * is the booking.
 */
const MINIMAL: Record<Lang, Record<SmsMessageKind, string>> = {
  en: { booking_confirmed: 'booked', booking_rescheduled: 'moved to', booking_cancelled: 'cancelled', reminder: 'see you', reconfirm: 'please confirm', no_show_followup: 'missed' },
  ru: { booking_confirmed: 'запись', booking_rescheduled: 'перенос на', booking_cancelled: 'отмена', reminder: 'ждём вас', reconfirm: 'подтвердите', no_show_followup: 'не пришли' },
  hy: { booking_confirmed: 'գրանցում', booking_rescheduled: 'տեղափոխում', booking_cancelled: 'չեղարկում', reminder: 'սպասում ենք', reconfirm: 'հաստատեք', no_show_followup: 'չեկաք' },
};

const OPENING = /[«"“„‘'([]/;

/**
 * The business name cut to `max` characters at a word boundary, never leaving half a word or an
 * opening quote without its closing one ("Салон красоты «Лотос»" → "Салон красоты", not
 * "Салон красоты «Л"). A single long word is cut as it is.
 */
export function shortName(name: string, max: number): string {
  const n = name.trim();
  if (n.length <= max) return n;
  let cut = n.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  cut = space > 0 ? cut.slice(0, space) : n.slice(0, max);
  // An opening quote or bracket whose closing one was cut off goes, with what follows it.
  const open = [...cut].findLastIndex((ch) => OPENING.test(ch));
  if (open >= 0 && !/[»"”“’')\]]/.test(cut.slice(open + 1))) cut = cut.slice(0, open);
  cut = cut.replace(/[\s,.;:—–-]+$/u, '');
  return cut || n.slice(0, max);
}

// GSM 03.38 basic set (+ the extension table, which costs two septets each).
const GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXT = '^{}\\[~]|€';

export interface Segments {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsSegments(text: string): Segments {
  let septets = 0;
  for (const ch of text) {
    if (GSM.includes(ch)) septets += 1;
    else if (GSM_EXT.includes(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'gsm7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/** Intl puts narrow no-break spaces in "10:00 AM" and Cyrillic month names: plain spaces keep GSM-7 where the language allows. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function when(f: SmsFacts, lang: Lang): string {
  const w = instantWords(f.start, f.timeZone, lang);
  return plain(`${w.date}, ${w.time}`);
}

/**
 * The text, as short as needed to fit one segment (when it can); `oneSegment: false` for
 * messengers, which have room; `replies: true` when the client can answer the SMS (a reminder
 * then asks for "1" or "2").
 */
export function smsText(kind: SmsMessageKind, f: SmsFacts, lang: Lang, opts: { oneSegment?: boolean; replies?: boolean } = {}): string {
  if (kind === 'reminder' && opts.replies && opts.oneSegment !== false) return replyReminder(f, lang);
  const t = T[lang][kind];
  const base = { when: when(f, lang), link: f.link };
  const full = f.price ? `, ${f.price.full}` : '';
  const amount = f.price ? `, ${f.price.amount}` : '';
  const svc = ` ${f.serviceName}`;
  const minimal = (biz: string) => `${biz}: ${MINIMAL[lang][kind]} ${base.when} ${f.link}`;
  const short = shortName(f.businessName, 16);
  const tries = [
    t({ ...base, biz: f.businessName, svc, price: full }),
    t({ ...base, biz: f.businessName, svc, price: amount }),
    t({ ...base, biz: f.businessName, svc: '', price: amount }),
    t({ ...base, biz: f.businessName, svc: '', price: '' }),
    minimal(f.businessName),
    t({ ...base, biz: short, svc: '', price: '' }),
    minimal(short),
  ].map(plain);
  if (opts.oneSegment === false) return tries[0]!;
  // Nothing fits one segment (a long name, a long link): the fullest text of the fewest segments.
  const fewest = Math.min(...tries.map((x) => smsSegments(x).segments));
  return tries.find((x) => smsSegments(x).segments === fewest)!;
}

function replyReminder(f: SmsFacts, lang: Lang): string {
  const t = REPLY_REMINDER[lang];
  const w = when(f, lang);
  const amount = f.price ? `, ${f.price.amount}` : '';
  const shapes = (link: string) => [
    t({ when: w, link, biz: f.businessName, svc: ` ${f.serviceName}`, price: amount }),
    t({ when: w, link, biz: f.businessName, svc: '', price: amount }),
    t({ when: w, link, biz: f.businessName, svc: '', price: '' }),
    t({ when: w, link, biz: shortName(f.businessName, 16), svc: '', price: '' }),
  ].map(plain);
  const withLink = shapes(f.link);
  return [...withLink, ...shapes('')].find((x) => smsSegments(x).segments === 1) ?? withLink.at(-1)!;
}
