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

// Words that only acknowledge: "ok", "thanks", "спасибо, понял", "լավ, մերսի". Each word of the
// message must be one of them; emoji and punctuation carry nothing.
const ACK = new Set([
  'ok', 'okay', 'okey', 'k', 'kk', 'thanks', 'thank', 'you', 'thx', 'ty', 'cheers', 'great', 'fine', 'got', 'it', 'noted', 'perfect', 'cool', 'will', 'do', 'see', 'then',
  'ок', 'окей', 'хорошо', 'спасибо', 'спс', 'благодарю', 'большое', 'понял', 'поняла', 'понятно', 'ясно', 'отлично', 'супер', 'ладно', 'договорились', 'принято', 'до', 'встречи',
  'լավ', 'շնորհակալություն', 'շնորհակալ', 'եմ', 'մերսի', 'հասկացա', 'պարզ', 'է', 'հա', 'օքեյ', 'merci', 'mersi', 'lav', 'shnorhakalutyun',
]);

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

/**
 * "ok", "thanks!", "спасибо, понял 👍", "լավ, մերսի", a thumbs-up alone: an answer that only acknowledges and asks
 * nothing. A client answering a reminder this way needs no person and no reply.
 */
export function onlyAcknowledges(text: string): boolean {
  if (/\?/.test(text)) return false;
  const w = words(foldText(text));
  // A thumbs-up or a heart alone acknowledges too.
  if (w.length === 0) return /\p{Extended_Pictographic}/u.test(text) && text.replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|[\s!.]/gu, '') === '';
  return w.length <= 4 && w.every((x) => ACK.has(x));
}
