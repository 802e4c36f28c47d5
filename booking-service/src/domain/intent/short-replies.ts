/**
 * Short replies that answer the question on screen rather than start something new: "yes" and
 * "no" to an in-chat confirmation, and the "not interested" that closes a lead cleanly
 * (PRODUCT.md: "always an easy 'not interested'"). Only short messages count: "no thanks" is a
 * reply, "no thanks, but how much is a haircut?" is a question.
 */
import { foldText, words } from './normalize-text.js';

const MAX_WORDS = 6;

const YES = new Set(['да', 'ага', 'конечно', 'давайте', 'хорошо', 'ок', 'yes', 'yeah', 'yep', 'sure', 'ok', 'okay', 'այո', 'հա', 'լավ', 'ayo', 'ha']);
const NO = new Set(['нет', 'неа', 'no', 'nope', 'ոչ', 'չէ', 'voch', 'che']);

const NOT_INTERESTED = [
  'не актуально', 'неактуально', 'уже не актуально', 'не нужно', 'не надо', 'не интересно', 'неинтересно', 'передумал', 'передумала',
  'нет спасибо', 'спасибо не надо', 'отказываюсь',
  'no thanks', 'no thank you', 'not interested', 'never mind', 'nevermind', 'changed my mind', "don't need", 'do not need', 'no longer needed',
  'պետք չէ', 'այլևս պետք չէ', 'հետաքրքիր չէ', 'ոչ շնորհակալություն', 'մտափոխվեցի',
].map((p) => words(p).join(' '));

function isShort(text: string): boolean {
  const w = words(text);
  return w.length > 0 && w.length <= MAX_WORDS;
}

export function saysYes(text: string): boolean {
  const w = words(text);
  return isShort(text) && w.length <= 3 && YES.has(w[0]!) && !w.some((x) => NO.has(x));
}

export function saysNo(text: string): boolean {
  const w = words(text);
  return isShort(text) && w.length <= 3 && NO.has(w[0]!);
}

/** "не актуально", "no thanks", "պետք չէ": the visitor closes the conversation. */
export function saysNotInterested(text: string): boolean {
  if (!isShort(text)) return false;
  const folded = ` ${words(foldText(text)).join(' ')} `;
  return NOT_INTERESTED.some((p) => folded.includes(` ${p} `));
}
