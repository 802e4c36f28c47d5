/**
 * Whether the reader's fonts draw a character, for signs newer than some fonts (the dram ֏,
 * 2012). A missing glyph is drawn as the same fallback box as a character no font has (U+10FFFD,
 * private use): the two are drawn on a canvas and compared. Answers true where it cannot tell
 * (no canvas, tests, the server), so the sign is kept unless it is known to be missing. Measured once
 * per char and font. Used by the console and the widget.
 */
const known = new Map<string, boolean>();

export function hasGlyph(ch: string, font = '16px system-ui, sans-serif'): boolean {
  const key = `${ch} ${font}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  let drawn = true;
  try {
    const draw = (c: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 24;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      if (!g) return null;
      g.font = font;
      g.textBaseline = 'top';
      g.fillText(c, 2, 2);
      return g.getImageData(0, 0, 24, 24).data.join(',');
    };
    const a = draw(ch);
    const tofu = draw('\u{10FFFD}');
    if (a !== null && tofu !== null) drawn = a !== tofu && /[^0,]/.test(a);
  } catch {
    // No DOM or canvas here: keep the sign.
  }
  known.set(key, drawn);
  return drawn;
}
