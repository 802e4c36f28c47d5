/**
 * The owner's questions and answers the evaluation seeds (issue 18 "Measured"): what an owner of
 * each demo business would write in the console's knowledge base in the business's languages —
 * parking, payment, preparation, walk-ins — with at most one "other wording" each, as the console
 * invites. Written as owners write them, before and apart from the visitor messages that should
 * find them (bench/eval/messages.ts, `owner`), not tuned to those messages.
 */
import type { OwnerTopic, Site } from './messages.js';

export interface OwnerEntry {
  site: Site;
  lang: 'ru' | 'hy' | 'en';
  topic: OwnerTopic;
  question: string;
  phrasings?: string[];
  answer: string;
  serviceId?: string;
}

export const OWNER_ENTRIES: OwnerEntry[] = [
  // Salon, St Petersburg (ru, en)
  { site: 'demo-salon-spb', lang: 'ru', topic: 'parking', question: 'Есть ли парковка?', phrasings: ['Где оставить машину'], answer: 'Бесплатная парковка во дворе, въезд с улицы Рубинштейна.' },
  { site: 'demo-salon-spb', lang: 'ru', topic: 'payment', question: 'Какие способы оплаты?', phrasings: ['Можно ли оплатить картой'], answer: 'Наличные, банковские карты и СБП.' },
  { site: 'demo-salon-spb', lang: 'ru', topic: 'preparation', question: 'Как подготовиться к окрашиванию?', answer: 'Приходите с чистыми сухими волосами, без укладочных средств.', serviceId: 'salon-coloring' },
  { site: 'demo-salon-spb', lang: 'en', topic: 'parking', question: 'Is there parking?', answer: 'Free parking in the courtyard.' },
  { site: 'demo-salon-spb', lang: 'en', topic: 'payment', question: 'How can I pay?', phrasings: ['Do you accept cards'], answer: 'Cash, cards and SBP.' },
  // Clinic, Yerevan (hy, ru)
  { site: 'demo-clinic-yerevan', lang: 'hy', topic: 'parking', question: 'Կա՞ կայանատեղի', phrasings: ['Որտեղ թողնել մեքենան'], answer: 'Այո, բակում անվճար կայանատեղի կա։' },
  { site: 'demo-clinic-yerevan', lang: 'hy', topic: 'payment', question: 'Ինչպե՞ս կարող եմ վճարել', phrasings: ['Քարտով վճարել կարելի՞ է'], answer: 'Կանխիկ կամ քարտով։' },
  { site: 'demo-clinic-yerevan', lang: 'hy', topic: 'preparation', question: 'Ինչպե՞ս պատրաստվել ատամների մաքրմանը', answer: 'Այցից առաջ լվացեք ատամները, 2 ժամ մի ծխեք։', serviceId: 'clinic-cleaning' },
  { site: 'demo-clinic-yerevan', lang: 'ru', topic: 'parking', question: 'Есть ли парковка?', answer: 'Да, бесплатная парковка во дворе клиники.' },
  { site: 'demo-clinic-yerevan', lang: 'ru', topic: 'payment', question: 'Как можно оплатить?', phrasings: ['Принимаете карты'], answer: 'Наличными или картой.' },
  // Barber shop, New York (en)
  { site: 'demo-barber-nyc', lang: 'en', topic: 'parking', question: 'Is there parking nearby?', phrasings: ['Where can I park'], answer: 'Street parking on Bedford Ave; a garage on N 7th St.' },
  { site: 'demo-barber-nyc', lang: 'en', topic: 'payment', question: 'What payment methods do you accept?', phrasings: ['Do you take cards'], answer: 'Cash, all major cards, Apple Pay and Google Pay.' },
  { site: 'demo-barber-nyc', lang: 'en', topic: 'walkin', question: 'Do you take walk-ins?', answer: 'Yes, when a chair is free; booking ahead is the sure way.' },
];
