/**
 * Hours said in words where a time is meant ("в два часа", "около трёх", "at two", "ժամը երկուսին",
 * "zhamy chorsin") written as digits, so the date grammars read them: chrono reads "в 2" and
 * "at 2" but no number words, and the Armenian grammar reads digits only. A number word counts
 * as an hour only beside a time word — after "в/к/около/после/до", "at/around/after/before/by/until",
 * "ժամը", or before "час/часа/часов", "o'clock" — so "два человека" and "one of you" stay words.
 */

const RU: Record<string, number> = {
  час: 1, одного: 1, одному: 1, один: 1, два: 2, двух: 2, двум: 2, три: 3, трех: 3, трем: 3, четыре: 4, четырех: 4, четырем: 4, пять: 5, пяти: 5,
  шесть: 6, шести: 6, семь: 7, семи: 7, восемь: 8, восьми: 8, девять: 9, девяти: 9, десять: 10, десяти: 10,
  одиннадцать: 11, одиннадцати: 11, двенадцать: 12, двенадцати: 12,
};
const EN: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
/** Armenian numbers with the endings an hour takes ("երկուսին", "հինգին"), and as typed in Latin letters. */
const HY: Record<string, number> = {
  մեկ: 1, երկու: 2, երկուս: 2, երեք: 3, չորս: 4, հինգ: 5, վեց: 6, յոթ: 7, ութ: 8, ինը: 9, ինն: 9, տասը: 10, տաս: 10, տասն: 10,
  տասնմեկ: 11, տասներկու: 12, տասներկուս: 12,
  mek: 1, erku: 2, yerku: 2, erkus: 2, yerkus: 2, ereq: 3, yereq: 3, erek: 3, yerek: 3, chors: 4, hing: 5, vec: 6, vets: 6,
  yot: 7, ut: 8, vut: 8, iny: 9, inn: 9, tas: 10, tasy: 10, tasn: 10, tasnmek: 11, tasnerku: 12, tasnerkus: 12,
};

/**
 * Half past, Russian style: "полтретьего" is 2:30 (half of the third hour), "в пол третьего",
 * "пол-одиннадцатого". English "half past two" is 2:30 too.
 */
const RU_ORDINAL_GENITIVE: Record<string, number> = {
  первого: 1, второго: 2, третьего: 3, четвертого: 4, пятого: 5, шестого: 6, седьмого: 7, восьмого: 8, девятого: 9,
  десятого: 10, одиннадцатого: 11, двенадцатого: 12,
};

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const alternatives = (table: Record<string, number>) => Object.keys(table).sort((a, b) => b.length - a.length).join('|');

const RU_BEFORE = new RegExp(`${B}(в|к|около|примерно в|после|до|часа в|часов в)\\s+(${alternatives(RU)})${E}(?!\\s+(?:человек|раз|недел|дн|месяц|минут))`, 'gu');
const RU_AFTER = new RegExp(`${B}(${alternatives(RU)})\\s+(час(?:а|ов)?)${E}`, 'gu');
const EN_BEFORE = new RegExp(`${B}(at|around|about|after|before|by|until|till)\\s+(${alternatives(EN)})${E}(?!\\s+(?:of|hours?|minutes?|days?|weeks?|people|more))`, 'gu');
const EN_AFTER = new RegExp(`${B}(${alternatives(EN)})\\s*(o'?clock|am|pm|a\\.m\\.|p\\.m\\.|ish)${E}`, 'gu');
const RU_HALF = new RegExp(`${B}(?:в\\s+)?пол[\\s-]?(${alternatives(RU_ORDINAL_GENITIVE)})${E}`, 'gu');
const EN_HALF_PAST = new RegExp(`${B}half\\s+past\\s+(${alternatives(EN)}|\\d{1,2})${E}`, 'gu');
const HY_TIME = new RegExp(`${B}(ժամը|ժամ|zhamy|zham|jamy|jam)\\s+(${alternatives(HY)})(ին|ի|ը|in|i)?${E}`, 'gu');

/**
 * @example hoursInDigits('завтра около двух') // → 'завтра около 2'
 * @example hoursInDigits('at two tomorrow')   // → 'at 2 tomorrow'
 */
export function hoursInDigits(text: string): string {
  return text
    // "полпервого" is 0:30 by the clock, but nobody books then: 12:30.
    .replace(RU_HALF, (_, n: string) => `в ${RU_ORDINAL_GENITIVE[n] === 1 ? 12 : RU_ORDINAL_GENITIVE[n]! - 1}:30`)
    .replace(EN_HALF_PAST, (_, n: string) => `${EN[n] ?? Number(n)}:30`)
    .replace(RU_BEFORE, (_, before: string, n: string) => `${before} ${RU[n]}`)
    // "час" alone before "дня" is one o'clock ("в час дня"), but "два часа" is not "2 1".
    .replace(RU_AFTER, (whole, n: string, hour: string) => (n === 'час' ? whole : `${RU[n]} ${hour}`))
    .replace(EN_BEFORE, (_, before: string, n: string) => `${before} ${EN[n]}`)
    .replace(EN_AFTER, (_, n: string, after: string) => `${EN[n]}${after === 'ish' ? 'ish' : ` ${after}`}`)
    .replace(HY_TIME, (_, hour: string, n: string) => `${hour} ${HY[n]}-ին`);
}
