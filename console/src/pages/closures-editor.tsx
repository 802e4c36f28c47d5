/** Owner: the days the business is closed (holidays), edited as a list and saved with the business settings. */
import { t } from '../i18n/index.js';
import { TextField } from '../ui/common.js';

export interface ClosureRow {
  from: string;
  to: string;
  note: string;
}

/** Rows with a missing date, or ending before they start (index → message), checked before saving. */
export function closureProblems(rows: readonly ClosureRow[]): Record<number, string> {
  const d = t.value.closures;
  const out: Record<number, string> = {};
  rows.forEach((r, i) => {
    if (!r.from || !r.to) out[i] = t.value.app.required;
    else if (r.to < r.from) out[i] = d.endsBeforeStart;
  });
  return out;
}

export function ClosuresEditor(props: { value: ClosureRow[]; onValue: (rows: ClosureRow[]) => void; errors: (path: string) => string[]; local: Record<number, string> }) {
  const d = t.value.closures;
  const rows = props.value;
  const change = (i: number, patch: Partial<ClosureRow>) => props.onValue(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="closures">
      <legend>{d.legend}</legend>
      <p class="hint">{d.hint}</p>
      {rows.length === 0 && <p>{d.none}</p>}
      {rows.map((r, i) => (
        <div class="closure-row" key={i} role="group" aria-label={`${d.legend} ${i + 1}`}>
          <TextField type="date" label={d.from} required value={r.from} onValue={(v) => change(i, { from: v, to: r.to && r.to >= v ? r.to : v })} errors={props.errors(`closures.${i}.from`)} />
          <TextField type="date" label={d.to} required value={r.to} min={r.from || undefined} onValue={(v) => change(i, { to: v })} errors={[...(props.local[i] ? [props.local[i]] : []), ...props.errors(`closures.${i}.to`)]} />
          <TextField label={d.note} value={r.note} maxLength={100} onValue={(v) => change(i, { note: v })} errors={props.errors(`closures.${i}.note`)} />
          <button type="button" class="secondary small" onClick={() => props.onValue(rows.filter((_, k) => k !== i))}>
            {d.remove}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => props.onValue([...rows, { from: '', to: '', note: '' }])}>
        {d.add}
      </button>
    </fieldset>
  );
}
