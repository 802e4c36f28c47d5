/**
 * Approximate times ("around 2", "about 3pm", "2ish", "около 2", "примерно в 5", "часа в 3",
 * "ժամը 2-ի մոտ", "մոտ 3-ին", "2-i koxmer@") read as the time itself: the slot picker offers the
 * times around the one asked for anyway. Written as the plain time ("at 2", "в 2", "ժամը 2-ին")
 * for the grammars, which do not know the hedges. Hours in words are digits by now (hour-words.ts).
 * A quantity is not a time: "about 2 hours", "около 2 недель", "about 3 people" stay as they are.
 */

const B = '(?<![\\p{L}\\p{N}])';
const HOUR = '(\\d{1,2}(?:[:.]\\d{2})?)';
const NOT_QUANTITY_EN = '(?!\\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|people|persons?|times|years?|dollars?|bucks|\\$|%))';
const NOT_QUANTITY_RU = '(?!\\s*(?:минут|недел|дн|дей|месяц|человек|раз|лет|год|руб|%))';

const EN = new RegExp(`${B}(?:at\\s+)?(?:around|about|approximately|approx\\.?|roughly|round|~)\\s*(?:at\\s+)?${HOUR}(\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'?clock))?${NOT_QUANTITY_EN}(?![\\p{L}\\p{N}])`, 'giu');
/** "at like 7": a hedge after "at" (not "I'd like 2 cuts"). */
const EN_LIKE = new RegExp(`${B}at\\s+(?:like|maybe|say)\\s+${HOUR}(\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'?clock))?${NOT_QUANTITY_EN}(?![\\p{L}\\p{N}])`, 'giu');
const EN_ISH = new RegExp(`${B}(?:at\\s+)?${HOUR}(\\s*(?:am|pm))?\\s*-?\\s*ish(?![\\p{L}])`, 'giu');
const RU = new RegExp(`${B}(?:около|примерно|приблизительно|ориентировочно|где-?то|в\\s+районе)\\s+(?:в\\s+|к\\s+)?${HOUR}${NOT_QUANTITY_RU}(?![\\p{N}])`, 'gu');
/** "часа в 3", "часов в 5 вечера": the hour word put first means "about". */
const RU_INVERTED = new RegExp(`${B}(?:часа|часов|часиков)\\s+в\\s+${HOUR}(?![\\p{N}])`, 'gu');
const HY_AROUND_AFTER = new RegExp(`${B}(?:(?:ժամը|ժամ|zhamy|zham|jamy|jam)\\s*)?${HOUR}\\s*-?\\s*(?:ի|i)\\s+(?:մոտերը|մոտերքը|մոտ|կողմերը|կողմերքը|կողմ|mot|moter@|motery|koxmer@|koxmery|koghmery)(?![\\p{L}])`, 'gu');
const HY_AROUND_BEFORE = new RegExp(`${B}(?:մոտավորապես|մոտ|motavorapes|mot)\\s+(?:(?:ժամը|ժամ|zhamy|zham|jamy|jam)\\s*)?${HOUR}\\s*(?:-?\\s*(?:ին|ի|in|i))?(?![\\p{L}\\p{N}])`, 'gu');

/**
 * @example approximateToExact('tmrw around 2') // → 'tmrw at 2'
 * @example approximateToExact('около 2')       // → 'в 2'
 */
export function approximateToExact(text: string): string {
  return text
    .replace(EN, (_, hour: string, suffix: string | undefined) => `at ${hour}${suffix ?? ''}`)
    .replace(EN_LIKE, (_, hour: string, suffix: string | undefined) => `at ${hour}${suffix ?? ''}`)
    .replace(EN_ISH, (_, hour: string, suffix: string | undefined) => `at ${hour}${suffix ?? ''}`)
    .replace(RU, (_, hour: string) => `в ${hour}`)
    .replace(RU_INVERTED, (_, hour: string) => `в ${hour}`)
    .replace(HY_AROUND_AFTER, (_, hour: string) => `ժամը ${hour}-ին`)
    .replace(HY_AROUND_BEFORE, (_, hour: string) => `ժամը ${hour}-ին`);
}
