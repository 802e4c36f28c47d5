/**
 * "Find my booking" without the chat: /find-booking?site=<siteKey> asks for the phone or e-mail
 * the visitor booked with, e-mails a one-time code (the same codes, limits and words as the chat,
 * services/conversation/lookup-codes.ts) and, once the code is verified, lists their bookings as
 * they are now, each with its manage link. Plain forms, no script; nothing about a booking is
 * shown before the code.
 */
import express, { type Request, type Response, Router } from 'express';
import { eq } from 'drizzle-orm';
import { sites, businesses } from '../adapters/db/schema.js';
import type { Lang } from '../domain/messages/types.js';
import { parseContact } from '../domain/conversation/contact.js';
import { serviceName } from '../domain/conversation/names.js';
import { engineContext } from '../services/conversation/engine-context.js';
import { say, type WordKey } from '../domain/conversation/words/index.js';
import { formatWhen } from '../domain/messages/format.js';
import type { Deps } from '../services/deps.js';
import { readBookings } from '../services/conversation/bookings-now.js';
import { sendLookupCode, verifyLookupCode } from '../services/conversation/lookup-codes.js';
import { escapeHtml as esc } from '@frontdesk/shared';
import { isDatabaseUnavailable } from '../adapters/db/errors.js';
import { sendPage } from './html.js';
import { sendUnavailablePage, visitorLang } from './unavailable.js';

const LANGS: readonly Lang[] = ['ru', 'hy', 'en'];
const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : '');
/** Fields big enough to type into on a phone (the shared page style has none for inputs). */
const FIELD = 'style="font:inherit;padding:8px 10px;margin-top:4px;width:100%;max-width:320px;box-sizing:border-box;border:1px solid #6b7280;border-radius:6px"';

async function siteOf(deps: Deps, siteKey: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(siteKey)) return undefined;
  const rows = await deps.db.select({ site: sites, business: businesses }).from(sites).innerJoin(businesses, eq(businesses.id, sites.businessId)).where(eq(sites.siteKey, siteKey)).limit(1);
  return rows[0];
}

export function findBookingPages(deps: Deps, log: (m: string, e?: unknown) => void): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  const handle = (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      const unavailable = isDatabaseUnavailable(err);
      log(`[pages] ${req.method} ${req.path} ${unavailable ? 'database unavailable' : 'failed'}`, err);
      if (res.headersSent) return;
      // A database outage: 503 + Retry-After, a page in the visitor's language (unavailable.ts).
      if (unavailable) sendUnavailablePage(res, visitorLang(req));
      else sendPage(res, 500, 'en', 'Error', '<section class="err" role="alert"><h1>Something went wrong. Please try again.</h1></section>');
    }
  };

  /** The page for a site and language; an unknown site gets a plain 404 page. */
  async function context(req: Request, res: Response) {
    const input = { ...(req.query as Record<string, unknown>), ...((req.body ?? {}) as Record<string, unknown>) };
    const found = await siteOf(deps, str(input.site));
    const asked = str(input.lang) as Lang;
    const lang: Lang = found && found.business.languages.includes(asked) ? asked : (found?.business.defaultLang ?? (LANGS.includes(asked) ? asked : 'en'));
    const w = (key: WordKey, values?: Record<string, string | number>) => say(lang, key, values);
    if (!found) {
      sendPage(res, 404, lang, w('page.title'), `<section class="err" role="alert"><h1>${esc(w('page.title'))}</h1><p>${esc(w('page.notFound'))}</p></section>`);
      return null;
    }
    const hidden = `<input type="hidden" name="site" value="${esc(found.site.siteKey)}"><input type="hidden" name="lang" value="${lang}">`;
    const show = (status: number, body: string) => sendPage(res, status, lang, w('page.title'), `<h1>${esc(w('page.title'))}</h1><p class="note">${esc(found.business.name)}</p>${body}`);
    const askContact = (status: number, note?: string) =>
      show(status, `${note ? `<section class="err" role="alert"><p>${esc(note)}</p></section>` : ''}<section><p>${esc(w('lookupAsk'))}</p>` +
        `<form method="post" action="/find-booking">${hidden}<p><label for="c">${esc(w('page.contact'))}</label><br><input id="c" name="contact" autocomplete="email" required maxlength="254" ${FIELD}></p>` +
        `<p><button class="btn primary">${esc(w('lookupSubmit'))}</button></p></form></section>`);
    const askCode = (status: number, request: string, note: string, error?: string) =>
      show(status, `<section${error ? ' class="err" role="alert"' : ' role="status"'}><p>${esc(error ?? note)}</p></section><section>` +
        `<form method="post" action="/find-booking/code">${hidden}<input type="hidden" name="request" value="${esc(request)}">` +
        `<p><label for="code">${esc(w('page.code'))}</label><br><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required ${FIELD}></p>` +
        `<p><button class="btn primary">${esc(w('page.show'))}</button> <a class="btn" href="/find-booking?site=${esc(encodeURIComponent(found.site.siteKey))}&amp;lang=${lang}">${esc(w('page.again'))}</a></p></form></section>`);
    return { ...found, lang, w, input, show, askContact, askCode };
  }

  r.get('/find-booking', handle(async (req, res) => {
    const c = await context(req, res);
    if (c) c.askContact(200);
  }));

  r.post('/find-booking', form, handle(async (req, res) => {
    const c = await context(req, res);
    if (!c) return;
    const contact = parseContact(str(c.input.contact));
    if (!contact) return c.askContact(400, c.w('err.contact'));
    const sent = await sendLookupCode(deps, deps.db, { businessId: c.business.id, businessName: c.business.name, conversationId: null, contact, lang: c.lang });
    if (!sent.ok) return c.askContact(sent.reason === 'limited' ? 429 : 400, sent.reason === 'limited' ? c.w('codeLimited', { minutes: sent.retryAfterMin }) : c.w('codeNoEmail'));
    c.askCode(200, sent.requestId, c.w('codeSent', { to: sent.sentTo, minutes: sent.ttlMin }));
  }));

  r.post('/find-booking/code', form, handle(async (req, res) => {
    const c = await context(req, res);
    if (!c) return;
    const request = str(c.input.request);
    const checked = await verifyLookupCode(deps, deps.db, { businessId: c.business.id, conversationId: null, requestId: request, code: str(c.input.code) });
    if (!checked.ok) {
      if (checked.reason === 'wrong') return c.askCode(400, request, '', c.w('codeWrong', { left: checked.attemptsLeft }));
      return c.askContact(400, c.w('codeExpired'));
    }
    const found = await readBookings(deps, c.business.id, { customerIds: checked.customerIds });
    if (found.length === 0) return c.show(200, `<section><p>${esc(c.w('noBookings'))}</p></section>`);
    const ctx = await engineContext(deps, c, deps.clock.now());
    const rows = found.map(({ facts: b }) => {
      const name = serviceName(ctx, b.serviceId, c.lang);
      const link = `/manage?token=${esc(encodeURIComponent(b.manageToken))}&amp;lang=${c.lang}`;
      return `<tr><td>${esc(formatWhen(b.start, c.business.timeZone, c.lang))}</td><td>${esc(name)}<br><span class="note">${esc(b.staffName)}</span></td>` +
        `<td data-status="${esc(b.status)}">${esc(c.w('page.status', { status: b.status }))}</td><td><a class="btn" href="${link}">${esc(c.w('page.open'))}</a></td></tr>`;
    });
    c.show(200, `<section><table>${rows.join('')}</table></section>`);
  }));

  return r;
}
