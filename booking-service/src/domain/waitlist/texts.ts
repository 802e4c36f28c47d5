/**
 * What a waiting person is told when a time frees up for them, in their language (e-mail, the
 * messenger chat, the one-tap page). Pure: the times come formatted by the caller.
 */
import type { Lang } from '@frontdesk/shared';

export interface OfferFacts {
  business: string;
  service: string;
  staff: string;
  /** "Wednesday, 4 March, 15:00" in the business's zone. */
  when: string;
  /** "15:20": until when it is theirs alone. */
  until: string;
  minutes: number;
}

export const OFFER_TEXT: Record<Lang, {
  subject: (f: OfferFacts) => string;
  body: (f: OfferFacts) => string;
  book: string;
}> = {
  en: {
    subject: (f) => `${f.business}: a time has freed up for you`,
    body: (f) => `Good news: a time you were waiting for has freed up — ${f.service}, ${f.when} (${f.staff}). It is held for you alone for ${f.minutes} minutes, until ${f.until}; after that it goes to the next person waiting. One tap books it:`,
    book: 'Book this time',
  },
  ru: {
    subject: (f) => `«${f.business}»: освободилось время для вас`,
    body: (f) => `Хорошая новость: освободилось время, которое вы ждали, — ${f.service}, ${f.when} (${f.staff}). ${f.minutes} минут, до ${f.until}, оно закреплено только за вами, потом перейдёт следующему в листе ожидания. Записаться — одним нажатием:`,
    book: 'Записаться на это время',
  },
  hy: {
    subject: (f) => `${f.business}՝ Ձեզ համար ժամ է ազատվել`,
    body: (f) => `Լավ լուր․ ազատվել է Ձեր սպասած ժամը՝ ${f.service}, ${f.when} (${f.staff})։ ${f.minutes} րոպե՝ մինչև ${f.until}, այն պահված է միայն Ձեզ համար, հետո կանցնի հաջորդին։ Գրանցվելու համար բավական է մեկ սեղմում․`,
    book: 'Գրանցվել այս ժամին',
  },
};
