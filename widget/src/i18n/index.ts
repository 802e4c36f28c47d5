import { dtf, isoWeekday, zoned } from '../flow/dates';
import { DRAM_SIGN, hasGlyph, withoutDramSign, type Lang } from '@frontdesk/shared';
import type { Strings } from './en';

export type { Strings };

/** One chunk per language, so a visitor downloads only theirs. */
export function loadStrings(lang: Lang): Promise<Strings> {
  const m = lang === 'ru' ? import('./ru') : lang === 'hy' ? import('./hy') : import('./en');
  return m.then((x) => x.default);
}

/** Fills `{name}` placeholders. @example fill('Free times on {day}:', { day: 'Wed 10' }) */
export function fill(s: string, v: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');
}

export type Format = ReturnType<typeof formatter>;

/**
 * Dates and times through Intl in the visitor's language.
 * Chromium ships no Armenian locale data (`Intl` falls back to English), so where the
 * language is missing, numbers and clock times take the Russian conventions Armenian
 * shares (22.11, 15:00) and the weekday words come from the strings (`days`).
 */
export function formatter(lang: Lang, t: Strings, drawn: (ch: string) => boolean = hasGlyph) {
  const native = Intl.DateTimeFormat.supportedLocalesOf(lang).length > 0;
  // en-US for the New York barber's 12-hour clock; ru and hy carry their own conventions.
  const loc = !native ? 'ru' : lang === 'en' ? 'en-US' : lang;
  const dt = (o: Intl.DateTimeFormatOptions) => dtf(loc, o);
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  const date: Intl.DateTimeFormatOptions = native ? { weekday: 'short', day: 'numeric', month: 'short' } : { day: '2-digit', month: '2-digit' };
  const visitorZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  /** The weekday word the locale data lacks, for a business-local day. */
  const weekday = (d: string) => (native ? '' : `${t.days![isoWeekday(d) - 1]} `);

  const f = {
    /** Drams as "դր."/"драм"/"AMD" where the visitor's fonts lack the ֏ sign (2012; shared/dram-sign.ts). */
    text: (s: string) => (s.includes(DRAM_SIGN) && !drawn(DRAM_SIGN) ? withoutDramSign(s, lang) : s),
    time: (iso: string, timeZone: string) => dt({ ...time, timeZone }).format(new Date(iso)),
    when: (iso: string, timeZone: string) => weekday(zoned(iso, timeZone).date) + dt({ ...date, ...time, timeZone }).format(new Date(iso)),
    /** A business-local day 'YYYY-MM-DD', formatted as that calendar day. */
    day: (d: string) => weekday(d) + dt({ ...date, timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`)),
    /** The visitor's own clock for an instant, or '' when it reads the same as the business's. */
    visitor: (iso: string, timeZone: string) => {
      const mine = dt({ ...time, timeZone: visitorZone }).format(new Date(iso));
      return mine === f.time(iso, timeZone) ? '' : mine;
    },
    /** "Moscow Time", "Eastern Time" in the visitor's language; "GMT+4" where the names are missing. */
    zone: (timeZone: string) =>
      dtf(native ? loc : 'en', { timeZone, timeZoneName: native ? 'longGeneric' : 'shortOffset' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone,
  };
  return f;
}
