/**
 * Booking messages short enough for a text message (issue 16), in ru, hy and en: one SMS segment
 * where possible — 160 GSM-7 characters, or 70 when any character needs UCS-2 (Cyrillic,
 * Armenian) — with a short link to the manage page. When the full text does not fit, the
 * service name goes first, then the business name: the time and the link always stay.
 */
import type { Lang } from '../messages/types.js';
import { instantWords } from '../conversation/words/format.js';

export type SmsMessageKind = 'booking_confirmed' | 'booking_rescheduled' | 'booking_cancelled' | 'reminder' | 'no_show_followup';

export interface SmsFacts {
  businessName: string;
  serviceName: string;
  start: number;
  timeZone: string;
  /** The short manage (or rebook) link. */
  link: string;
}

type Parts = { biz: string; svc: string; when: string; link: string };
type Template = (p: Parts) => string;

const T: Record<Lang, Record<SmsMessageKind, Template>> = {
  en: {
    booking_confirmed: (p) => `${p.biz}: booked${p.svc}, ${p.when}. Change: ${p.link}`,
    booking_rescheduled: (p) => `${p.biz}: moved${p.svc} to ${p.when}. Change: ${p.link}`,
    booking_cancelled: (p) => `${p.biz}: cancelled${p.svc}, ${p.when}. Book again: ${p.link}`,
    reminder: (p) => `${p.biz}: see you${p.svc} ${p.when}. Confirm or change: ${p.link}`,
    no_show_followup: (p) => `${p.biz}: we missed you${p.svc} ${p.when}. Book again: ${p.link}`,
  },
  ru: {
    booking_confirmed: (p) => `${p.biz}: запись${p.svc}, ${p.when}. Изменить: ${p.link}`,
    booking_rescheduled: (p) => `${p.biz}: перенесли${p.svc} на ${p.when}. Изменить: ${p.link}`,
    booking_cancelled: (p) => `${p.biz}: отменено${p.svc}, ${p.when}. Записаться: ${p.link}`,
    reminder: (p) => `${p.biz}: ждём вас${p.svc} ${p.when}. Подтвердить: ${p.link}`,
    no_show_followup: (p) => `${p.biz}: вы не пришли${p.svc} ${p.when}. Записаться: ${p.link}`,
  },
  hy: {
    booking_confirmed: (p) => `${p.biz}. գրանցում${p.svc}, ${p.when}։ Փոխել՝ ${p.link}`,
    booking_rescheduled: (p) => `${p.biz}. տեղափոխվեց${p.svc}՝ ${p.when}։ Փոխել՝ ${p.link}`,
    booking_cancelled: (p) => `${p.biz}. չեղարկվեց${p.svc}, ${p.when}։ Գրանցվել՝ ${p.link}`,
    reminder: (p) => `${p.biz}. սպասում ենք${p.svc} ${p.when}։ Հաստատել՝ ${p.link}`,
    no_show_followup: (p) => `${p.biz}. կարոտեցինք${p.svc} ${p.when}։ Գրանցվել՝ ${p.link}`,
  },
};

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

/** The text, as short as needed to fit one segment (when it can); `oneSegment: false` for messengers, which have room. */
export function smsText(kind: SmsMessageKind, f: SmsFacts, lang: Lang, opts: { oneSegment?: boolean } = {}): string {
  const t = T[lang][kind];
  const base = { when: when(f, lang), link: f.link };
  const tries = [
    t({ ...base, biz: f.businessName, svc: ` ${f.serviceName}` }),
    t({ ...base, biz: f.businessName, svc: '' }),
    t({ ...base, biz: f.businessName.slice(0, 16), svc: '' }),
  ].map(plain);
  if (opts.oneSegment === false) return tries[0]!;
  return tries.find((x) => smsSegments(x).segments === 1) ?? tries.at(-1)!;
}
