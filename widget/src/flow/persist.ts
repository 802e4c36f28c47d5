import { Computed, Signal } from '@preact/signals-core';

/**
 * Saving a model: its writable signals, found by walking it (nested models included).
 * Computed signals are derived and functions are actions, so neither is saved; every
 * writable signal a flow model returns is part of its state by construction.
 */
type Model = Record<string, unknown>;

/** Plain JSON of the current values. Reading `.value` makes an enclosing effect track them all. */
export function pack(model: Model): Model {
  const out: Model = {};
  for (const k in model) {
    const v = model[k];
    if (v instanceof Computed) continue;
    if (v instanceof Signal) out[k] = v.value;
    else if (v && typeof v === 'object') out[k] = pack(v as Model);
  }
  return out;
}

/** Puts saved values back; keys the saved JSON lacks keep their current values. */
export function unpack(model: Model, saved: unknown): void {
  for (const k in model) {
    const v = model[k];
    const s = (saved as Model | null)?.[k];
    if (s === undefined || v instanceof Computed) continue;
    if (v instanceof Signal) v.value = s;
    else if (v && typeof v === 'object') unpack(v as Model, s);
  }
}
