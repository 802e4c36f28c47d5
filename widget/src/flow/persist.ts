import { Signal } from '@preact/signals-core';

/** The writable signals of a model, possibly nested: what a saved conversation holds. */
export type State = { [key: string]: Signal<unknown> | State };

/** Plain JSON of the current values. Reading `.value` makes an enclosing effect track them all. */
export function pack(state: State): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in state) {
    const v = state[k]!;
    out[k] = v instanceof Signal ? v.value : pack(v);
  }
  return out;
}

/** Puts saved values back; keys the saved JSON lacks keep their current values. */
export function unpack(state: State, saved: unknown): void {
  if (!saved || typeof saved !== 'object') return;
  for (const k in state) {
    const v = state[k]!;
    const s = (saved as Record<string, unknown>)[k];
    if (s === undefined) continue;
    if (v instanceof Signal) v.value = s;
    else unpack(v, s);
  }
}
