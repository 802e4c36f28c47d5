/**
 * The page a visitor gets while the database is unreachable (an outage, a restart): 503 with
 * Retry-After as the APIs send it (RFC 9110), in the visitor's language — nothing broke and
 * nothing is lost, they can simply come back in a minute. Pages answer a page, never the API's
 * JSON and never a 500 "something went wrong" (issue 12, PostgreSQL outages).
 */
import { escapeHtml, type Lang } from '@frontdesk/shared';
import type { Request, Response } from 'express';
import { DB_RETRY_AFTER_SECONDS } from '../api/errors.js';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';
import { sendPage } from './html.js';
import { PAGE_STRINGS } from './strings.js';

const LANGS: readonly Lang[] = ['ru', 'hy', 'en'];

/** The link's or form's `lang`, else the browser's first language we speak, else English. */
export function visitorLang(req: Request): Lang {
  const asked = req.query.lang ?? (req.body as Record<string, unknown> | undefined)?.lang;
  if (typeof asked === 'string' && (LANGS as string[]).includes(asked)) return asked as Lang;
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(code)) return code as Lang;
  }
  return 'en';
}

export function sendUnavailablePage(res: Response, lang: Lang, back?: string): void {
  const [title, detail] = PAGE_STRINGS[lang].errors.UNAVAILABLE;
  res.set('Retry-After', String(DB_RETRY_AFTER_SECONDS));
  sendPage(
    res,
    503,
    lang,
    title,
    `<section class="err" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p>${back ? `<p><a class="btn" href="${escapeHtml(back)}">←</a></p>` : ''}</section>`,
  );
}

/**
 * A visitor page's request failed (follow-up, conversation, short link): a database outage gets
 * the translated 503 page above in the visitor's language (the conversation's own language is in
 * the database we cannot read); anything else stays a 500.
 */
export function sendPageFailure(req: Request, res: Response, err: unknown, log: (m: string, e?: unknown) => void, where: string): void {
  const unavailable = isDatabaseUnavailable(err);
  log(`${where} ${req.method} ${unavailable ? 'database unavailable' : 'failed'}`, err);
  if (res.headersSent) return;
  if (unavailable) sendUnavailablePage(res, visitorLang(req));
  else res.status(500).type('text/plain').send('Internal error');
}
