/**
 * Words for the same thing across the questions every front desk gets and owners answer in the
 * knowledge base — parking, payment, preparation, walk-ins — so a visitor's wording finds the
 * owner's: "где можно припарковаться?" an entry on "парковка" (the stemmer keeps the prefix
 * "при-"), "do you take apple pay?" one on "How can I pay?", "parking ka?" one on "կայանատեղի",
 * "что сделать перед чисткой" one on "как подготовиться". A thesaurus, as PostgreSQL's would be,
 * but kept in code: the same on PGlite, no dictionary files.
 *
 * A visitor's word that a family knows adds the family's words in the visitor's language to the
 * search (services/knowledge/search.ts), as alternatives of that word: it counts once for the
 * relevance rule (relevance.ts) whichever of them an entry has.
 *
 * `match`: folded words (normalize-text.ts), a trailing "*" for any ending; two words must follow
 * each other. `say`: words for the search, stemmed by the language's configuration (ru, en), or
 * prefixes (hy).
 */
import type { Lang } from '@frontdesk/shared';

interface Family {
  match: readonly string[];
  say: Record<Lang, readonly string[]>;
}

const FAMILIES: readonly Family[] = [
  {
    // parking, and the car it is for
    match: [
      'парков*', 'припарков*', 'запарков*', 'паркинг*', 'паркуюсь', 'паркуемся', 'стоянк*', 'машин*', 'автомобил*', 'авто',
      'park', 'parking', 'parked', 'garage', 'car', 'cars',
      'կայանատեղ*', 'կայանել*', 'կայանեմ', 'ավտոկայան*', 'մեքենա*', 'պարկինգ*', 'ավտոմեքենա*',
      'parking*', 'kayanat*', 'kayanel*', 'meqen*', 'mekena*', 'mashin*',
    ],
    say: { ru: ['парковка', 'парковаться', 'стоянка', 'машина'], en: ['parking', 'park', 'car'], hy: ['կայանատեղ', 'կայանել', 'մեքենա'] },
  },
  {
    // paying, and what with
    match: [
      'оплат*', 'оплач*', 'заплат*', 'платит*', 'платеж*', 'плачу', 'налич*', 'наличк*', 'безнал*', 'картой', 'карту', 'карты', 'сбп', 'перевод*',
      'pay', 'pays', 'paying', 'payment*', 'paid', 'card', 'cards', 'cash', 'credit', 'debit', 'venmo', 'zelle', 'paypal', 'contactless',
      'վճար*', 'քարտ*', 'կանխիկ*', 'փոխանցում*',
      'vchar*', 'kart*', 'qart*', 'kanxik*', 'kankhik*',
    ],
    say: { ru: ['оплата', 'оплатить', 'карта', 'наличные'], en: ['pay', 'payment', 'card', 'cash'], hy: ['վճար', 'քարտ', 'կանխիկ'] },
  },
  {
    // preparing for a visit: "как подготовиться", "что сделать перед …"
    match: [
      'подготов*', 'приготов*', 'перед',
      'prepare*', 'preparation*', 'prep', 'before',
      'պատրաստ*', 'նախապատրաստ*', 'առաջ',
      'patrast*', 'naxapatrast*', 'araj',
    ],
    say: { ru: ['подготовиться', 'подготовка'], en: ['prepare', 'preparation'], hy: ['պատրաստ', 'նախապատրաստ'] },
  },
  {
    // coming without booking
    match: ['без запис*', 'без брон*', 'очеред*', 'walk', 'walkin*', 'walk-in*', 'drop in', 'առանց գրանց*', 'առանց ամրագր*', 'հերթ*', 'aranc granc*', 'hert*'],
    say: { ru: ['без записи', 'очередь'], en: ['walk-in', 'walk'], hy: ['առանց', 'հերթ'] },
  },
];

type Pattern = ReadonlyArray<{ text: string; prefix: boolean }>;

const PATTERNS: ReadonlyArray<{ family: number; words: Pattern }> = FAMILIES.flatMap((f, family) =>
  f.match.map((m) => ({ family, words: m.split(' ').map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false })) })),
);

const fits = (token: string, { text, prefix }: { text: string; prefix: boolean }) => (prefix ? token.startsWith(text) : token === text);

/**
 * For each word of the (folded, split) question, the family words to search for with it, in the
 * visitor's language; empty where no family knows the word. A two-word match ("без записи")
 * puts the family's words on its first word.
 *
 * @example relatedWords(['где', 'припарковаться'], 'ru') // → [[], ['парковка', 'парковаться', 'стоянка', 'машина']]
 */
export function relatedWords(tokens: readonly string[], lang: Lang): string[][] {
  return tokens.map((_, i) => {
    const families = new Set<number>();
    for (const p of PATTERNS) if (p.words.every((w, j) => fits(tokens[i + j] ?? '', w))) families.add(p.family);
    return [...families].flatMap((f) => FAMILIES[f]!.say[lang]);
  });
}
