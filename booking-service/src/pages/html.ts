/** A minimal page shell for the service's own pages: no scripts, inline styles, strict CSP. */
import { escapeHtml } from '@frontdesk/shared';
import type { Response } from 'express';

/** Forms post back to this service only; nothing may load from elsewhere; no script runs. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'";

/** "#1d4ed8"-style colours only (a site's widget colour); anything else keeps the default. */
const HEX = /^#[0-9a-f]{6}$/i;

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

/**
 * The page's brand colours: the site's colour for filled buttons, with white or near-black text
 * on it, whichever reads better; outlined text uses it only where it keeps 4.5:1 on white.
 */
export function brandCss(brand: string | null | undefined): string {
  const b = brand && HEX.test(brand) ? brand : '#4f46e5';
  const l = luminance(b);
  const onBrand = (1.05) / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#111827';
  const ink = 1.05 / (l + 0.05) >= 4.5 ? b : '#374151';
  return `:root{--brand:${b};--on-brand:${onBrand};--brand-ink:${ink}}`;
}

export function sendPage(res: Response, status: number, lang: string, title: string, body: string, brand?: string | null): void {
  res
    .status(status)
    .type('text/html; charset=utf-8')
    .set('Content-Security-Policy', CSP)
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .set('X-Robots-Tag', 'noindex')
    .send(
      `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>${brandCss(brand)}${STYLE}</style></head><body><main>${body}</main></body></html>`,
    );
}

const STYLE = `body{margin:0;background:#f3f4f6;font:16px/1.5 -apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#111827}
main{max-width:640px;margin:0 auto;padding:16px}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:12px 0}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:0 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#6b7280}dd{margin:0}
.note{color:#374151}.ok{background:#ecfdf5;border:1px solid #10b981}.err{background:#fef2f2;border:1px solid #ef4444}
.days a,.slots button,.btn{display:inline-block;margin:4px 6px 4px 0;padding:8px 12px;border-radius:6px;border:1px solid var(--brand);background:#fff;color:var(--brand-ink);text-decoration:none;font:inherit;cursor:pointer}
.days a[aria-current]{background:var(--brand);color:var(--on-brand)}.primary{background:var(--brand)!important;color:var(--on-brand)!important}
.ask{border:2px solid var(--brand)}.langs{text-align:right;font-size:14px}.langs a{margin-left:8px;color:var(--brand-ink)}.langs a[aria-current]{font-weight:700;color:#111827;text-decoration:none}
.danger{border-color:#b91c1c!important;color:#b91c1c!important}form{display:inline}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px;border-bottom:1px solid #e5e7eb;vertical-align:top}`;
