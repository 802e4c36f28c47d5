/**
 * English as typed in a chat ("hw mch 4 a shave", "apointment tommorow", "can u fit me in 2day")
 * spelt out, so the cues and chrono's grammar read it. A closed table of the common SMS
 * shorthands and the misspellings of the day words chrono does not forgive; "4"/"2" are "for"/
 * "to" only before a word they cannot be a time of ("4 a shave", "2 the shop"), never "at 4".
 */

const WORDS: Record<string, string> = {
  hw: 'how', mch: 'much', u: 'you', r: 'are', ur: 'your', ya: 'you', pls: 'please', plz: 'please', pl0x: 'please',
  thx: 'thanks', thnx: 'thanks', ty: 'thank you', abt: 'about', b4: 'before', nxt: 'next', wk: 'week',
  wat: 'what', wut: 'what', whats: 'what is', wen: 'when', cn: 'can', avail: 'available', appt: 'appointment',
  // Day words chrono reads only when spelt right.
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmw: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', '2mrw': 'tomorrow',
  tomorow: 'tomorrow', tommorow: 'tomorrow', tommorrow: 'tomorrow', tomorro: 'tomorrow', tomorrw: 'tomorrow', tomoro: 'tomorrow',
  mornin: 'morning', morn: 'morning', evenin: 'evening', arvo: 'afternoon', aftanoon: 'afternoon', afternon: 'afternoon',
  '2day': 'today', tday: 'today', tdy: 'today', tonite: 'tonight', '2nite': 'tonight', '2night': 'tonight',
};

const WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${Object.keys(WORDS).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
/** "4 a haircut", "2 the barber": a digit before an article or a pronoun is a preposition, unless a time word leads it ("at 4 the latest"). */
const DIGIT_PREPOSITION = /(?<![\p{L}\p{N}:.])(?<!(?:at|by|after|before|until|till|around|about|from|to)\s+)([24])\s+(?=(?:a|an|the|my|me|you|your|u|ur)\s)/giu;

/**
 * @example expandTextese('hw mch 4 a shave') // → 'how much for a shave'
 */
export function expandTextese(text: string): string {
  return text
    .replace(DIGIT_PREPOSITION, (_, d: string) => (d === '4' ? 'for ' : 'to '))
    .replace(WORD, (w) => WORDS[w.toLowerCase()] ?? w);
}
