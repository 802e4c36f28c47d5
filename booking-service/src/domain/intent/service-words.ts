/**
 * Words visitors use for the same service as the owner's name for it, across ru/hy/en: the
 * derived forms and diminutives that stem matching cannot reach ("подстричься", "стрижечка" for
 * "Стрижка"; "покраска", "покрасить" for "Окрашивание"), the everyday synonyms and the loanwords
 * ("пломба" for "Пломбирование", "plomb" in Armenian chat, "fade"/"lineup" for "Haircut",
 * "ногти" for "Маникюр"), and the same word in the other two languages, so an owner who named a
 * service in one language is found by a visitor writing another.
 *
 * Each family is one meaning; a message word and a name word match when some family holds both.
 * Entries are folded text (normalize-text.ts); a trailing "*" matches any ending, else the word
 * must be exact (short words: "cut", "mani"). Kept to the trades the product serves (hair and
 * nails, barbers, dentists): a family never joins two services an owner would sell apart
 * ("trim" is beard trimming here, not a haircut).
 */

const FAMILIES: readonly string[][] = [
  // haircut
  ['стрижк*', 'стрижеч*', 'стричь*', 'стриги*', 'подстри*', 'постри*', 'haircut*', 'cut', 'cuts', 'fade', 'fades', 'lineup', 'lineups', 'սանրվածք*', 'սանրվել', 'sanrvac*', 'sanrvel'],
  // colouring
  ['окраш*', 'окрас*', 'покрас*', 'перекрас*', 'красить', 'красит', 'красят', 'красите', 'красим', 'краска', 'покраш*', 'color*', 'colour*', 'dye*', 'ներկ*', 'nerk*'],
  // manicure, and the nails it is done on
  ['маникюр*', 'маник', 'ногот*', 'ногти', 'ногтей', 'manicure*', 'mani', 'manikyur*', 'manikur*', 'manikiur*', 'nail', 'nails', 'մատնահարդար*', 'մանիկյուր*', 'եղունգ*'],
  // gel coating of the nails
  ['покрыти*', 'гель', 'гель-лак*', 'лак', 'шеллак*', 'gel', 'polish', 'shellac', 'ծածկույթ*', 'գել*'],
  // shave
  ['брить*', 'бритье*', 'бритья', 'побрить*', 'shave*', 'shaving', 'սափր*', 'sapr*', 'safr*'],
  // beard trimming
  ['оформлени*', 'оформить', 'подровн*', 'подравн*', 'ровнять', 'trim', 'trims', 'trimming', 'ձեվավոր*'],
  // the beard itself, and as Armenian is typed in Latin letters
  ['бород*', 'beard*', 'մորուք*', 'moruq*', 'moruk*'],
  // whom a haircut is for: "подстричь мужа" is the men's one, "стрижка для жены" the women's
  ['мужск*', 'муж', 'мужа', 'мужу', 'мужем', 'мужчин*', 'men', 'mens', 'տղամարդ*', 'txamard*', 'tghamard*'],
  ['женск*', 'жена', 'жену', 'жене', 'женой', 'женщин*', 'women', 'womens', 'woman', 'ladies', 'կանաց*', 'kanac*'],
  // teeth cleaning
  ['чистк*', 'chistk*', 'почист*', 'чистить', 'профчистк*', 'гигиен*', 'cleaning', 'clean', 'hygiene', 'մաքր*', 'maqr*'],
  // filling
  ['пломб*', 'filling*', 'լցավոր*', 'լցանյութ*', 'plomb*', 'պլոմբ*'],
  // consultation
  ['консульт*', 'consult*', 'խորհրդատվ*', 'կոնսուլտ*', 'konsult*'],
  // implants
  ['имплант*', 'implant*', 'իմպլանտ*'],
  // check-up
  ['осмотр*', 'обследован*', 'check', 'checkup', 'exam', 'examination', 'զնն*', 'znn*'],
];

type Entry = { text: string; prefix: boolean; family: number };

const ENTRIES: Entry[] = FAMILIES.flatMap((family, i) =>
  family.map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true, family: i } : { text: w, prefix: false, family: i })),
);

/** Words seen lately: the business's service names come back every turn. Bounded: cleared when full. */
const SEEN = new Map<string, number>();
const SEEN_MAX = 5000;

/** The families a folded word belongs to (usually none or one), as a bit set. */
export function familiesOf(word: string): number {
  const seen = SEEN.get(word);
  if (seen !== undefined) return seen;
  let set = 0;
  for (const e of ENTRIES) if (e.prefix ? word.startsWith(e.text) : word === e.text) set |= 1 << e.family;
  if (SEEN.size >= SEEN_MAX) SEEN.clear();
  SEEN.set(word, set);
  return set;
}

/** Barber slang said in two words: "shape up", "line up", "edge up" are the haircut's "lineup". */
const TWO_WORD_CUT = /(?<![\p{L}])(?:shape|line|edge)[\s-]*up(?![\p{L}])/gu;
/**
 * A haircut word said OF the beard is a beard trim, not a haircut and a beard: "стрижка бороды",
 * "подстричь бороду", "beard lineup", "cut my beard". Only with nothing between the two words but
 * a possessive: "стрижка с бородой", "haircut and beard", "haircut + beard" stay the two of them.
 */
const RU_CUT_OF_BEARD = /(?<![\p{L}])(?:стрижк|подстри|постри|стрич|стриг)\p{L}*\s+(?:мне\s+|мою\s+|свою\s+)?(?=бород(?:у|ы|ку|ки|ушку)(?![\p{L}]))/gu;
const EN_BEARD_CUT = /(?<![\p{L}])(beards?)\s+(?:cut|cuts|fade|lineup|lineups)(?![\p{L}])/gu;
const EN_CUT_BEARD = /(?<![\p{L}])(?:cut|lineup)\s+(?=(?:my\s+|the\s+|his\s+)?beards?(?![\p{L}]))/gu;

/**
 * Service phrases of several words, as one service word for the name matcher. Input is folded text.
 *
 * @example servicePhrases('стрижка бороды') // → 'оформление бороды'
 * @example servicePhrases('need a shape up') // → 'need a lineup'
 */
export function servicePhrases(text: string): string {
  return text
    .replace(TWO_WORD_CUT, 'lineup')
    .replace(RU_CUT_OF_BEARD, 'оформление ')
    .replace(EN_BEARD_CUT, '$1 trim')
    .replace(EN_CUT_BEARD, 'trim ');
}
