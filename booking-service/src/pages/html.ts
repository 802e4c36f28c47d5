/** A minimal page shell for the service's own pages: no scripts, inline styles, strict CSP. */
import { escapeHtml } from '@frontdesk/shared';
import type { Response } from 'express';

/** Forms post back to this service only; nothing may load from elsewhere; no script runs. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'";

export function sendPage(res: Response, status: number, lang: string, title: string, body: string): void {
  res
    .status(status)
    .type('text/html; charset=utf-8')
    .set('Content-Security-Policy', CSP)
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .set('X-Robots-Tag', 'noindex')
    .send(
      `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`,
    );
}

const STYLE = `body{margin:0;background:#f3f4f6;font:16px/1.5 -apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#111827}
main{max-width:640px;margin:0 auto;padding:16px}
section{background:#fff;border-radius:8px;padding:16px 20px;margin:12px 0}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:0 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#6b7280}dd{margin:0}
.note{color:#374151}.ok{background:#ecfdf5;border:1px solid #10b981}.err{background:#fef2f2;border:1px solid #ef4444}
.days a,.slots button,.btn{display:inline-block;margin:4px 6px 4px 0;padding:8px 12px;border-radius:6px;border:1px solid #4f46e5;background:#fff;color:#4f46e5;text-decoration:none;font:inherit;cursor:pointer}
.days a[aria-current]{background:#4f46e5;color:#fff}.primary{background:#4f46e5!important;color:#fff!important}
.danger{border-color:#b91c1c!important;color:#b91c1c!important}form{display:inline}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px;border-bottom:1px solid #e5e7eb;vertical-align:top}`;
