/**
 * A follow-up as a text message, for a lead who left only a phone on the widget (issue 17): one
 * SMS segment where possible (160 GSM-7 characters, 70 UCS-2 for Cyrillic and Armenian), with a
 * short link to the follow-up page (`/l/<code>` → `/follow-up?t=…`), where the conversation goes
 * on: "book this", a time, "not interested". The full follow-up (the owner's text, the question,
 * the quote) is in the transcript the page shows; the SMS only brings the lead back. When the
 * whole text does not fit, the quote goes first, then the business name is shortened; the link
 * always stays (a long name in Cyrillic or Armenian with a long link may take two segments).
 */
import type { Lang } from '../messages/types.js';
import { smsSegments } from '../channels/sms-text.js';
import type { Sequence } from './settings.js';

export interface FollowUpSmsFacts {
  businessName: string;
  /** The quote in words ("Haircut — $40"), for the quote sequence. */
  quote?: string | undefined;
  /** The short link to the follow-up page. */
  link: string;
}

type Parts = { biz: string; quote: string; link: string };

const T: Record<Lang, Record<Sequence, (p: Parts) => string>> = {
  en: {
    nudge: (p) => `${p.biz}: are you still there? Continue: ${p.link}`,
    quote: (p) => `${p.biz}: your quote${p.quote}. Book or say no: ${p.link}`,
    silent: (p) => `${p.biz}: can we help? Reply here: ${p.link}`,
  },
  ru: {
    nudge: (p) => `${p.biz}: вы ещё здесь? Продолжить: ${p.link}`,
    quote: (p) => `${p.biz}: ваш расчёт${p.quote}. Записаться: ${p.link}`,
    silent: (p) => `${p.biz}: чем помочь? Ответить: ${p.link}`,
  },
  hy: {
    nudge: (p) => `${p.biz}. դեռ այստե՞ղ եք։ Շարունակել՝ ${p.link}`,
    quote: (p) => `${p.biz}. ձեր հաշվարկը${p.quote}։ Գրանցվել՝ ${p.link}`,
    silent: (p) => `${p.biz}. ինչո՞վ օգնենք։ Պատասխանել՝ ${p.link}`,
  },
};

/** Intl's narrow no-break spaces (in prices, times) as plain spaces: GSM-7 where the language allows. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

/**
 * @example followUpSms('silent', { businessName: 'Uptown Barber', link: 'http://x.test/l/AbCdEfGhIj' }, 'en')
 * // → 'Uptown Barber: can we help? Reply here: http://x.test/l/AbCdEfGhIj'
 */
export function followUpSms(sequence: Sequence, f: FollowUpSmsFacts, lang: Lang): string {
  const t = T[lang][sequence];
  const quote = f.quote ? (lang === 'hy' ? `՝ ${f.quote}` : `: ${f.quote}`) : '';
  const tries = [
    t({ biz: f.businessName, quote, link: f.link }),
    t({ biz: f.businessName, quote: '', link: f.link }),
    t({ biz: f.businessName.slice(0, 16), quote: '', link: f.link }),
    // Cyrillic and Armenian leave 70 characters: the sender name (SMS_FROM) says who writes.
    t({ biz: f.businessName.slice(0, 8), quote: '', link: f.link }),
  ].map(plain);
  return tries.find((x) => smsSegments(x).segments === 1) ?? tries.at(-1)!;
}
