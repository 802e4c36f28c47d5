/** One text input per business language for a Localized value ({ ru?, hy?, en? }). */
import type { Localized } from '@frontdesk/shared';
import { fmt, LANG_NAMES, type UiLang } from '../i18n/index.js';
import { TextArea, TextField } from './common.js';

export function LocalizedFields(props: {
  /** Label template with {lang}. */
  label: string;
  langs: readonly string[];
  value: Localized;
  onValue: (v: Localized) => void;
  errors?: (lang: string) => string[];
  multiline?: boolean;
}) {
  return (
    <div class="localized">
      {props.langs.map((l) => {
        const label = fmt(props.label, { lang: LANG_NAMES[l as UiLang] ?? l });
        const value = props.value[l as UiLang] ?? '';
        const onValue = (v: string) => props.onValue({ ...props.value, [l]: v });
        return props.multiline ? (
          <TextArea key={l} label={label} value={value} onValue={onValue} errors={props.errors?.(l)} rows={2} />
        ) : (
          <TextField key={l} label={label} lang={l} value={value} onValue={onValue} errors={props.errors?.(l)} />
        );
      })}
    </div>
  );
}

/** Drops blank languages; undefined when nothing is left. */
export function cleanLocalized(v: Localized): Localized | undefined {
  const out: Localized = {};
  for (const l of ['ru', 'hy', 'en'] as const) {
    const s = v[l]?.trim();
    if (s) out[l] = s;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function pickText(v: Localized | null | undefined, lang: string): string {
  if (!v) return '';
  return v[lang as UiLang] ?? v.en ?? v.ru ?? v.hy ?? '';
}
