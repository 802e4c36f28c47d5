import type { Lang, Price } from '../flow/port';
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

/** Dates, times, money, durations and lists, all through Intl in the visitor's language. */
export function formatter(lang: Lang) {
  // en-US for the New York barber's 12-hour clock; ru and hy carry their own conventions.
  const loc = lang === 'en' ? 'en-US' : lang;
  const dt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(loc, o);
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  const date: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  const money = (cur: string) => new Intl.NumberFormat(loc, { style: 'currency', currency: cur, maximumFractionDigits: 0 });
  const visitorZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

  const f = {
    time: (iso: string, timeZone: string) => dt({ ...time, timeZone }).format(new Date(iso)),
    when: (iso: string, timeZone: string) => dt({ ...date, ...time, timeZone }).format(new Date(iso)),
    /** A business-local day 'YYYY-MM-DD', formatted as that calendar day. */
    day: (d: string) => dt({ ...date, timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`)),
    /** The visitor's own clock for an instant, or '' when it reads the same as the business's. */
    visitor: (iso: string, timeZone: string) => {
      const mine = dt({ ...time, timeZone: visitorZone }).format(new Date(iso));
      return mine === f.time(iso, timeZone) ? '' : mine;
    },
    money: (n: number, cur: string) => money(cur).format(n),
    range: (min: number, max: number, cur: string) => money(cur).formatRange(min, max),
    price: (p: Price, cur: string) => (p.kind === 'fixed' ? f.money(p.amount, cur) : f.range(p.min, p.max, cur)),
    /** Plural-correct in every language: "1 hour", "2 часа", "90 минут". */
    duration: (min: number) =>
      new Intl.NumberFormat(loc, { style: 'unit', unit: min % 60 ? 'minute' : 'hour', unitDisplay: 'long' }).format(min % 60 ? min : min / 60),
    list: (items: string[]) => new Intl.ListFormat(loc, { type: 'conjunction' }).format(items),
    /** "Moscow Time", "Eastern Time": the zone's generic name in the visitor's language. */
    zone: (timeZone: string) =>
      dt({ timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? timeZone,
  };
  return f;
}
