/**
 * A time zone named as people say it, as a phrase that stands on its own under a list of times:
 * "время московское", "Երևանի ժամանակով", "Eastern Time". The CLDR names Intl gives read like a
 * form ("Москва, стандартное время"), so the zones of the businesses we serve are named here;
 * any other zone falls back to Intl's generic name ("Восточная Америка" → "время: Восточная Америка").
 *
 * @example zoneWords('Europe/Moscow', 'ru') // → 'время московское'
 */
import type { Lang } from './lang.js';

/** Russian: "время <adjective>"; Armenian: "<city in the genitive> ժամանակով"; English: "<name> time". */
const NAMED: Record<string, Record<Lang, string>> = {
  'Europe/Moscow': { ru: 'время московское', hy: 'Մոսկվայի ժամանակով', en: 'Moscow time' },
  'Europe/Kaliningrad': { ru: 'время калининградское', hy: 'Կալինինգրադի ժամանակով', en: 'Kaliningrad time' },
  'Europe/Samara': { ru: 'время самарское', hy: 'Սամարայի ժամանակով', en: 'Samara time' },
  'Asia/Yekaterinburg': { ru: 'время екатеринбургское', hy: 'Եկատերինբուրգի ժամանակով', en: 'Yekaterinburg time' },
  'Asia/Novosibirsk': { ru: 'время новосибирское', hy: 'Նովոսիբիրսկի ժամանակով', en: 'Novosibirsk time' },
  'Asia/Vladivostok': { ru: 'время владивостокское', hy: 'Վլադիվոստոկի ժամանակով', en: 'Vladivostok time' },
  'Asia/Yerevan': { ru: 'время ереванское', hy: 'Երևանի ժամանակով', en: 'Yerevan time' },
  'Asia/Tbilisi': { ru: 'время тбилисское', hy: 'Թբիլիսիի ժամանակով', en: 'Tbilisi time' },
  'Europe/Minsk': { ru: 'время минское', hy: 'Մինսկի ժամանակով', en: 'Minsk time' },
  'Europe/Kyiv': { ru: 'время киевское', hy: 'Կիևի ժամանակով', en: 'Kyiv time' },
  'Europe/London': { ru: 'время лондонское', hy: 'Լոնդոնի ժամանակով', en: 'UK time' },
  'America/New_York': { ru: 'время нью-йоркское', hy: 'Նյու Յորքի ժամանակով', en: 'Eastern Time' },
  'America/Chicago': { ru: 'время чикагское', hy: 'Չիկագոյի ժամանակով', en: 'Central Time' },
  'America/Denver': { ru: 'время денверское', hy: 'Դենվերի ժամանակով', en: 'Mountain Time' },
  'America/Los_Angeles': { ru: 'время лос-анджелесское', hy: 'Լոս Անջելեսի ժամանակով', en: 'Pacific Time' },
};

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', hy: 'hy-AM', en: 'en-US' };
const LEAD: Record<Lang, (name: string) => string> = {
  ru: (n) => `время: ${n}`,
  hy: (n) => `ժամային գոտի՝ ${n}`,
  en: (n) => n,
};

/** `at` only matters for the fallback (a zone's generic name does not change, its offset may). */
export function zoneWords(timeZone: string, lang: Lang, at: number = 0): string {
  const named = NAMED[timeZone]?.[lang];
  if (named) return named;
  let name = timeZone;
  try {
    name =
      new Intl.DateTimeFormat(LOCALES[lang], { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    // An unknown zone name: say it as stored.
  }
  // CLDR's form-like "X, стандартное время" reads as a form field; the place alone is the name.
  return LEAD[lang](name.replace(/, стандартное время$/, ''));
}
