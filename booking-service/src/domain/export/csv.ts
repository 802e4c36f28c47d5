/**
 * CSV that spreadsheets open as the owner expects (RFC 4180 quoting), and that cannot run as a
 * formula: a visitor types their name, so a cell starting with = + - @ (or a tab / carriage return,
 * which Excel skips before reading one) is prefixed with an apostrophe (OWASP "CSV injection").
 *
 * Excel reads a file without a byte-order mark in the machine's legacy code page, so Cyrillic and
 * Armenian turn into mojibake; the UTF-8 BOM makes it read UTF-8. Excel also splits columns by the
 * locale's list separator: `;` where the decimal separator is a comma (Russian, Armenian), `,`
 * in English. Google Sheets and LibreOffice detect either.
 */
import type { Lang } from '@frontdesk/shared';

export type Cell = string | number | null | undefined;

export const UTF8_BOM = '\uFEFF';

/** The column separator Excel expects for a file in this language. */
export const separatorFor = (lang: Lang): ',' | ';' => (lang === 'en' ? ',' : ';');

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are (a number is data, not a formula); text guarded and quoted. */
export function csvCell(value: Cell, separator: ',' | ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, a header row, then the rows; CRLF line ends as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], separator: ',' | ';'): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => csvCell(c, separator)).join(separator);
  return UTF8_BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}
