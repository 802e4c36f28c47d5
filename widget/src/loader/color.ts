/**
 * Colours derived from the owner's brand colour so that every use meets WCAG 2.2 AA.
 * Contrast with white is ≥ 4.5:1 exactly when relative luminance L ≤ 0.1833
 * ((1 + 0.05) / (L + 0.05) ≥ 4.5), and black beats white as text on a colour when
 * L > 0.1791 (the luminance where both contrasts are equal), so:
 * - text on the brand colour is black or white, whichever contrasts more (≥ 4.58:1 always);
 * - the brand colour as text or borders on white is darkened until L ≤ 0.1833.
 */
const DEFAULT = '#1f5fd1';

type Rgb = number[];

/** WCAG relative luminance of 0–255 channels. */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** @example theme('#ffd400') // { brand: '#ffd400', onBrand: '#000000', accent: '#7a6100' } (accent darkened) */
export function theme(color: string | null | undefined): { brand: string; onBrand: string; accent: string } {
  let h = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color?.trim() ?? '')?.[1] ?? DEFAULT.slice(1);
  if (h.length === 3) h = h.replace(/./g, '$&$&');
  const c = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  let a = c;
  while (luminance(a) > 0.1833) a = a.map((v) => v * 0.9);
  return { brand: hex(c), onBrand: luminance(c) > 0.1791 ? '#000000' : '#ffffff', accent: hex(a) };
}
