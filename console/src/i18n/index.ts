/**
 * The console's language. Signed in, it is the account's (auth.me user.lang): a pick in the
 * header is saved to the account (app/session.ts pickLang), so it follows the user to every
 * device. This browser remembers the last one for the sign-in page. Components read `t.value`
 * and re-render when it changes.
 */
import { computed, signal } from '@preact/signals';
import { en, type Dict } from './en.js';
import { ru } from './ru.js';
import { hy } from './hy.js';

export type UiLang = 'ru' | 'hy' | 'en';
export const UI_LANGS: readonly UiLang[] = ['en', 'ru', 'hy'];
export const DICTS: Record<UiLang, Dict> = { en, ru, hy };
/** Each language named in itself, for the switcher. */
export const LANG_NAMES: Record<UiLang, string> = { en: 'English', ru: 'Русский', hy: 'Հայերեն' };

const STORAGE_KEY = 'frontdesk-console-lang';

export const isUiLang = (v: unknown): v is UiLang => v === 'ru' || v === 'hy' || v === 'en';

function stored(): UiLang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isUiLang(v) ? v : null;
  } catch {
    return null;
  }
}

function browserLang(): UiLang {
  const l = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return isUiLang(l) ? l : 'en';
}

export const lang = signal<UiLang>(stored() ?? browserLang());
export const t = computed(() => DICTS[lang.value]);

/** Shows `l` now and remembers it in this browser (for the sign-in page next time). */
export function chooseLang(l: UiLang): void {
  lang.value = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Called at sign-in: the account's language wins (it is where picks are saved). */
export function profileLang(l: string): void {
  if (isUiLang(l)) chooseLang(l);
}

/** Fills `{name}` placeholders: fmt('{n} min', { n: 30 }) → '30 min'. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** BCP 47 locale for Intl formatting in the current language. */
export const locale = computed(() => ({ en: 'en-US', ru: 'ru-RU', hy: 'hy-AM' })[lang.value]);

/** A known id (intent, channel) in words, else the id itself (new ids must not break the page). */
export function labelOf(group: 'intent' | 'channel', id: string): string {
  const table = t.value.labels[group] as Record<string, string>;
  return table[id] ?? id;
}

/** "Booking: Anna" in the UI's language (Armenian: "Ամրագրում՝ Աննա"). */
export function labelled(label: string, value: string | number): string {
  return fmt(t.value.app.labelled, { label, value });
}
