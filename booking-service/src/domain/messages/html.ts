/** HTML building blocks for e-mails. Every interpolated string goes through `escapeHtml`. */
import { escapeHtml } from '@frontdesk/shared';

/** A link that looks like a button; only http(s) URLs are emitted. */
export function button(href: string, label: string, primary = false): string {
  if (!/^https?:\/\//.test(href)) return '';
  const style = primary
    ? 'background:#4f46e5;color:#ffffff;border:1px solid #4f46e5'
    : 'background:#ffffff;color:#4f46e5;border:1px solid #4f46e5';
  return `<a href="${escapeHtml(href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600;${style}">${escapeHtml(label)}</a>`;
}

export function rows(pairs: Array<[string, string]>): string {
  const tr = pairs
    .map(([k, v]) => `<tr><td style="padding:4px 12px 4px 0;color:#6b7280;vertical-align:top">${escapeHtml(k)}</td><td style="padding:4px 0">${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`)
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;margin:12px 0">${tr}</table>`;
}

export function layout(lang: string, title: string, body: string, footer: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f3f4f6;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#111827">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">${body}` +
    `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 12px"><p style="font-size:12px;color:#6b7280">${footer}</p></div></body></html>`;
}
