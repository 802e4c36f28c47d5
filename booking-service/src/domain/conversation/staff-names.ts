/**
 * Which specialist a message names: "к Анне", "Анну можно?", "Anna please", "Արամին". People's
 * names are short and inflect, so the service-name matcher (intent/name-match.ts: four-letter
 * stems) misses "Анне" for "Анна". Here a name word counts when the message has it whole, or —
 * in Cyrillic — its stem (the name without a final а/я/ь/й) with a case ending of at most three
 * letters ("Анн|е", "Мари|ей", "Арам|у"), or — in Armenian — with a case ending ("Արամ|ին").
 * Latin names count only whole (or with 's): "Sam" must not be found in "same". A name typed in
 * Latin letters is read in Cyrillic too ("Anna" → «Анна»).
 * A word that several specialists' names share ("Դոկտ.", a family name) tells nobody apart.
 */
import { words } from '../intent/normalize-text.js';
import { latinToRussian } from '../intent/translit-ru.js';

const CYRILLIC = /^\p{Script=Cyrillic}+$/u;
const ARMENIAN = /^\p{Script=Armenian}+$/u;
const HY_CASE = ['ին', 'ի', 'ը', 'ն', 'ով', 'ից', 'ու'];

function mentions(token: string, name: string): boolean {
  if (token === name) return true;
  if (CYRILLIC.test(name)) {
    const stem = name.replace(/[аяьй]$/u, '');
    return stem.length >= 3 && token.startsWith(stem) && token.length - stem.length <= 3 && CYRILLIC.test(token);
  }
  if (ARMENIAN.test(name)) return token.startsWith(name) && HY_CASE.includes(token.slice(name.length));
  return token === `${name}s`;
}

/**
 * The one specialist among `staff` the text names; null when it names none or several.
 *
 * @example staffNamed('а к Анне можно?', [{ id: 'anna', name: 'Анна Смирнова' }, { id: 'maria', name: 'Мария Иванова' }]) // → 'anna'
 */
export function staffNamed(text: string, staff: ReadonlyArray<{ id: string; name: string }>): string | null {
  const typed = text.slice(0, 500);
  // "Anna please" for «Анна Смирнова»: Latin letters are read in Cyrillic too.
  const tokens = [...words(typed), ...(/[a-z]/i.test(typed) ? words(latinToRussian(typed)) : [])];
  const nameWords = staff.map((s) => ({ id: s.id, words: words(s.name).filter((w) => w.length >= 3) }));
  const count = new Map<string, number>();
  for (const s of nameWords) for (const w of new Set(s.words)) count.set(w, (count.get(w) ?? 0) + 1);
  const named = nameWords.filter((s) => s.words.some((w) => count.get(w) === 1 && tokens.some((tk) => mentions(tk, w))));
  return named.length === 1 ? named[0]!.id : null;
}
