/**
 * Dates and times as people read them, in the business's zone and the reader's language.
 * `Intl` with an explicit zone is a pure function of its inputs.
 */
import type { Lang } from '@frontdesk/shared';

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', hy: 'hy-AM', en: 'en-US' };

/** e.g. "Tuesday, March 3, 10:00 AM" / "вторник, 3 марта, 10:00". */
export function formatWhen(epochMs: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(epochMs);
}

/** Short form for subjects: "Mar 3, 10:00 AM" / "3 мар., 10:00". */
export function formatShort(epochMs: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(epochMs);
}

export function formatTime(epochMs: number, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone, hour: '2-digit', minute: '2-digit' }).format(epochMs);
}
