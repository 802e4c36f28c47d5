/**
 * Questions about HOW to come rather than requests to come: preparation ("как подготовиться к
 * окрашиванию?", "do I need to prepare for a cleaning?", "что нужно сделать перед чисткой",
 * "ինչ անել մաքրումից առաջ") and walk-ins ("можно без записи?", "can I just walk in?",
 * "առանց գրանցման կարելի՞ է"). They name a service or "come", so the booking cues would take them;
 * the owner's knowledge base answers them (issue 18). Folded text (normalize-text.ts).
 */

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Words after "перед"/"before" that make it a time, not a visit: "перед обедом", "before noon". */
const RU_TIME_AFTER = '(?!\\s*(?:\\d|обед|работ|выходн|праздник|началом|закрыт|открыт|час|полуд|вечер|ночь|сном|отпуск))';
const EN_TIME_AFTER = '(?!\\s*(?:\\d|noon|lunch|work|the\\s+weekend|weekend|close|closing|you\\s+close|dark|school|christmas|new\\s+year))';

const PREPARATION = new RegExp(
  [
    // ru
    `${B}(?:подготов|приготовит|приготовл)\\p{L}*`,
    `${B}(?:что|чего)\\s+(?:(?:мне|нам)\\s+)?(?:нужно|надо|необходимо|стоит|следует)\\s+(?:(?:мне|нам)\\s+)?(?:сделать|делать|взять|брать|принести)${E}`,
    `${B}перед${E}${RU_TIME_AFTER}`,
    `${B}можно\\s+ли\\s+(?:есть|пить|курить)${E}`,
    // en
    `${B}(?:prepare|preparing|preparation|prep)${E}`,
    `${B}(?:what|anything)\\s+(?:should|do|must)\\s+i\\s+(?:do|bring|know)${E}`,
    `${B}before\\s+(?:my|the|a|an|your)${E}${EN_TIME_AFTER}`,
    // hy: "պատրաստվել", "…ից առաջ" after a word (not "5-ից առաջ", before five)
    `${B}(?:պատրաստվ|նախապատրաստ|patrastv|naxapatrast)\\p{L}*`,
    `\\p{Script=Armenian}{2,}ից\\s+(?:առաջ|առաջ\\p{L}*)${E}`,
    `[a-z]{2,}(?:ic|its)\\s+araj${E}`,
  ].join('|'),
  'u',
);

const WALK_IN = new RegExp(
  [
    // ru
    `${B}без\\s+(?:предварительн\\p{L}*\\s+)?(?:записи|брони|бронирования|очереди)${E}`,
    `${B}(?:живая|живой|живую)\\s+очеред\\p{L}*`,
    `${B}в\\s+порядке\\s+(?:живой\\s+)?очереди${E}`,
    // en
    `${B}walk\\s*-?\\s*ins?${E}`,
    `${B}walkins?${E}`,
    `${B}(?:without|no)\\s+(?:an?\\s+)?(?:appointment|appt|booking|reservation)s?${E}`,
    `${B}drop\\s+in${E}`,
    // hy
    `${B}առանց\\s+(?:նախնական\\s+)?(?:գրանց|ամրագր|հերթագր)\\p{L}*`,
    `${B}aranc\\s+(?:granc|amragr|hertagr)\\p{L}*`,
  ].join('|'),
  'u',
);

/**
 * @example asksAdvice('можно без записи?')                      // → true
 * @example asksAdvice('запишите перед обедом')                  // → false
 */
export function asksAdvice(folded: string): boolean {
  return PREPARATION.test(folded) || WALK_IN.test(folded);
}
