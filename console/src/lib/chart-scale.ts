/**
 * Scales for the dashboard's hand-written SVG charts: a "nice" axis maximum (1, 2 or 5 × 10ⁿ
 * steps, as a person would draw it) and bar geometry in chart units.
 */

/** The smallest step of 1, 2 or 5 × 10ⁿ that splits [0, max] into at most `ticks` parts. */
export function niceStep(max: number, ticks = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 5, 10]) if (f * mag >= raw) return f * mag;
  return 10 * mag;
}

/**
 * Axis from 0 to a nice maximum ≥ every value; an all-zero series still gets a 0…1 axis.
 * Counts (`integer`) never get fractional ticks: 1 booking is not drawn against 0.5.
 */
export function niceScale(values: readonly number[], ticks = 4, integer = false): { max: number; ticks: number[] } {
  const top = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const step = integer ? Math.max(1, niceStep(top, ticks)) : niceStep(top, ticks);
  const max = Math.max(step, Math.ceil(top / step) * step);
  const out: number[] = [];
  // Rounding keeps 0.1 + 0.2 steps printable.
  for (let v = 0; v <= max + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return { max, ticks: out };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Vertical bars for `values` in a plot `width` × `height` (y grows downwards as in SVG),
 * each slot split into bar and `gap` (a fraction of the slot).
 */
export function barLayout(values: readonly number[], width: number, height: number, max: number, gap = 0.3, maxWidth = Infinity): Bar[] {
  if (values.length === 0) return [];
  const slot = width / values.length;
  // A lone bar is not a wall: `maxWidth` keeps bars narrow when there are few of them.
  const w = Math.min(slot * (1 - gap), maxWidth);
  return values.map((v, i) => {
    const h = max > 0 ? (Math.max(0, v) / max) * height : 0;
    return { x: i * slot + (slot - w) / 2, y: height - h, width: w, height: h };
  });
}

/** Change from `previous` to `current` as a fraction (0.25 = +25 %), or null when undefined. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / Math.abs(previous);
}
