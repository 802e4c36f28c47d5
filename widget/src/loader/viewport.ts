/**
 * Keeps a bubble widget on screen whatever the host page does. The host element covers the
 * visual viewport — the part of the page the visitor actually sees — rather than the layout
 * viewport that `position: fixed` uses: on a phone zoomed in, or on a page wider than the
 * phone (a wide table made a 390 px phone page 439 px wide), the layout viewport's corner is
 * off-screen. When pinch-zoomed (scale s) the box is counter-scaled by 1/s, so the launcher and
 * the panel keep their size on screen.
 *
 * The element goes into the browser's top layer (popover="manual") where supported: above any
 * z-index, and out of reach of a transformed, filtered or `contain`ed ancestor. Without popover
 * it stays a fixed element with the highest z-index, a child of <html> rather than <body>, so
 * a transform or filter on <body> does not become its containing block.
 */

/** Box width (CSS px at scale 1) up to which the panel takes the whole visible screen. */
const NARROW = 480;

export function pin(root: HTMLElement, geo: CSSStyleSheet, w: Window & typeof globalThis): () => void {
  const vv = w.visualViewport;
  const place = () => {
    const s = vv?.scale ?? 1;
    const width = vv ? vv.width * s : w.innerWidth;
    root.toggleAttribute('data-narrow', width <= NARROW);
    if (!vv) return;
    // Offsets are the visual viewport's position in the layout viewport, which is what fixed positions use.
    geo.replaceSync(
      `:host(:not([data-mode=inline])){inset:auto!important;left:${vv.offsetLeft}px!important;top:${vv.offsetTop}px!important;` +
        `width:${width}px!important;height:${vv.height * s}px!important${s === 1 ? '' : `;transform:scale(${1 / s})!important;transform-origin:0 0!important`}}`,
    );
  };
  (vv ?? w).addEventListener('resize', place);
  vv?.addEventListener('scroll', place);
  // Not now: reading the viewport's geometry during our script forces a layout of the whole host
  // page before its first one (21–63 ms in Chromium on the demo page, inside our script). In the next frame the
  // layout is the page's own; until then the box is the stylesheet's (inset 0), right at scale 1.
  w.requestAnimationFrame(place);
  return () => {
    // Removing the element from the document takes it out of the top layer: put it back there.
    if (!root.isConnected) w.document.documentElement.append(root);
    try {
      root.popover = 'manual';
      root.showPopover();
    } catch {
      // No popover API (older browsers), or already shown: the fixed, highest z-index box stands.
    }
  };
}
