/**
 * The widget's menu (sites.save `intents`) as a form: every known entry with a "show" switch,
 * up/down buttons for the order, and an optional button text per business language. The server
 * keeps the shown entries in order; hidden ones are simply left out.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { INTENT_IDS, type IntentId, type Localized } from '@frontdesk/shared';
import type { Intent } from '../api/contract.js';
import { fieldErrors, type FieldError } from '../api/errors.js';
import { fmt, labelOf, t } from '../i18n/index.js';
import { Checkbox } from '../ui/common.js';
import { cleanLocalized, LocalizedFields } from '../ui/localized.js';

/** As in sites.ts on the server (INTENT_LABEL_MAX). */
export const LABEL_MAX = 60;

export interface IntentRow {
  id: IntentId;
  shown: boolean;
  label: Localized;
}

/** Saved entries first, in their order; the hidden rest after them in the default order. */
export function rowsOf(intents: readonly Intent[]): IntentRow[] {
  const shown = intents.filter((i, k) => INTENT_IDS.includes(i.id) && intents.findIndex((j) => j.id === i.id) === k);
  const rest = INTENT_IDS.filter((id) => !shown.some((i) => i.id === id));
  return [...shown.map((i) => ({ id: i.id, shown: true, label: { ...(i.label ?? {}) } })), ...rest.map((id) => ({ id, shown: false, label: {} }))];
}

/** What sites.save takes: shown rows in order, blank labels dropped. */
export function intentsOf(rows: readonly IntentRow[]): Intent[] {
  return rows.filter((r) => r.shown).map((r) => {
    const label = cleanLocalized(r.label);
    return label ? { id: r.id, label } : { id: r.id };
  });
}

/** The rows with row `i` swapped with its neighbour (`by` = -1 up, +1 down); unchanged at the ends. */
export function moveRow<T>(rows: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return [...rows];
  const out = [...rows];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** Problems the server would refuse, found before sending: nothing shown, or a label too long. */
export function menuProblems(rows: readonly IntentRow[]): { none: boolean; tooLong: Array<{ id: IntentId; lang: string }> } {
  const tooLong = rows.flatMap((r) =>
    Object.entries(r.label)
      .filter(([, v]) => (v ?? '').trim().length > LABEL_MAX)
      .map(([lang]) => ({ id: r.id, lang })),
  );
  return { none: !rows.some((r) => r.shown), tooLong };
}

/** Server errors on `intents.N…` (N = position among the shown rows) for one row's `suffix`. */
export function rowErrors(fields: readonly FieldError[], rows: readonly IntentRow[], id: IntentId, suffix: string): string[] {
  const n = rows.filter((r) => r.shown).findIndex((r) => r.id === id);
  return n < 0 ? [] : fieldErrors(fields, `intents.${n}${suffix}`);
}

/**
 * The per-language texts fold away (most owners keep the standard wording): open from the start
 * when a text is set, and forced open while one of them has an error.
 */
function Texts(props: { summary: string; hasText: boolean; hasErrors: boolean; children: ComponentChildren }) {
  const [open, setOpen] = useState(props.hasText);
  return (
    <details class="intent-texts" open={open || props.hasErrors} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{props.summary}</summary>
      {props.children}
    </details>
  );
}

export function IntentMenuEditor(props: { idPrefix: string; langs: readonly string[]; rows: IntentRow[]; onRows: (r: IntentRow[]) => void; errors: readonly FieldError[]; problem: string | null }) {
  const d = t.value.sites;
  const { rows } = props;
  // After a move, keyboard focus follows the moved entry's button (the DOM order changed under it).
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.getElementById(focusAfter.current) as HTMLButtonElement | null;
    focusAfter.current = null;
    el?.focus();
  });
  const move = (i: number, by: -1 | 1) => {
    const next = moveRow(rows, i, by);
    const at = i + by;
    // At the new end the pressed button is disabled: focus its twin instead.
    const dir = (by === -1 && at === 0) || (by === 1 && at === rows.length - 1) ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    focusAfter.current = `${props.idPrefix}-${rows[i]!.id}-${dir}`;
    props.onRows(next);
  };
  // Only errors about the list itself here ("keep at least one"); the rest sit beside their row.
  const own = props.errors.filter((e) => e.path === 'intents').map((e) => e.message);
  const tooLong = (r: IntentRow, l: string) => ((r.label[l as 'en'] ?? '').trim().length > LABEL_MAX ? [fmt(d.menuTooLong, { n: LABEL_MAX })] : []);
  return (
    <fieldset class="intent-menu">
      <legend>{d.menu}</legend>
      <p class="hint">{d.menuHint}</p>
      {(props.problem || own.length > 0) && (
        <p class="field-error" role="alert">
          {[props.problem, ...own].filter(Boolean).join(' ')}
        </p>
      )}
      <ol>
        {rows.map((r, i) => {
          const name = labelOf('intent', r.id);
          return (
            <li key={r.id} class={r.shown ? 'intent' : 'intent off'}>
              <fieldset>
                <legend>{name}</legend>
                <div class="intent-controls">
                  <Checkbox label={fmt(d.menuShow, { name })} checked={r.shown} onChange={(on) => props.onRows(rows.map((x) => (x.id === r.id ? { ...x, shown: on } : x)))} />
                  <button type="button" id={`${props.idPrefix}-${r.id}-up`} class="secondary small" disabled={i === 0} aria-label={fmt(d.moveUp, { name })} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" id={`${props.idPrefix}-${r.id}-down`} class="secondary small" disabled={i === rows.length - 1} aria-label={fmt(d.moveDown, { name })} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                </div>
                {rowErrors(props.errors, rows, r.id, '.id').map((e) => (
                  <p key={e} class="field-error">
                    {e}
                  </p>
                ))}
                <Texts
                  summary={fmt(d.menuTexts, { name })}
                  hasText={Object.values(r.label).some((v) => (v ?? '').trim() !== '')}
                  hasErrors={props.langs.some((l) => tooLong(r, l).length > 0 || rowErrors(props.errors, rows, r.id, `.label.${l}`).length > 0)}
                >
                  <LocalizedFields
                    label={fmt(d.menuLabel, { name, lang: '{lang}' })}
                    langs={props.langs}
                    value={r.label}
                    onValue={(label) => props.onRows(rows.map((x) => (x.id === r.id ? { ...x, label } : x)))}
                    errors={(l) => [...tooLong(r, l), ...rowErrors(props.errors, rows, r.id, `.label.${l}`)]}
                  />
                </Texts>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
